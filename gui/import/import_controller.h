#pragma once
// File > Import spreadsheet… and File > Save template…: choose the file (an
// xlsx or ods workbook, or CSV files), read it on a worker behind a progress
// dialog with Cancel, show SpreadsheetImportDialog, then apply its result: a new
// project replaces the document as opening a file does (FileController), or the
// actors and flows join the open project as one undo step (model::ImportChain).
// A summary says what was added and which of the user's rules were used.
#include <wx/string.h>

#include <filesystem>
#include <functional>
#include <vector>

#include "background_task.h"
#include "document.h"

class wxFrame;

namespace traza::model {
class ColumnMapping;
struct SheetImport;
}

namespace traza::gui {

class FileController;
class SpreadsheetImportDialog;

class ImportController {
public:
    ImportController(wxFrame* frame, Document&, FileController&);

    /// Ask for the file(s), then importFiles. False when cancelled or nothing was imported.
    bool importWithDialog();
    /// One workbook or CSV file (a CSV alone asks for the flows file), or two CSV
    /// files (actors, flows: by their names, else in this order). Errors are shown.
    bool importFiles(std::vector<std::filesystem::path> files);
    /// Ask for a file name and write the empty chain workbook.
    bool saveTemplateWithDialog();

    /// Tests: the file dialogs answer `files` / `templatePath`, no summary box
    /// (the summary is still in lastSummary() and the status bar).
    void setUnattended(bool b, std::vector<std::filesystem::path> files = {}, std::filesystem::path templatePath = {}) {
        m_unattended = b;
        m_files = std::move(files);
        m_templatePath = std::move(templatePath);
    }
    /// Tests: called with the dialog once it is shown (modal), to drive it.
    std::function<void(SpreadsheetImportDialog&)> onDialogShown;
    /// What the last import added, its notes and the rules used.
    const wxString& lastSummary() const { return m_summary; }
    BackgroundTasks& tasks() { return m_tasks; }

private:
    /// `rules`: the user's column rules, remembered by the project for its next import.
    void apply(const model::SheetImport&, const model::ColumnMapping& rules, bool intoOpenProject, const std::string& name);
    wxString summaryOf(const model::SheetImport&, bool intoOpenProject) const;

    wxFrame* m_frame;
    Document& m_doc;
    FileController& m_fileController;
    BackgroundTasks m_tasks;
    bool m_unattended = false;
    std::vector<std::filesystem::path> m_files;
    std::filesystem::path m_templatePath;
    wxString m_summary;
};

}  // namespace traza::gui
