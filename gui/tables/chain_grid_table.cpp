#include "chain_grid_table.h"

namespace traza::gui {

ChainGridTable::ChainGridTable(const Document& doc, const TableSpec& spec, const RowOrder& order, const RowOrder::Sort& sort)
    : m_doc(doc), m_spec(spec), m_order(order), m_sort(sort) {}

std::optional<std::size_t> ChainGridTable::recordAt(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= m_order.size()) return std::nullopt;
    const std::size_t record = m_order.record(static_cast<std::size_t>(row));
    // Between an edit and the page's resync the order may name records that are gone.
    if (record >= m_spec.count(m_doc.project())) return std::nullopt;
    return record;
}

wxString ChainGridTable::GetValue(int row, int col) {
    const auto record = recordAt(row);
    if (!record || col < 0 || col >= GetNumberCols()) return {};
    return m_spec.cell(m_doc.project(), *record, col);
}

void ChainGridTable::SetValue(int row, int col, const wxString& value) {
    if (value == GetValue(row, col)) return;  // an editor closed without a change
    if (onEdit) onEdit(row, col, value);
}

wxString ChainGridTable::GetColLabelValue(int col) {
    if (col < 0 || col >= GetNumberCols()) return {};
    const wxString& title = m_spec.columns()[static_cast<std::size_t>(col)].title;
    // The generic header of wxGTK draws no sort arrow: the label carries it.
    if (col == m_sort.column) return title + (m_sort.ascending ? wxString::FromUTF8(" ▲") : wxString::FromUTF8(" ▼"));
    return title;
}

}  // namespace traza::gui
