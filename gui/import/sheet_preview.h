#pragma once
// The preview of one sheet in the import dialog: a grid of its first rows with,
// above each column, what Traza reads it as. Row 0 is the meaning (a drop-down:
// ignore or a field of that sheet), row 1 the factor of a numeric column
// ("×1", "÷1000"), row 2 the sheet's header row, then the data rows, each
// labelled with its row (or CSV line) number. A choice the user makes is handed
// to `onRule` as a ColumnRule for that header; the dialog re-reads the columns
// and calls showMeanings.
#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "column_mapping.h"
#include "meaning_choices.h"
#include "sheet_columns.h"

class wxGrid;

namespace traza::gui {

class SheetPreview : public wxPanel {
public:
    static constexpr int kMeaningRow = 0;
    static constexpr int kFactorRow = 1;
    static constexpr int kHeaderRow = 2;
    static constexpr int kDataRows = 20;  ///< data rows shown below the header

    SheetPreview(wxWindow* parent, model::SheetKind, const wxString& name);

    /// Show `table` (null: nothing) with its meanings. The table must outlive the preview's use of it.
    void showTable(const model::SheetTable* table, const std::vector<model::ColumnMeaning>&);
    /// Refresh the meaning and factor rows (after a rule changed).
    void showMeanings(const std::vector<model::ColumnMeaning>&);
    /// Select and show the cell whose location (SheetTable::location) is `where`;
    /// false when that cell is not among the rows shown.
    bool selectLocation(const std::string& where);

    /// The user chose a meaning (field, or empty for ignore) or a factor for a column.
    std::function<void(const model::ColumnRule&)> onRule;

    wxGrid* grid() const { return m_grid; }
    /// The drop-down text for a field key ("ignore" translated for an empty key).
    wxString choiceText(const std::string& field) const;

private:
    void onCellChanged(int row, int col);
    const model::ColumnMeaning* meaningOf(int col) const;

    model::SheetKind m_kind;
    wxGrid* m_grid;
    const model::SheetTable* m_table = nullptr;
    std::vector<model::ColumnMeaning> m_meanings;
    std::vector<MeaningChoice> m_choices;
    wxArrayString m_choiceTexts;
};

}  // namespace traza::gui
