#include "saved_layout.h"

#include <wx/aui/framemanager.h>

#include <map>

namespace traza::gui {

void loadSavedLayout(wxAuiManager& aui, const wxString& perspective) {
    std::map<wxString, wxString> captions;
    wxAuiPaneInfoArray& panes = aui.GetAllPanes();
    for (std::size_t i = 0; i < panes.GetCount(); ++i) captions[panes[i].name] = panes[i].caption;
    if (!aui.LoadPerspective(perspective, false)) return;
    for (std::size_t i = 0; i < panes.GetCount(); ++i) {
        wxAuiPaneInfo& pane = panes[i];
        if (const auto it = captions.find(pane.name); it != captions.end()) pane.Caption(it->second);
        if (pane.IsToolbar() && pane.window) {
            const wxSize needed = pane.window->GetBestSize();
            pane.BestSize(needed).MinSize(needed);
        }
    }
}

}  // namespace traza::gui
