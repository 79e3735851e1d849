#pragma once
// File > Write questionnaires… and File > Import answers… (issue #18): write
// the questionnaire of each selected supplier (reports::writeQuestionnaire, in
// the window's language); read a supplier's returned questionnaire,
// show what would change (the same diff text as `traza-cli answers`, in the
// window's language) and, when the user agrees, apply it as one undo step
// (model::questionnaire::ApplyAnswers). A refused workbook is shown with the
// cell named, and nothing changes.
#include <wx/string.h>

#include <filesystem>
#include <set>
#include <string>

#include "document.h"

class wxFrame;

namespace traza::gui {

class AnswersController {
public:
    AnswersController(wxFrame* frame, Document& doc) : m_frame(frame), m_doc(doc) {}

    /// One supplier: ask for the file; several: ask for a folder (one
    /// questionnaire-<id>.xlsx each). Then writeQuestionnaires. False when
    /// cancelled, nothing selected or failed.
    bool writeQuestionnairesWithDialog(const std::set<std::string>& suppliers);
    /// Write to `out` (a file for one supplier, else a folder). Errors are shown.
    bool writeQuestionnaires(const std::set<std::string>& suppliers, const std::filesystem::path& out);

    /// Ask for the workbook, then importFile. False when cancelled or nothing changed.
    bool importWithDialog();
    /// Read `file` against the open project, show the diff, apply on Yes. Errors are shown.
    bool importFile(const std::filesystem::path& file);

    /// Tests: the file dialogs answer `file` (the folder, when writing several), the diff is applied without asking
    /// and errors go to lastText() instead of a message box.
    void setUnattended(bool b, std::filesystem::path file = {}) {
        m_unattended = b;
        m_file = std::move(file);
    }
    /// The diff (or the error) of the last import.
    const wxString& lastText() const { return m_text; }

private:
    wxFrame* m_frame;
    Document& m_doc;
    bool m_unattended = false;
    std::filesystem::path m_file;
    wxString m_text;
};

}  // namespace traza::gui
