#pragma once
// The spreadsheet import dialog: which sheet holds the actors and which the
// flows, a preview of each with the meaning Traza reads in every column (the
// user can change it: a ColumnMapping rule), every problem with its cell, and
// whether to import as a new project or into the open one. Import runs
// importSheets on a worker (BackgroundTasks); any problem, or an id the open
// project already has, is listed and nothing is imported. The dialog ends with
// wxID_OK and result() once an import succeeded; the caller applies it.
#include <wx/dialog.h>

#include <memory>
#include <optional>
#include <vector>

#include "column_mapping.h"
#include "project.h"
#include "sheet_columns.h"
#include "sheet_import.h"

class wxButton;
class wxChoice;
class wxListCtrl;
class wxRadioBox;
class wxStaticText;

namespace traza::gui {

class BackgroundTasks;
class SheetPreview;

class SpreadsheetImportDialog : public wxDialog {
public:
    /// `open` is the open project (its ids for conflicts, its catalogue for a
    /// merge); it must not change while the dialog is shown.
    SpreadsheetImportDialog(wxWindow* parent, std::shared_ptr<const model::Workbook>, const model::Project& open, BackgroundTasks&);

    /// After wxID_OK: the import, and whether it goes into the open project.
    const model::SheetImport& result() const { return *m_result; }
    bool intoOpenProject() const;

    /// What the user's choices do (the controls call these; tests may too).
    void chooseSheet(model::SheetKind, int index);
    void applyRule(const model::ColumnRule&);
    /// The Import button: true when the dialog ended with a result.
    bool runImport();

    const model::ColumnMapping& mapping() const { return m_mapping; }
    const std::vector<model::ColumnMeaning>& meanings(model::SheetKind k) const { return m_meanings[index(k)]; }
    /// Header problems (what keeps Import disabled).
    std::size_t headerProblems() const { return m_headerProblems; }
    SheetPreview* preview(model::SheetKind k) const { return m_previews[index(k)]; }
    wxChoice* sheetChoice(model::SheetKind k) const { return m_sheetChoices[index(k)]; }
    wxListCtrl* problemList() const { return m_problems; }
    wxButton* importButton() const { return m_import; }
    wxRadioBox* modeBox() const { return m_mode; }
    /// The problem listed at `item` selected in its preview; false when its cell is not shown.
    bool showProblem(long item);

private:
    static std::size_t index(model::SheetKind k) { return k == model::SheetKind::Actors ? 0 : 1; }
    const model::SheetTable* table(model::SheetKind) const;
    void refresh(bool tablesChanged);
    void listProblems(std::vector<model::ImportProblem> importProblems, const wxString& status);
    wxWindow* buildSheetPane(wxWindow* parent, model::SheetKind);

    std::shared_ptr<const model::Workbook> m_book;
    const model::Project& m_open;
    BackgroundTasks& m_tasks;
    model::ColumnMapping m_mapping;
    int m_sheet[2] = {0, 0};
    std::vector<model::ColumnMeaning> m_meanings[2];
    std::vector<model::ImportProblem> m_listed;
    std::size_t m_headerProblems = 0;
    std::optional<model::SheetImport> m_result;

    wxChoice* m_sheetChoices[2] = {nullptr, nullptr};
    SheetPreview* m_previews[2] = {nullptr, nullptr};
    wxListCtrl* m_problems = nullptr;
    wxStaticText* m_status = nullptr;
    wxRadioBox* m_mode = nullptr;
    wxButton* m_import = nullptr;
};

}  // namespace traza::gui
