#pragma once
// File handling of the main frame: new, open, save, save as, close, import
// (chain JSON, CSV), export JSON, recent files, the unsaved-changes prompt,
// autosave every 60 s beside the file and its recovery. Errors go to showError.
#include <wx/event.h>
#include <wx/timer.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

#include "document.h"
#include "early_read.h"

class wxFileHistory;
class wxFrame;

namespace traza::gui {

class FileController : public wxEvtHandler {
public:
    static constexpr int kAutosaveSeconds = 60;

    FileController(wxFrame* frame, Document&, wxFileHistory&);
    ~FileController() override;

    /// Each returns false when the user cancelled or an error was shown.
    bool newProject();
    bool openWithDialog();
    /// Open a .traza or chain JSON file (after the unsaved-changes prompt); for a
    /// .traza with a newer autosave, offers to recover it.
    bool openPath(const std::filesystem::path&);
    bool save();
    bool saveAsWithDialog();
    /// Save to this file (no dialog); deletes the autosave on success.
    bool saveTo(const std::filesystem::path&);
    bool closeProject();
    bool importJsonWithDialog();
    bool importCsvWithDialog();
    /// Replace the document with an imported project named `name` (untitled,
    /// modified), as opening a file does: asks to save the changes first. False
    /// when the user cancelled that question.
    bool adoptImport(model::Project, const std::string& name);
    bool exportJsonWithDialog();
    bool exportJsonTo(const std::filesystem::path&);

    /// If modified, ask "save changes?". False means: the user cancelled.
    bool maybeSave();
    /// The window is closing for good: forget the autosave of a discarded document.
    void discardAutosave();

    /// Write the autosave now if the document changed since the last one.
    /// Returns false on failure (reported in the status bar, never a dialog).
    bool autosaveNow();
    std::filesystem::path autosavePath() const;
    /// If an untitled document was autosaved (a crash), offer to recover it. True if recovered.
    bool offerUntitledRecovery();

    /// Called after any project was loaded (the frame lays it out and analyses it).
    std::function<void()> afterLoad;
    /// Called with a project file just read, before the document takes its own
    /// copy: the frame starts the analysis on it, so the analysis does not wait
    /// for the copy (a national chain's takes 15-100 ms).
    std::function<void(std::shared_ptr<const model::Project>)> analyseFirst;
    /// The file named on the command line, already being read: the next open
    /// of that very file takes the project from it instead of reading again.
    void adoptEarlyRead(std::unique_ptr<EarlyRead> read) { m_earlyRead = std::move(read); }
    /// Skip every question (tests): "save changes?" answers No, and offers to
    /// recover an autosave get `recoverAutosaves`.
    void setUnattended(bool b, bool recoverAutosaves = false) {
        m_unattended = b;
        m_recoverUnattended = recoverAutosaves;
    }

private:
    std::filesystem::path userDataDir() const;
    bool load(const std::filesystem::path& file, bool asImport);
    wxString chooseSavePath(const wxString& title, const wxString& wildcard, const wxString& defaultName);
    void setStatus(const wxString&);

    wxFrame* m_frame;
    Document& m_doc;
    wxFileHistory& m_history;
    wxTimer m_autosave;
    std::uint64_t m_autosavedRevision = 0;
    std::filesystem::path m_lastAutosave;  ///< what to delete on clean save or close
    bool m_unattended = false;
    std::unique_ptr<EarlyRead> m_earlyRead;
    bool m_recoverUnattended = false;
};

}  // namespace traza::gui
