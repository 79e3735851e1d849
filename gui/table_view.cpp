#include "table_view.h"

namespace traza::gui {

TableView::TableView(wxWindow* parent, const wxString& name)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL | wxLC_HRULES) {
    SetName(name);
    Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        const long i = e.GetIndex();
        if (i >= 0 && static_cast<std::size_t>(i) < m_rows.size() && m_rows[i].item && onItemChosen) onItemChosen(*m_rows[i].item);
    });
}

void TableView::setColumns(const std::vector<Column>& columns) {
    ClearAll();
    for (std::size_t i = 0; i < columns.size(); ++i)
        AppendColumn(columns[i].title, columns[i].numeric ? wxLIST_FORMAT_RIGHT : wxLIST_FORMAT_LEFT, FromDIP(columns[i].width));
}

void TableView::setRows(std::vector<Row> rows) {
    m_rows = std::move(rows);
    SetItemCount(static_cast<long>(m_rows.size()));
    Refresh();
}

wxString TableView::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= m_rows.size()) return {};
    const auto& cells = m_rows[item].cells;
    return static_cast<std::size_t>(column) < cells.size() ? cells[column] : wxString();
}

}  // namespace traza::gui
