#pragma once
// A read-only table of strings on a virtual wxListCtrl: it shows 100 000 rows
// as fast as 10, since only visible rows are asked for. Each row may name the
// actor or flow it is about, so activating it selects that item.
#include <wx/listctrl.h>

#include <functional>
#include <optional>
#include <vector>

#include "selection.h"

namespace traza::gui {

class TableView : public wxListCtrl {
public:
    struct Column {
        wxString title;
        int width = 100;
        bool numeric = false;  ///< right-aligned
    };
    struct Row {
        std::vector<wxString> cells;
        std::optional<ItemRef> item;  ///< what selecting the row selects
    };

    TableView(wxWindow* parent, const wxString& name);
    void setColumns(const std::vector<Column>&);
    void setRows(std::vector<Row>);
    std::size_t rowCount() const { return m_rows.size(); }
    const Row& row(std::size_t i) const { return m_rows.at(i); }

    /// Called when the user selects a row that names an item.
    std::function<void(const ItemRef&)> onItemChosen;

private:
    wxString OnGetItemText(long item, long column) const override;
    std::vector<Row> m_rows;
};

}  // namespace traza::gui
