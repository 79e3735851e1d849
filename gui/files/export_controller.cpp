#include "export_controller.h"

#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include <algorithm>
#include <fstream>

#include "analysis.h"
#include "anonymise.h"
#include "atomic_output.h"
#include "chain_json_writer.h"
#include "error.h"
#include "error_dialog.h"
#include "labels.h"
#include "report.h"
#include "sha256.h"

namespace traza::gui {
namespace {
constexpr int kRange = 1000;  // progress dialog steps
constexpr int kPollMs = 100;

std::filesystem::path withExtension(std::filesystem::path p, const char* ext) {
    if (p.extension().empty()) p += ext;
    return p;
}
}  // namespace

ExportController::ExportController(wxFrame* frame, Document& doc) : m_frame(frame), m_doc(doc), m_timer(this) {
    Bind(wxEVT_TIMER, &ExportController::onTimer, this);
}

ExportController::~ExportController() {
    m_cancel = true;
    m_timer.Stop();
    joinWorker();
    if (m_dialog) m_dialog->Destroy();
}

void ExportController::joinWorker() {
    if (m_worker.joinable()) m_worker.join();
}

bool ExportController::exportReportWithDialog() {
    if (reportRunning()) return false;
    if (m_unattended && !m_reportPath.empty()) return startReport(m_reportPath);
    std::string base = m_doc.suggestedFileName();
    base = base.substr(0, base.rfind('.'));
    wxFileDialog dlg(m_frame, _("Export report"), wxString(), toWx(base + ".xlsx"), _("Excel workbook (*.xlsx)|*.xlsx"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    if (dlg.ShowModal() != wxID_OK) return false;
    return startReport(withExtension(std::filesystem::path(toUtf8(dlg.GetPath())), ".xlsx"));
}

bool ExportController::startReport(const std::filesystem::path& out, std::optional<model::Project> shared) {
    if (reportRunning()) return false;
    m_cancel = false;
    m_fraction = 0;
    m_outcome = Outcome::None;
    // App-modal: no edit, layout or second export can start while the worker runs.
    m_dialog = new wxProgressDialog(_("Export report"), wxString::Format(_("Writing %s…"), toWx(out.filename().string())),
                                    kRange, m_frame, wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_ELAPSED_TIME | wxPD_REMAINING_TIME);
    m_dialog->SetName("export-progress");
    // The sign-off names the project file only when the file holds exactly this
    // project (saved, no edit since): otherwise its SHA-256 would vouch for other data.
    // An anonymised copy is described by no file (its reader holds none).
    const std::filesystem::path projectFile = m_doc.isModified() || shared ? std::filesystem::path() : m_doc.path();
    m_sha256.clear();
    m_worker = std::thread([this, project = shared ? std::move(*shared) : m_doc.project(), out,
                            language = uiLanguage(), projectFile] {
        Outcome outcome = Outcome::Written;
        std::string error;
        try {
            risk::AnalysisOptions analysisOptions;
            analysisOptions.language = language;
            const risk::Analysis analysis = risk::analyze(project, analysisOptions);
            reports::ReportOptions options;
            options.language = language;
            options.projectFile = projectFile;
            options.progress = [this](double fraction) {
                m_fraction = fraction;
                if (progressHook) progressHook(fraction);
                return !m_cancel.load();
            };
            reports::writeReport(project, analysis, out, options);
            if (!projectFile.empty()) m_sha256 = reports::sha256OfFile(projectFile);
        } catch (const reports::Cancelled&) {
            outcome = Outcome::Cancelled;
        } catch (const std::exception& e) {
            outcome = Outcome::Failed;
            error = e.what();
        }
        CallAfter([this, outcome, error, out] { finish(outcome, error, out); });
    });
    m_timer.Start(kPollMs);
    return true;
}

void ExportController::onTimer(wxTimerEvent&) {
    if (!m_dialog) return;
    const int value = std::min(kRange - 1, static_cast<int>(m_fraction.load() * kRange));
    // Update() returns false once Cancel was pressed; the worker stops at its next step.
    // Update() also yields to UI events, which may include the worker's end: that
    // waits (m_ended) until the dialog is out of Update() before it destroys it.
    m_inUpdate = true;
    if (!m_cancel && !m_dialog->Update(value)) {
        m_cancel = true;
        m_dialog->Update(value, _("Cancelling…"));
    }
    m_inUpdate = false;
    if (m_ended) {
        m_ended = false;
        finish(m_endOutcome, m_endError, m_endPath);
    }
}

void ExportController::finish(Outcome outcome, const std::string& error, const std::filesystem::path& out) {
    if (m_inUpdate) {
        m_ended = true;
        m_endOutcome = outcome;
        m_endError = error;
        m_endPath = out;
        return;
    }
    m_timer.Stop();
    joinWorker();
    if (m_dialog) {
        m_dialog->Destroy();
        m_dialog = nullptr;
    }
    m_outcome = outcome;
    const wxString file = toWx(out.string());
    switch (outcome) {
    case Outcome::Written:
        m_frame->SetStatusText(m_sha256.empty() ? wxString::Format(_("Report written to %s"), file)
                                                : wxString::Format(_("Report written to %s; its sign-off carries the "
                                                                     "project file's SHA-256 %s"),
                                                                   file, toWx(m_sha256)),
                               0);
        if (!m_unattended) {
            wxMessageDialog ask(m_frame, wxString::Format(_("The report was written to\n%s\n\nOpen it now?"), file),
                                _("Export report"), wxYES_NO | wxICON_INFORMATION);
            ask.SetYesNoLabels(_("&Open"), _("&Close"));
            if (ask.ShowModal() == wxID_YES && !wxLaunchDefaultApplication(file))
                showError(m_frame, IoError(_("no application opens this kind of file").utf8_string()), file);
        }
        break;
    case Outcome::Cancelled:
        m_frame->SetStatusText(_("Report export cancelled; no file was written"), 0);
        break;
    case Outcome::Failed: showError(m_frame, Error(error), file); break;
    case Outcome::None: break;
    }
}

bool ExportController::exportChainWithDialog() {
    if (m_unattended && !m_chainPath.empty())
        return exportChainTo(m_chainPath, reports::chainFormatForPath(m_chainPath).value_or(reports::ChainFormat::Png));
    std::string base = m_doc.suggestedFileName();
    base = base.substr(0, base.rfind('.'));
    // The filter order follows reports::chainFormats(): GraphML, DOT, SVG, PNG.
    wxFileDialog dlg(m_frame, _("Export chain"), wxString(), toWx(base + ".png"),
                     _("GraphML for yEd and Gephi (*.graphml)|*.graphml|Graphviz DOT (*.dot;*.gv)|*.dot;*.gv|"
                       "Chain map as SVG (*.svg)|*.svg|Chain map as PNG (*.png)|*.png"),
                     wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
    dlg.SetFilterIndex(3);
    if (dlg.ShowModal() != wxID_OK) return false;
    std::filesystem::path out(toUtf8(dlg.GetPath()));
    const auto formats = reports::chainFormats();
    const int index = dlg.GetFilterIndex();
    // A typed extension wins over the filter; no extension gets the filter's.
    reports::ChainFormat format = index >= 0 && index < static_cast<int>(formats.size()) ? formats[index] : formats.back();
    if (auto byName = reports::chainFormatForPath(out)) format = *byName;
    else out += "." + std::string(reports::toString(format));
    return exportChainTo(out, format);
}

bool ExportController::exportChainTo(const std::filesystem::path& out, reports::ChainFormat format) {
    try {
        wxBusyCursor busy;
        risk::AnalysisOptions options;
        options.language = uiLanguage();
        const model::Project& p = m_doc.project();
        reports::writeChainExport(p, risk::analyze(p, options), out, format, uiLanguage());
        m_frame->SetStatusText(wxString::Format(_("Chain written to %s"), toWx(out.string())), 0);
        return true;
    } catch (const std::exception& e) {
        showError(m_frame, e, toWx(out.string()));
        return false;
    }
}

bool ExportController::shareAnonymisedWithDialog() {
    if (reportRunning()) return false;
    ShareDialog options(m_frame);
    if (options.ShowModal() != wxID_OK) return false;
    const ShareFormat format = options.format();
    const char* ext = ShareDialog::extension(format);
    std::filesystem::path out = m_sharePath;
    if (out.empty()) {
        std::string base = m_doc.suggestedFileName();
        base = base.substr(0, base.rfind('.')) + (uiLanguage() == "es" ? "-anonimizado" : "-anonymised");
        wxFileDialog dlg(m_frame, _("Share anonymised"), wxString(), toWx(base + ext),
                         wxString::Format("*%s|*%s", ext, ext), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return false;
        out = withExtension(std::filesystem::path(toUtf8(dlg.GetPath())), ext);
    }
    return shareAnonymisedTo(out, format, options.regions());
}

bool ExportController::shareAnonymisedTo(const std::filesystem::path& out, ShareFormat format,
                                         model::RegionLevel regions) {
    try {
        wxBusyCursor busy;
        model::AnonymiseOptions options;
        options.regions = regions;
        options.language = uiLanguage();
        model::Project shared = model::anonymise(m_doc.project(), options).project;
        switch (format) {
        case ShareFormat::Report: return startReport(out, std::move(shared));
        case ShareFormat::ChainJson:
        {
            reports::AtomicOutput file(out);
            std::ofstream stream(file.tempPath(), std::ios::binary | std::ios::trunc);
            model::writeProjectJson(shared, [&](std::string_view bytes) {
                stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            });
            stream.close();
            if (!stream) throw IoError("cannot write " + file.tempPath().string());
            file.commit();
            break;
        }
        case ShareFormat::GraphMl:
        case ShareFormat::Png:
        case ShareFormat::Svg: {
            const auto chainFormat = format == ShareFormat::GraphMl ? reports::ChainFormat::GraphMl
                                     : format == ShareFormat::Png   ? reports::ChainFormat::Png
                                                                    : reports::ChainFormat::Svg;
            risk::AnalysisOptions analysisOptions;
            analysisOptions.language = uiLanguage();
            reports::writeChainExport(shared, risk::analyze(shared, analysisOptions), out, chainFormat, uiLanguage());
            break;
        }
        }
        m_frame->SetStatusText(wxString::Format(_("Anonymised copy written to %s"), toWx(out.string())), 0);
        return true;
    } catch (const std::exception& e) {
        showError(m_frame, e, toWx(out.string()));
        return false;
    }
}

}  // namespace traza::gui
