#pragma once
// The left pane: the chain's actors grouped by stage, and the OECD checklists
// with their progress. Stage groups fill in when expanded (a chain of 60 000
// picker groups does not build 60 000 tree items up front) and show at most
// kMaxChildren actors each; a stage bigger than that starts closed. Selecting
// an actor here selects it everywhere.
#include <wx/panel.h>

#include <functional>
#include <set>
#include <string>

#include "document.h"
#include "selection.h"

class wxTreeCtrl;
class wxTreeEvent;
class wxTreeItemId;

namespace traza::gui {

class OutlinePanel : public wxPanel {
public:
    static constexpr std::size_t kMaxChildren = 2000;

    OutlinePanel(wxWindow* parent, Document&, Selection&);
    ~OutlinePanel() override;

    wxTreeCtrl* tree() const { return m_tree; }
    /// Rebuild now (normally deferred to idle time after a change).
    void rebuild();

    /// The user clicked or double-clicked an actor (the frame scrolls the canvas to it).
    std::function<void(const std::string& actorId)> onActorActivated;

private:
    void scheduleRebuild();
    void populateStage(const wxTreeItemId& stageItem, int stage);
    void onExpanding(wxTreeEvent&);
    void onSelChanged(wxTreeEvent&);
    void onActivated(wxTreeEvent&);
    void syncFromSelection();

    Document& m_doc;
    Selection& m_selection;
    wxTreeCtrl* m_tree = nullptr;
    int m_docSlot = 0;
    int m_selSlot = 0;
    bool m_rebuildPending = false;
    bool m_syncing = false;  ///< true while the tree follows the selection (ignore its events)
    std::set<int> m_expandedStages{1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::set<int> m_openedBigStages;  ///< stages above kMaxChildren actors the user opened (others stay closed)
    bool m_checklistsExpanded = true;
};

}  // namespace traza::gui
