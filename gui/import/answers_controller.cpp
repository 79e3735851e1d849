#include "answers_controller.h"

#include <wx/dirdlg.h>
#include <wx/filedlg.h>
#include <wx/frame.h>
#include <wx/msgdlg.h>

#include "answers_reader.h"
#include "answers_text.h"
#include "apply_answers.h"
#include "error_dialog.h"
#include "labels.h"
#include "questionnaire_workbook.h"
#include "spreadsheet_source.h"
#include "today.h"

namespace traza::gui {

bool AnswersController::writeQuestionnairesWithDialog(const std::set<std::string>& suppliers) {
    if (suppliers.empty()) {
        m_frame->SetStatusText(_("Select the suppliers on the canvas first."), 0);
        return false;
    }
    if (m_unattended) return writeQuestionnaires(suppliers, m_file);
    if (suppliers.size() == 1) {
        wxFileDialog dlg(m_frame, _("Write questionnaire"), wxString(), toWx(reports::questionnaireFileName(*suppliers.begin())),
                         _("Excel workbooks (*.xlsx)|*.xlsx"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (dlg.ShowModal() != wxID_OK) return false;
        return writeQuestionnaires(suppliers, std::filesystem::path(toUtf8(dlg.GetPath())));
    }
    wxDirDialog dlg(m_frame, _("Write questionnaires: choose a folder (one file per supplier)"));
    if (dlg.ShowModal() != wxID_OK) return false;
    return writeQuestionnaires(suppliers, std::filesystem::path(toUtf8(dlg.GetPath())));
}

bool AnswersController::writeQuestionnaires(const std::set<std::string>& suppliers, const std::filesystem::path& out) {
    const bool folder = suppliers.size() > 1 || std::filesystem::is_directory(out);
    try {
        for (const std::string& s : suppliers)
            reports::writeQuestionnaire(folder ? out / reports::questionnaireFileName(s) : out, m_doc.project(), s, uiLanguage(),
                                        model::todayIso());
    } catch (const std::exception& e) {
        m_text = toWx(e.what());
        if (!m_unattended) showError(m_frame, e);
        return false;
    }
    const int n = static_cast<int>(suppliers.size());
    m_frame->SetStatusText(wxString::Format(wxPLURAL("Wrote %d questionnaire.", "Wrote %d questionnaires.", n), n), 0);
    return true;
}

bool AnswersController::importWithDialog() {
    if (m_unattended) return importFile(m_file);
    wxFileDialog dlg(m_frame, _("Import answers"), wxString(), wxString(),
                     _("Questionnaires (*.xlsx;*.ods)|*.xlsx;*.ods"), wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dlg.ShowModal() != wxID_OK) return false;
    return importFile(std::filesystem::path(toUtf8(dlg.GetPath())));
}

bool AnswersController::importFile(const std::filesystem::path& file) {
    const std::string name = file.filename().string();
    model::questionnaire::Answers answers;
    try {
        const model::Workbook book = openSpreadsheetFile(file);
        answers = model::questionnaire::readAnswers(m_doc.project(), book, name, model::todayIso());
    } catch (const std::exception& e) {
        m_text = toWx(e.what());
        if (!m_unattended) showError(m_frame, e, toWx(name));
        m_frame->SetStatusText(_("The answers were not imported."), 0);
        return false;
    }
    m_text = toWx(reports::describeAnswers(answers, m_doc.project(), name, uiLanguage()));
    if (answers.empty()) {
        m_frame->SetStatusText(_("The answers change nothing."), 0);
        if (!m_unattended) wxMessageBox(m_text, _("Import answers"), wxOK | wxICON_INFORMATION, m_frame);
        return false;
    }
    if (!m_unattended) {
        wxMessageDialog ask(m_frame, _("Apply these answers to the project?"), _("Import answers"), wxYES_NO | wxICON_QUESTION);
        ask.SetExtendedMessage(m_text);
        if (ask.ShowModal() != wxID_YES) return false;
    }
    try {
        m_doc.execute(std::make_unique<model::questionnaire::ApplyAnswers>(std::move(answers)));
    } catch (const std::exception& e) {
        m_text = toWx(e.what());
        if (!m_unattended) showError(m_frame, e);
        return false;
    }
    m_frame->SetStatusText(wxString::Format(_("Answers imported from %s."), toWx(name)), 0);
    return true;
}

}  // namespace traza::gui
