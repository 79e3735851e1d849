#include "file_controller.h"

#include <wx/config.h>
#include <wx/datetime.h>
#include <wx/filedlg.h>
#include <wx/filehistory.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/utils.h>

#include <fstream>
#include <system_error>

#include "catalogue.h"
#include "chain_json.h"
#include "csv_import.h"
#include "error.h"
#include "error_dialog.h"
#include "labels.h"
#include "project_files.h"
#include "project_store.h"
#include "startup_trace.h"

namespace traza::gui {
namespace fs = std::filesystem;

namespace {

fs::path toPath(const wxString& s) { return fs::path(toUtf8(s)); }
wxString fromPath(const fs::path& p) { return toWx(p.string()); }

wxString modifiedTime(const fs::path& p) {
    std::error_code ec;
    const auto t = fs::last_write_time(p, ec);
    if (ec) return wxString();
    const auto sys = std::chrono::file_clock::to_sys(t);
    return wxDateTime(static_cast<time_t>(std::chrono::system_clock::to_time_t(sys))).Format("%Y-%m-%d %H:%M");
}

const wxString kProjectWildcard = wxTRANSLATE("Traza projects (*.traza)|*.traza");
const wxString kJsonWildcard = wxTRANSLATE("Chain JSON (*.json)|*.json");
const wxString kCsvWildcard = wxTRANSLATE("CSV files (*.csv)|*.csv");

}  // namespace

FileController::FileController(wxFrame* frame, Document& doc, wxFileHistory& history)
    : m_frame(frame), m_doc(doc), m_history(history), m_autosave(this) {
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { autosaveNow(); });
    m_autosave.Start(kAutosaveSeconds * 1000);
}

FileController::~FileController() { m_autosave.Stop(); }

fs::path FileController::userDataDir() const { return toPath(wxStandardPaths::Get().GetUserDataDir()); }
fs::path FileController::autosavePath() const { return autosavePathFor(m_doc.path(), userDataDir()); }

void FileController::setStatus(const wxString& s) {
    // Later, not now: the status bar repaints at once, and with it a canvas
    // holding a chain not yet laid out (see MainFrame::setStatusLater).
    m_frame->CallAfter([frame = m_frame, s] {
        if (frame->GetStatusBar()) frame->SetStatusText(s, 0);
    });
}

bool FileController::maybeSave() {
    if (!m_doc.isModified() || m_unattended) return true;
    const wxString name = m_doc.displayName().empty() ? _("Untitled") : toWx(m_doc.displayName());
    wxMessageDialog ask(m_frame, wxString::Format(_("Save the changes to \"%s\" before closing it?"), name), _("Traza"),
                        wxYES_NO | wxCANCEL | wxICON_QUESTION);
    ask.SetExtendedMessage(_("Changes you don't save are lost."));
    ask.SetYesNoCancelLabels(_("&Save"), _("&Don't save"), _("&Cancel"));
    switch (ask.ShowModal()) {
    case wxID_YES: return save();
    case wxID_NO: return true;
    default: return false;
    }
}

void FileController::discardAutosave() {
    if (!m_lastAutosave.empty()) removeQuietly(m_lastAutosave);
    m_lastAutosave.clear();
}

bool FileController::newProject() {
    if (!maybeSave()) return false;
    discardAutosave();
    try {
        m_doc.replace(model::Project::createEmpty(), {}, {}, false);
    } catch (const std::exception& e) {  // the installed catalogue is missing or damaged
        showError(m_frame, e);
        return false;
    }
    m_autosavedRevision = m_doc.revision();
    if (afterLoad) afterLoad();
    return true;
}

bool FileController::closeProject() { return newProject(); }

bool FileController::openWithDialog() {
    wxFileDialog dlg(m_frame, _("Open project"), wxString(), wxString(),
                     _("Traza projects and chain JSON (*.traza;*.json)|*.traza;*.json|") + wxGetTranslation(kProjectWildcard) +
                         "|" + wxGetTranslation(kJsonWildcard),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return false;
    return openPath(toPath(dlg.GetPath()));
}

bool FileController::openPath(const fs::path& file) {
    if (!maybeSave()) return false;
    discardAutosave();
    return load(file, false);
}

bool FileController::load(const fs::path& file, bool asImport) {
    const bool isJson = asImport || file.extension() == ".json" || file.extension() == ".JSON";
    bool analysing = false;  // the analysis of the file read has started (analyseFirst)
    const std::uint64_t revisionBefore = m_doc.revision();
    // Only an open of the file read early takes it; anything else drops it.
    std::unique_ptr<EarlyRead> early = std::move(m_earlyRead);
    if (early && (asImport || early->file() != file)) early.reset();
    try {
        wxBusyCursor busy;
        if (!isJson) {
            const fs::path autosave = autosavePathFor(file, userDataDir());
            if (autosaveIsNewer(file, autosave)) {
                const int answer = m_unattended ? (m_recoverUnattended ? wxYES : wxNO) : wxMessageBox(
                    wxString::Format(_("An autosaved version of \"%s\" from %s is newer than the file.\n\nRecover the autosaved version?"),
                                     toWx(file.filename().string()), modifiedTime(autosave)),
                    _("Recover autosave"), wxYES_NO | wxICON_QUESTION, m_frame);
                if (answer == wxYES) {
                    early.reset();
                    m_doc.replace(model::ProjectStore::open(autosave), file, {}, true);
                    m_lastAutosave = autosave;
                    m_history.AddFileToHistory(fromPath(file));
                    m_history.Save(*wxConfigBase::Get());
                    m_autosavedRevision = m_doc.revision();
                    if (afterLoad) afterLoad();
                    return true;
                }
                removeQuietly(autosave);
            }
        }
        model::Project project = early                ? early->take()
                                 : isJson             ? model::readProjectJson(file, model::Catalogue::installed())
                                                      : model::ProjectStore::open(file);
        StartupTrace::instance().mark(Milestone::FileRead);
        if (analyseFirst) {
            auto read = std::make_shared<const model::Project>(std::move(project));
            analyseFirst(read);
            analysing = true;
            project = *read;  // the document's copy, made while the analysis runs
        }
        // A chain JSON opened is what is in its file: nothing to save yet (issue #17).
        if (isJson) m_doc.replace(std::move(project), {}, file.stem().string(), false, analysing);
        else m_doc.replace(std::move(project), file, {}, false, analysing);
    } catch (const std::exception& e) {
        // The copy failed after the analysis of the file had started: the
        // document is as it was, and so must be the analysis shown.
        if (analysing && m_doc.revision() == revisionBefore) analyseFirst(std::make_shared<const model::Project>(m_doc.project()));
        showError(m_frame, e, fromPath(file));
        return false;
    }
    m_history.AddFileToHistory(fromPath(file));
    m_history.Save(*wxConfigBase::Get());
    m_autosavedRevision = m_doc.revision();
    setStatus(wxString::Format(_("Opened %s"), fromPath(file)));
    if (afterLoad) afterLoad();
    return true;
}

bool FileController::save() {
    if (m_doc.path().empty()) return saveAsWithDialog();
    return saveTo(m_doc.path());
}

wxString FileController::chooseSavePath(const wxString& title, const wxString& wildcard, const wxString& defaultName) {
    wxFileDialog dlg(m_frame, title, wxString(), defaultName, wildcard, wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    return dlg.ShowModal() == wxID_OK ? dlg.GetPath() : wxString();
}

bool FileController::saveAsWithDialog() {
    const wxString chosen = chooseSavePath(_("Save project as"), wxGetTranslation(kProjectWildcard), toWx(m_doc.suggestedFileName()));
    if (chosen.empty()) return false;
    fs::path p = toPath(chosen);
    if (p.extension() != ".traza") p += ".traza";
    return saveTo(p);
}

bool FileController::saveTo(const fs::path& p) {
    try {
        wxBusyCursor busy;
        m_doc.saveAs(p);
    } catch (const std::exception& e) {
        showError(m_frame, e, fromPath(p));
        return false;
    }
    discardAutosave();
    removeQuietly(autosavePathFor(p, userDataDir()));
    m_autosavedRevision = m_doc.revision();
    m_history.AddFileToHistory(fromPath(p));
    m_history.Save(*wxConfigBase::Get());
    setStatus(wxString::Format(_("Saved %s"), fromPath(p)));
    return true;
}

bool FileController::importJsonWithDialog() {
    wxFileDialog dlg(m_frame, _("Import chain JSON"), wxString(), wxString(), wxGetTranslation(kJsonWildcard),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK || !maybeSave()) return false;
    discardAutosave();
    return load(toPath(dlg.GetPath()), true);
}

bool FileController::importCsvWithDialog() {
    wxFileDialog actors(m_frame, _("Import CSV: choose the actors file"), wxString(), wxString(), wxGetTranslation(kCsvWildcard),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (actors.ShowModal() != wxID_OK) return false;
    wxFileDialog flows(m_frame, _("Import CSV: choose the flows file"), actors.GetDirectory(), wxString(),
                       wxGetTranslation(kCsvWildcard), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (flows.ShowModal() != wxID_OK || !maybeSave()) return false;
    discardAutosave();
    try {
        wxBusyCursor busy;
        model::Project p = model::readProjectCsv(toPath(actors.GetPath()), toPath(flows.GetPath()), model::Catalogue::installed());
        m_doc.replace(std::move(p), {}, toPath(actors.GetPath()).stem().string(), true);
    } catch (const std::exception& e) {
        showError(m_frame, e, actors.GetPath() + "\n" + flows.GetPath());
        return false;
    }
    m_autosavedRevision = m_doc.revision();
    if (afterLoad) afterLoad();
    return true;
}

bool FileController::adoptImport(model::Project project, const std::string& name) {
    if (!maybeSave()) return false;
    discardAutosave();
    m_doc.replace(std::move(project), {}, name, true);
    m_autosavedRevision = m_doc.revision();
    if (afterLoad) afterLoad();
    return true;
}

bool FileController::exportJsonWithDialog() {
    const std::string stem = fs::path(m_doc.suggestedFileName()).stem().string();
    const wxString chosen = chooseSavePath(_("Export chain JSON"), wxGetTranslation(kJsonWildcard), toWx(stem + ".json"));
    return !chosen.empty() && exportJsonTo(toPath(chosen));
}

bool FileController::exportJsonTo(const fs::path& p) {
    try {
        const std::string text = model::projectToJson(m_doc.project());
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw IoError("could not write " + p.string());
    } catch (const std::exception& e) {
        showError(m_frame, e, fromPath(p));
        return false;
    }
    setStatus(wxString::Format(_("Exported %s"), fromPath(p)));
    return true;
}

bool FileController::autosaveNow() {
    if (!m_doc.isModified() || m_doc.revision() == m_autosavedRevision) return true;
    const fs::path p = autosavePath();
    try {
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        model::ProjectStore::save(m_doc.project(), p);
    } catch (const std::exception& e) {
        setStatus(wxString::Format(_("Autosave failed: %s"), toWx(e.what())));
        return false;
    }
    if (!m_lastAutosave.empty() && m_lastAutosave != p) removeQuietly(m_lastAutosave);
    m_lastAutosave = p;
    m_autosavedRevision = m_doc.revision();
    setStatus(wxString::Format(_("Autosaved to %s"), fromPath(p)));
    return true;
}

bool FileController::offerUntitledRecovery() {
    const fs::path p = autosavePathFor({}, userDataDir());
    std::error_code ec;
    if (!fs::exists(p, ec)) return false;
    const int answer = m_unattended ? (m_recoverUnattended ? wxYES : wxNO) : wxMessageBox(
        wxString::Format(_("Traza found an untitled project autosaved on %s, probably before a crash.\n\nRecover it?"), modifiedTime(p)),
        _("Recover autosave"), wxYES_NO | wxICON_QUESTION, m_frame);
    if (answer != wxYES) {
        removeQuietly(p);
        return false;
    }
    try {
        m_doc.replace(model::ProjectStore::open(p), {}, toUtf8(_("Recovered")), true);
    } catch (const std::exception& e) {
        showError(m_frame, e, fromPath(p));
        return false;
    }
    m_lastAutosave = p;
    if (afterLoad) afterLoad();
    return true;
}

}  // namespace traza::gui
