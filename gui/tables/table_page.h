#pragma once
// One page of the Tables pane: a filter (a column and a text), the grid of
// actors or flows with its count, Add and Delete buttons, and a line that says
// why a typed or pasted cell was refused. Every edit, paste, addition and
// deletion is one command on the Document. The grid's rows and the Selection
// follow each other; a row the user picks is also shown on the canvas (onItemChosen).
#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <memory>

#include "document.h"
#include "row_order.h"
#include "selection.h"
#include "table_spec.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxGrid;
class wxGridEvent;
class wxGridRangeSelectEvent;
class wxStaticText;
class wxTextCtrl;

namespace traza::gui {

class ChainGridTable;

class TablePage : public wxPanel {
public:
    TablePage(wxWindow* parent, const wxString& name, Document&, Selection&, std::unique_ptr<TableSpec>);
    ~TablePage() override;

    wxGrid* grid() const { return m_grid; }
    wxTextCtrl* filterText() const { return m_filterText; }
    wxChoice* filterColumn() const { return m_filterColumn; }
    wxButton* addButton() const { return m_add; }
    wxButton* deleteButton() const { return m_delete; }
    /// The spec's scope check box ("Only the selected flows"), or null.
    wxCheckBox* scopeBox() const { return m_scope; }
    const TableSpec& spec() const { return *m_spec; }
    /// Rows shown (after the filter).
    std::size_t rowCount() const { return m_order.size(); }
    /// The id of the record in `row`; empty when out of range.
    std::string idAt(int row) const;
    /// The reason of the last refused edit; empty after a successful one.
    wxString errorText() const;
    /// "3 of 12 actors".
    wxString countText() const;

    /// Narrow the rows to the spec's scope (or widen them back).
    void setScoped(bool);
    /// Bring the rows up to date now (normally done at idle time after a change).
    void refresh();
    /// Paste tab-separated text at the grid cursor as one command (Ctrl+V does
    /// this with the clipboard). Returns false, changing nothing, when refused.
    bool pasteText(const wxString& text);
    /// Add one record ("Add row"); Delete the records of the selected rows.
    void addRow();
    void deleteRows();

    /// The user picked a row: the frame shows its item on the canvas.
    std::function<void(const ItemRef&)> onItemChosen;

private:
    void rebuildOrder();
    void onCellTyped(int row, int col, const wxString& text);
    void onSort(wxGridEvent&);
    void onCursor(wxGridEvent&);
    void onRangeSelected(wxGridRangeSelectEvent&);
    void onKey(wxKeyEvent&);
    void followSelection();
    void execute(const std::function<void()>& edit);
    void setErrorLine(const wxString& text);
    void updateCount();

    Document& m_doc;
    Selection& m_selection;
    std::unique_ptr<TableSpec> m_spec;
    RowOrder m_order;
    RowOrder::Sort m_sort;
    ChainGridTable* m_table = nullptr;  ///< owned by the grid
    wxGrid* m_grid = nullptr;
    wxChoice* m_filterColumn = nullptr;
    wxTextCtrl* m_filterText = nullptr;
    wxStaticText* m_count = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_delete = nullptr;
    wxCheckBox* m_scope = nullptr;
    wxStaticText* m_error = nullptr;
    wxTimer m_filterTimer;  ///< the filter applies a moment after the last key
    int m_gridRows = 0;          ///< rows the grid was told about
    bool m_stale = true;         ///< the project changed since the last refresh
    bool m_syncing = false;      ///< the grid is being made to follow the selection: ignore its events
    int m_docSlot = 0;
    int m_selSlot = 0;
};

}  // namespace traza::gui
