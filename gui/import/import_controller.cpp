#include "import_controller.h"

#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>

#include "chain_workbook.h"
#include "error.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "import_chain.h"
#include "import_dialog.h"
#include "labels.h"
#include "sheet_import.h"
#include "spreadsheet_source.h"

namespace traza::gui {
namespace fs = std::filesystem;

namespace {

fs::path toPath(const wxString& s) { return fs::path(toUtf8(s)); }

// Two CSV files in the order actors, flows: by their names when they say so.
void orderCsvPair(std::vector<fs::path>& files) {
    const auto& words = model::SpreadsheetWords::installed();
    if (words.isSheet(model::SheetKind::Flows, files[0].stem().string()) || words.isSheet(model::SheetKind::Actors, files[1].stem().string()))
        std::swap(files[0], files[1]);
}

}  // namespace

ImportController::ImportController(wxFrame* frame, Document& doc, FileController& files)
    : m_frame(frame), m_doc(doc), m_fileController(files) {}

bool ImportController::importWithDialog() {
    if (m_unattended && !m_files.empty()) return importFiles(m_files);
    wxFileDialog dlg(m_frame, _("Import spreadsheet"), wxString(), wxString(),
                     _("Spreadsheets and CSV (*.xlsx;*.ods;*.csv)|*.xlsx;*.ods;*.csv|Excel workbooks (*.xlsx)|*.xlsx|"
                       "OpenDocument spreadsheets (*.ods)|*.ods|CSV files (*.csv)|*.csv"),
                     wxFD_OPEN | wxFD_FILE_MUST_EXIST | wxFD_MULTIPLE);
    if (dlg.ShowModal() != wxID_OK) return false;
    wxArrayString paths;
    dlg.GetPaths(paths);
    std::vector<fs::path> files;
    for (const wxString& p : paths) files.push_back(toPath(p));
    if (files.size() == 1 && isCsvFile(files[0])) {
        wxFileDialog flows(m_frame, _("Import spreadsheet: choose the flows CSV file"), dlg.GetDirectory(), wxString(),
                           _("CSV files (*.csv)|*.csv"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
        if (flows.ShowModal() != wxID_OK) return false;
        files.push_back(toPath(flows.GetPath()));
    }
    return importFiles(std::move(files));
}

bool ImportController::importFiles(std::vector<fs::path> files) {
    if (files.empty() || files.size() > 2) {
        m_frame->SetStatusText(_("Choose one workbook, or two CSV files: one of actors and one of flows."), 0);
        return false;
    }
    const bool csvPair = files.size() == 2;
    if (csvPair) orderCsvPair(files);
    const wxString shown = toWx(files[0].filename().string()) + (csvPair ? ", " + toWx(files[1].filename().string()) : wxString());
    std::shared_ptr<const model::Workbook> book;
    try {
        auto read = m_tasks.run<model::Workbook>(m_frame, _("Import spreadsheet"), wxString::Format(_("Reading %s…"), shown),
                                                 [files, csvPair] { return csvPair ? openCsvPair(files[0], files[1]) : openSpreadsheetFile(files[0]); });
        if (!read) {
            m_frame->SetStatusText(_("Import cancelled; nothing was imported."), 0);
            return false;
        }
        book = std::make_shared<const model::Workbook>(std::move(*read));
    } catch (const std::exception& e) {
        showError(m_frame, e, shown);
        return false;
    }
    SpreadsheetImportDialog dlg(m_frame, book, m_doc.project(), m_tasks);
    if (onDialogShown) dlg.CallAfter([this, &dlg] { onDialogShown(dlg); });
    if (dlg.ShowModal() != wxID_OK) return false;
    apply(dlg.result(), dlg.mapping(), dlg.intoOpenProject(), files[0].stem().string());
    return true;
}

void ImportController::apply(const model::SheetImport& imported, const model::ColumnMapping& rules, bool intoOpenProject,
                             const std::string& name) {
    if (intoOpenProject) {
        try {
            m_doc.execute(std::make_unique<model::ImportChain>(imported.project.actors, imported.project.flows, rules));
        } catch (const std::exception& e) {
            showError(m_frame, e);
            return;
        }
    } else {
        model::Project project = model::Project::createEmpty();
        project.actors = imported.project.actors;
        project.flows = imported.project.flows;
        project.importRules = rules;
        if (!m_fileController.adoptImport(std::move(project), name)) return;
    }
    m_summary = summaryOf(imported, intoOpenProject);
    const wxString headline = m_summary.BeforeFirst('\n');
    m_frame->SetStatusText(headline, 0);
    if (!m_unattended) {
        wxMessageDialog box(m_frame, headline, _("Import spreadsheet"), wxOK | wxICON_INFORMATION);
        box.SetExtendedMessage(m_summary.AfterFirst('\n'));
        box.ShowModal();
    }
}

wxString ImportController::summaryOf(const model::SheetImport& imported, bool intoOpenProject) const {
    const int actors = static_cast<int>(imported.project.actors.size());
    const int flows = static_cast<int>(imported.project.flows.size());
    const wxString actorsText = wxString::Format(wxPLURAL("%d actor", "%d actors", actors), actors);
    const wxString flowsText = wxString::Format(wxPLURAL("%d flow", "%d flows", flows), flows);
    wxString text = wxString::Format(intoOpenProject ? _("Added %s and %s to the open project.") : _("Imported %s and %s as a new project."),
                                     actorsText, flowsText);
    for (const std::string& line : imported.summary) text += "\n" + toWx(line);
    text += "\n\n";
    if (imported.rulesUsed.empty()) {
        text += _("No column rules were needed.");
    } else {
        text += _("Column rules used:");
        for (const model::ColumnRule& r : imported.rulesUsed.rules()) text += "\n  " + toWx(model::ruleText(r));
    }
    return text;
}

bool ImportController::saveTemplateWithDialog() {
    fs::path out = m_templatePath;
    if (!m_unattended || out.empty()) {
        const wxString fileName = uiLanguage() == "es" ? "plantilla-cadena.xlsx" : "chain-template.xlsx";
        wxFileDialog dlg(m_frame, _("Save template"), wxString(), fileName, _("Excel workbook (*.xlsx)|*.xlsx"),
                         wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return false;
        out = toPath(dlg.GetPath());
        if (out.extension().empty()) out += ".xlsx";
    }
    try {
        const model::Catalogue& open = m_doc.project().catalogue;
        reports::writeChainTemplate(out, uiLanguage(), open.actorKinds.empty() ? model::Catalogue::installed() : open);
    } catch (const std::exception& e) {
        showError(m_frame, e, toWx(out.string()));
        return false;
    }
    m_frame->SetStatusText(wxString::Format(_("Template written to %s"), toWx(out.string())), 0);
    return true;
}

}  // namespace traza::gui
