#include "table_view.h"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace traza::gui {

TableView::TableView(wxWindow* parent, const wxString& name)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES) {
    SetName(name);
    Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const long i = e.GetIndex();
        if (i < 0 || static_cast<std::size_t>(i) >= m_count || !onItemChosen) return;
        const std::optional<ItemRef> item = cached(static_cast<std::size_t>(i)).item;  // a copy: choosing may refill the table
        if (item) onItemChosen(*item);
    });
    // A cell too long for its column shows in full in a tooltip (issue #17). The
    // rows are drawn by a child window in wx's generic list, which gets the mouse:
    // every child listens, and the one under the mouse shows the tip.
    for (wxWindow* child : GetChildren()) {
        child->Bind(wxEVT_MOTION, [this, child](wxMouseEvent& e) {
            e.Skip();
            const wxString text = fullTextAt(ScreenToClient(child->ClientToScreen(e.GetPosition())));
            if (text == m_tipText && child == m_rowsWindow) return;
            m_tipText = text;
            m_rowsWindow = child;
            if (text.empty()) child->UnsetToolTip();
            else child->SetToolTip(text);
        });
    }
}

wxString TableView::fullTextAt(const wxPoint& inList) const {
    int flags = 0;
    const long item = HitTest(inList, flags);
    if (item < 0 || static_cast<std::size_t>(item) >= m_count) return {};
    // The column from the widths (wx's generic list gives no column from HitTest).
    int x = 0, y = 0;
    CalcUnscrolledPosition(inList.x, inList.y, &x, &y);
    long column = 0;
    for (int left = 0; column < GetColumnCount(); ++column) {
        left += GetColumnWidth(static_cast<int>(column));
        if (x < left) break;
    }
    if (column >= GetColumnCount()) return {};
    const wxString text = OnGetItemText(item, column);
    // Only what the column cuts: its width less the cell's padding.
    return GetTextExtent(text).x > GetColumnWidth(static_cast<int>(column)) - FromDIP(8) ? text : wxString();
}

void TableView::setColumns(const std::vector<Column>& columns) {
    ClearAll();
    // A column is at least as wide as its heading: Spanish headings ("hasta eslabón 1",
    // "Participación") are longer than the English the widths were chosen for, and a cut
    // heading makes "to stage 1" and "to stage 2" read alike. The margin covers the
    // header's padding and sort arrow.
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const int width = std::max(FromDIP(columns[i].width), GetTextExtent(columns[i].title).x + FromDIP(headingMargin));
        AppendColumn(columns[i].title, columns[i].numeric ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, width);
    }
}

void TableView::setRows(std::vector<Row> rows) {
    auto shared = std::make_shared<const std::vector<Row>>(std::move(rows));
    const std::size_t n = shared->size();
    setRowSource(n, [shared](std::size_t i) { return (*shared)[i]; });
}

void TableView::setRowSource(std::size_t count, RowSource source) {
    m_count = count;
    m_source = std::move(source);
    m_cachedIndex.reset();
    m_cached = {};
    SetItemCount(static_cast<long>(m_count));
    Refresh();
}

TableView::Row TableView::row(std::size_t i) const {
    if (i >= m_count) throw std::out_of_range("TableView::row");
    return m_source(i);
}

const TableView::Row& TableView::cached(std::size_t i) const {
    if (m_cachedIndex != i) {
        m_cached = m_source(i);
        m_cachedIndex = i;
    }
    return m_cached;
}

wxString TableView::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= m_count || column < 0) return {};
    const auto& cells = cached(static_cast<std::size_t>(item)).cells;
    return static_cast<std::size_t>(column) < cells.size() ? cells[column] : wxString();
}

}  // namespace traza::gui
