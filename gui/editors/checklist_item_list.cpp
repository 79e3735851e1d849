#include "checklist_item_list.h"

#include <wx/tooltip.h>

#include <algorithm>

#include "labels.h"

namespace traza::gui {
namespace {
// What a GTK list cell adds around its text (padding on both sides).
constexpr int kCellPadding = 24;
}  // namespace

ChecklistItemList::ChecklistItemList(wxWindow* parent)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, parent->FromDIP(wxSize(360, 120)), wxLC_REPORT | wxLC_SINGLE_SEL) {  // this is no window yet
    SetName("checklist-items");
    AppendColumn(_("Item"), wxLIST_FORMAT_LEFT, FromDIP(250));
    AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(95));
    AppendColumn(_("Owner"), wxLIST_FORMAT_LEFT, FromDIP(110));
    AppendColumn(_("Due"), wxLIST_FORMAT_LEFT, FromDIP(85));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] {  // the client size is known once the size event is handled
            fitColumns();
            watchRows();
        });
    });
}

// The rows are drawn, and the mouse over them seen, by a child window of the
// list (wx's generic list under GTK, whose type is private): the taller of its
// two children, the other being the column headers.
wxWindow* ChecklistItemList::rowsWindow() const {
    wxWindow* rows = nullptr;
    for (wxWindow* child : GetChildren())
        if (!rows || child->GetSize().y > rows->GetSize().y) rows = child;
    return rows ? rows : const_cast<ChecklistItemList*>(this);
}

void ChecklistItemList::watchRows() {
    if (m_rows || IsBeingDeleted() || GetClientSize().y < FromDIP(60)) return;
    m_rows = rowsWindow();
    m_rows->Bind(wxEVT_MOTION, &ChecklistItemList::onMotion, this);
    m_rows->Bind(wxEVT_LEAVE_WINDOW, [this](wxMouseEvent& e) {
        m_hoverRow = -1;
        m_rows->UnsetToolTip();
        e.Skip();
    });
}

void ChecklistItemList::setRow(long row, const wxString& item, const wxString& status, const wxString& owner,
                               const wxString& due, const wxString& tip) {
    SetItem(row, ColItem, item);
    SetItem(row, ColStatus, status);
    SetItem(row, ColOwner, owner);
    SetItem(row, ColDue, due);
    if (m_tips.size() <= static_cast<std::size_t>(row)) m_tips.resize(row + 1);
    m_tips[row] = tip;
}

int ChecklistItemList::textWidth(const wxString& s) const { return GetTextExtent(s).x + FromDIP(kCellPadding); }

void ChecklistItemList::fitColumns() {
    if (IsBeingDeleted()) return;
    // Status as wide as its longest label, Owner and Due as their longest cell.
    int status = textWidth(_("Status"));
    for (int s = 0; s < 4; ++s) status = std::max(status, textWidth(itemStatusLabel(static_cast<model::ItemStatus>(s))));
    int owner = textWidth(_("Owner")), due = std::max(textWidth(_("Due")), textWidth("2026-12-31"));
    for (long row = 0; row < GetItemCount(); ++row) {
        owner = std::max(owner, textWidth(GetItemText(row, ColOwner)));
        due = std::max(due, textWidth(GetItemText(row, ColDue)));
    }
    const int width = GetClientSize().x;
    owner = std::min(owner, std::max(textWidth(_("Owner")), width / 4));  // a long owner does not squeeze the items away
    const int item = std::max(FromDIP(120), width - status - owner - due);
    const int widths[] = {item, status, owner, due};
    for (int c = 0; c < 4; ++c)
        if (GetColumnWidth(c) != widths[c]) SetColumnWidth(c, widths[c]);
}

bool ChecklistItemList::fits(long row, Column col) const { return textWidth(GetItemText(row, col)) <= GetColumnWidth(col); }

wxString ChecklistItemList::hoverText(long row) const {
    if (row < 0 || row >= GetItemCount() || fits(row, ColItem) || static_cast<std::size_t>(row) >= m_tips.size()) return {};
    return m_tips[row];
}

wxString ChecklistItemList::toolTipShown() const {
    const wxToolTip* tip = m_rows ? m_rows->GetToolTip() : nullptr;
    return tip ? tip->GetTip() : wxString();
}

void ChecklistItemList::onMotion(wxMouseEvent& e) {
    e.Skip();
    // The row under the mouse, by the rows' rectangles (in the list's coordinates, like the mouse here).
    const wxPoint at = ScreenToClient(m_rows->ClientToScreen(e.GetPosition()));
    long row = -1;
    const long first = std::max(0L, GetTopItem()), last = std::min<long>(GetItemCount(), first + GetCountPerPage() + 2);
    for (long r = first; r < last && row < 0; ++r) {
        wxRect rect;
        if (GetItemRect(r, rect) && rect.Contains(at)) row = r;
    }
    if (row == m_hoverRow) return;
    m_hoverRow = row;
    const wxString tip = hoverText(row);
    if (tip.empty()) m_rows->UnsetToolTip();
    else m_rows->SetToolTip(tip);
}

}  // namespace traza::gui
