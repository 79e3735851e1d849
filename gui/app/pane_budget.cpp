#include "pane_budget.h"

#include <wx/aui/framemanager.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace traza::gui {

namespace {

struct Row {
    int height = 0;     // as laid out now
    int minHeight = 0;  // the tallest minimum of its panes
};

// wxAUI keeps a dock's size in its layout string, "dock_size(direction,layer,row)=N";
// that string is its only public way to set one.
wxString dockSizeKey(const std::pair<int, int>& layerRow) {
    return wxString::Format("dock_size(%d,%d,%d)=", wxAUI_DOCK_BOTTOM, layerRow.first, layerRow.second);
}

}  // namespace

bool fitBottomRows(wxAuiManager& aui, int clientHeight, double share) {
    std::map<std::pair<int, int>, Row> rows;
    wxAuiPaneInfoArray& panes = aui.GetAllPanes();
    for (std::size_t i = 0; i < panes.GetCount(); ++i) {
        const wxAuiPaneInfo& p = panes[i];
        if (!p.IsShown() || !p.IsDocked() || p.IsToolbar() || p.dock_direction != wxAUI_DOCK_BOTTOM) continue;
        Row& row = rows[{p.dock_layer, p.dock_row}];
        row.height = std::max(row.height, p.rect.height);
        row.minHeight = std::max(row.minHeight, p.min_size.y);
    }
    int total = 0;
    for (const auto& [key, row] : rows) total += row.height;
    const int budget = static_cast<int>(clientHeight * share);
    if (rows.size() < 2 || total <= budget || total <= 0) return false;

    wxString layout = aui.SavePerspective();
    bool changed = false;
    for (const auto& [key, row] : rows) {
        const int wanted = std::max(row.minHeight, static_cast<int>(std::floor(row.height * double(budget) / total)));
        const wxString name = dockSizeKey(key);
        const int at = layout.Find(name);
        if (at == wxNOT_FOUND || wanted >= row.height) continue;
        std::size_t end = static_cast<std::size_t>(at) + name.length();
        std::size_t stop = layout.find('|', end);
        if (stop == wxString::npos) stop = layout.length();
        layout.replace(end, stop - end, wxString::Format("%d", wanted));
        changed = true;
    }
    if (changed) aui.LoadPerspective(layout, true);
    return changed;
}

}  // namespace traza::gui
