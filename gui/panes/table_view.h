#pragma once
// A read-only table of strings on a virtual wxListCtrl: it shows 100 000 rows
// as fast as 10, since only visible rows are asked for. Rows are given all at
// once (setRows) or made on demand by a row source (setRowSource: a national
// chain's 66 000 actor rows are never formatted unless scrolled to). Each row
// may name the actor or flow it is about, so activating it selects that item.
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
    /// Makes row `i` (0 <= i < the count given with it). Must not throw; it
    /// keeps what it needs alive itself (it is called until the next setRows).
    using RowSource = std::function<Row(std::size_t)>;

    /// Room beside a heading's text (DIP): the header's padding and sort arrow.
    static constexpr int headingMargin = 24;

    TableView(wxWindow* parent, const wxString& name);
    void setColumns(const std::vector<Column>&);
    void setRows(std::vector<Row>);
    void setRowSource(std::size_t count, RowSource);
    std::size_t rowCount() const { return m_count; }
    /// Row `i`, made now if it comes from a source. Throws std::out_of_range.
    Row row(std::size_t i) const;

    /// The child window the mouse last moved over, which carries the tooltip.
    wxWindow* rowsWindow() const { return m_rowsWindow; }
    /// The full text of the cell under a point (the list's client coordinates, as
    /// HitTest takes them) when the column is too narrow to show it (what its
    /// tooltip says); empty otherwise.
    wxString fullTextAt(const wxPoint& inList) const;

    /// Called when the user selects a row that names an item.
    std::function<void(const ItemRef&)> onItemChosen;

private:
    wxString OnGetItemText(long item, long column) const override;
    const Row& cached(std::size_t i) const;

    std::size_t m_count = 0;
    RowSource m_source;
    mutable std::optional<std::size_t> m_cachedIndex;  ///< the list asks for a row cell by cell
    mutable Row m_cached;
    wxString m_tipText;  ///< the tooltip shown now
    wxWindow* m_rowsWindow = nullptr;  ///< the child the mouse last moved over
};

}  // namespace traza::gui
