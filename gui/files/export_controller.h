#pragma once
// File > Export report…, File > Export chain… and File > Share anonymised…: the
// Excel workbook (reports::writeReport), the chain for other tools (PNG, SVG,
// GraphML, DOT), and either of them or chain JSON from an anonymised copy.
//
// The workbook is written on a worker thread, not by yielding from the progress
// callback: libxlsxwriter packs the file in one long call with no callback, so a
// yielding design would freeze the window for that step. The worker gets its own
// copy of the project and analyses it itself, so it never touches the document.
// It publishes its progress in an atomic that a 100 ms timer on the GUI thread
// shows in an app-modal wxProgressDialog; the dialog's Cancel sets an atomic the
// worker's progress callback returns, and writeReport then leaves no file (an
// existing file of that name is untouched). The end comes back through CallAfter.
#include <wx/event.h>
#include <wx/timer.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "chain_export.h"
#include "document.h"
#include "share_dialog.h"

class wxFrame;
class wxGenericProgressDialog;

namespace traza::gui {

class ExportController : public wxEvtHandler {
public:
    enum class Outcome { None, Written, Cancelled, Failed };

    ExportController(wxFrame* frame, Document&);
    /// Cancels a report in progress and waits for its worker.
    ~ExportController() override;

    /// Ask for a file name, then startReport. False when the user cancelled the dialog.
    bool exportReportWithDialog();
    /// Start writing the workbook to `out` with the progress dialog; returns at once.
    /// False when a report is already being written. With `shared` (an anonymised
    /// copy) the workbook describes it and names no project file.
    bool startReport(const std::filesystem::path& out, std::optional<model::Project> shared = std::nullopt);
    bool reportRunning() const { return m_worker.joinable(); }
    /// What the Cancel button does.
    void cancelReport() { m_cancel = true; }
    /// The progress dialog while a report is written, else null.
    wxGenericProgressDialog* progressDialog() const { return m_dialog; }
    /// How the last report ended (None before the first one finished).
    Outcome lastOutcome() const { return m_outcome; }
    /// The SHA-256 of the project file that the last written report's sign-off
    /// block carries: set only when the project was saved and unmodified (the
    /// file is then exactly what the report describes), else empty.
    const std::string& lastProjectSha256() const { return m_sha256; }

    /// Ask for a file name and format, then exportChainTo. False when cancelled or failed.
    bool exportChainWithDialog();
    /// Write the chain map (PNG, SVG) or graph (GraphML, DOT) to `out`; errors are shown. True on success.
    bool exportChainTo(const std::filesystem::path& out, reports::ChainFormat);

    /// File > Share anonymised…: ShareDialog, a file name, then shareAnonymisedTo.
    bool shareAnonymisedWithDialog();
    /// Writes `format` to `out` from model::anonymise of the project (pseudonyms in
    /// the interface language); the report is started as startReport does. True
    /// when written or started; errors are shown.
    bool shareAnonymisedTo(const std::filesystem::path& out, ShareFormat, model::RegionLevel);

    /// Tests: the file name Share anonymised… uses instead of asking (the
    /// options dialog is still shown).
    void setUnattendedSharePath(std::filesystem::path p) { m_sharePath = std::move(p); }

    /// Tests: no "open it?" question, and the file dialogs answer `reportPath` /
    /// `chainPath` (empty: the dialog is shown).
    void setUnattended(bool b, std::filesystem::path reportPath = {}, std::filesystem::path chainPath = {}) {
        m_unattended = b;
        m_reportPath = std::move(reportPath);
        m_chainPath = std::move(chainPath);
    }
    /// Tests: called on the worker thread at each progress step (to slow a report down).
    std::function<void(double fraction)> progressHook;

private:
    void onTimer(wxTimerEvent&);
    void finish(Outcome, const std::string& error, const std::filesystem::path& out);
    void joinWorker();

    wxFrame* m_frame;
    Document& m_doc;
    bool m_unattended = false;
    std::filesystem::path m_reportPath;
    std::filesystem::path m_chainPath;
    std::filesystem::path m_sharePath;
    wxTimer m_timer;
    wxGenericProgressDialog* m_dialog = nullptr;
    std::thread m_worker;
    std::atomic<double> m_fraction{0};
    std::atomic<bool> m_cancel{false};
    Outcome m_outcome = Outcome::None;
    bool m_inUpdate = false;  ///< inside the dialog's Update() (which yields)
    bool m_ended = false;     ///< the worker's end arrived during Update(); handled after it
    Outcome m_endOutcome = Outcome::None;
    std::string m_endError;
    std::filesystem::path m_endPath;
    std::string m_sha256;  ///< written by the worker, read after it is joined
};

}  // namespace traza::gui
