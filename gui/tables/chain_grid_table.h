#pragma once
// The virtual table behind a wxGrid of actors or flows: the grid asks for the
// cells it paints, so 85 000 rows cost what the visible ones cost. Cells come
// from a TableSpec in the order of a RowOrder; a typed cell is handed to
// `onEdit` (the page turns it into a command).
#include <wx/grid.h>

#include <functional>

#include "document.h"
#include "row_order.h"
#include "table_spec.h"

namespace traza::gui {

class ChainGridTable : public wxGridTableBase {
public:
    /// `sort`: the page's sort, marked on its column's header.
    ChainGridTable(const Document&, const TableSpec&, const RowOrder&, const RowOrder::Sort& sort);

    int GetNumberRows() override { return static_cast<int>(m_order.size()); }
    int GetNumberCols() override { return static_cast<int>(m_spec.columns().size()); }
    wxString GetValue(int row, int col) override;
    void SetValue(int row, int col, const wxString& value) override;
    bool IsEmptyCell(int, int) override { return false; }
    wxString GetColLabelValue(int col) override;
    wxString GetRowLabelValue(int row) override { return wxString::Format("%d", row + 1); }

    /// The record shown in `row`, or nothing when the row is out of date.
    std::optional<std::size_t> recordAt(int row) const;

    /// A cell typed by the user: (row, column, text).
    std::function<void(int row, int col, const wxString& text)> onEdit;

private:
    const Document& m_doc;
    const TableSpec& m_spec;
    const RowOrder& m_order;
    const RowOrder::Sort& m_sort;
};

}  // namespace traza::gui
