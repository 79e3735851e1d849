#pragma once
// The items of a checklist as a list fitted to its pane (issue #17: at
// 1600×1000 the item texts and the Owner column were cut). Status, Owner and
// Due are as wide as their longest text; Item takes the rest of the width, and
// an item text that still does not fit shows in full under the mouse (and in
// the editor's heading when chosen). Evidence and reference are in the form.
#include <wx/listctrl.h>

#include <vector>

namespace traza::gui {

class ChecklistItemList : public wxListCtrl {
public:
    enum Column { ColItem, ColStatus, ColOwner, ColDue };

    explicit ChecklistItemList(wxWindow* parent);

    /// Set row `row`'s cells; `tip` is what the mouse over the row shows when its item text is cut.
    void setRow(long row, const wxString& item, const wxString& status, const wxString& owner, const wxString& due,
                const wxString& tip);
    /// Size the columns to their texts and the item column to the rest of the width.
    void fitColumns();
    /// True when the cell's text is as wide as its column or narrower.
    bool fits(long row, Column col) const;
    /// What the mouse over `row` shows: empty when its item text fits.
    wxString hoverText(long row) const;
    /// The tooltip the mouse shows now over the rows (empty: none).
    wxString toolTipShown() const;

private:
    void onMotion(wxMouseEvent&);
    wxWindow* rowsWindow() const;
    void watchRows();
    int textWidth(const wxString&) const;

    std::vector<wxString> m_tips;  ///< per row
    long m_hoverRow = -1;
    wxWindow* m_rows = nullptr;  ///< the child window showing the rows, once known
};

}  // namespace traza::gui
