#include "outline_panel.h"

#include <wx/imaglist.h>
#include <wx/sizer.h>
#include <wx/treectrl.h>

#include <map>
#include <string_view>
#include <unordered_map>

#include "checklist_completion.h"
#include "kind_glyph.h"
#include "labels.h"

namespace traza::gui {
namespace {

struct OutlineData : wxTreeItemData {
    enum class Type { Stage, Actor, Checklist, Heading } type;
    int stage = 0;
    std::string id;  ///< actor id, or checklist scope
    bool populated = false;
    OutlineData(Type t, int s, std::string i) : type(t), stage(s), id(std::move(i)) {}
};

OutlineData* dataOf(wxTreeCtrl* t, const wxTreeItemId& item) {
    return item.IsOk() ? static_cast<OutlineData*>(t->GetItemData(item)) : nullptr;
}

constexpr int kHeadingImage = -1;

}  // namespace

OutlinePanel::OutlinePanel(wxWindow* parent, Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    SetName("outline-panel");
    m_tree = new wxTreeCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxTR_DEFAULT_STYLE | wxTR_HIDE_ROOT | wxTR_SINGLE | wxTR_FULL_ROW_HIGHLIGHT);
    m_tree->SetName("outline-tree");
    const int px = FromDIP(16);
    auto* images = new wxImageList(px, px, true);
    for (int k = 0; k <= static_cast<int>(model::ActorKind::Other); ++k) images->Add(kindBitmap(static_cast<model::ActorKind>(k), px));
    m_tree->AssignImageList(images);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_tree, 1, wxEXPAND);
    SetSizer(sizer);

    m_tree->Bind(wxEVT_TREE_ITEM_EXPANDING, &OutlinePanel::onExpanding, this);
    m_tree->Bind(wxEVT_TREE_SEL_CHANGED, &OutlinePanel::onSelChanged, this);
    m_tree->Bind(wxEVT_TREE_ITEM_ACTIVATED, &OutlinePanel::onActivated, this);
    m_tree->Bind(wxEVT_TREE_ITEM_COLLAPSED, [this](wxTreeEvent& e) {
        if (m_syncing) return;
        if (auto* d = dataOf(m_tree, e.GetItem()); d && d->type == OutlineData::Type::Stage) {
            m_expandedStages.erase(d->stage);
            m_openedBigStages.erase(d->stage);
        }
    });
    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c != DocumentChange::Saved) scheduleRebuild();
    });
    m_selSlot = m_selection.changed.connect([this] { syncFromSelection(); });
    rebuild();
}

OutlinePanel::~OutlinePanel() {
    m_doc.changed.disconnect(m_docSlot);
    m_selection.changed.disconnect(m_selSlot);
}

void OutlinePanel::scheduleRebuild() {
    if (m_rebuildPending) return;
    m_rebuildPending = true;
    CallAfter([this] { rebuild(); });
}

void OutlinePanel::rebuild() {
    m_rebuildPending = false;
    const model::Project& p = m_doc.project();
    m_syncing = true;
    m_tree->Freeze();
    m_tree->DeleteAllItems();
    const wxTreeItemId root = m_tree->AddRoot("chain");

    std::map<int, int> perStage;
    for (const model::Actor& a : p.actors) ++perStage[a.stage];
    const wxTreeItemId actors = m_tree->AppendItem(
        root, wxString::Format(_("Actors (%d)"), static_cast<int>(p.actors.size())), kHeadingImage, kHeadingImage,
        new OutlineData(OutlineData::Type::Heading, 0, ""));
    m_tree->SetItemBold(actors);
    for (const auto& [stage, count] : perStage) {
        const wxTreeItemId item = m_tree->AppendItem(actors, wxString::Format("%d · %s (%d)", stage, stageName(stage), count),
                                                     kHeadingImage, kHeadingImage,
                                                     new OutlineData(OutlineData::Type::Stage, stage, ""));
        m_tree->SetItemHasChildren(item, true);
        // A stage too big to list whole (60 000 picker groups) opens only when the
        // user opens it: filling 2 000 items on every edit of a national chain
        // cost a tenth of a second each time.
        const bool big = static_cast<std::size_t>(count) > kMaxChildren;
        if (m_expandedStages.count(stage) && (!big || m_openedBigStages.count(stage))) m_tree->Expand(item);  // fills it
    }
    m_tree->Expand(actors);

    // Checklists: done of applicable items of the steps that are the scope's, the
    // count the checklist pane shows (checklist_completion.h).
    const wxTreeItemId lists = m_tree->AppendItem(
        root, wxString::Format(_("Checklists (%d)"), static_cast<int>(p.checklists.size())), kHeadingImage, kHeadingImage,
        new OutlineData(OutlineData::Type::Heading, 0, ""));
    m_tree->SetItemBold(lists);
    // Checklist scopes name actors: look them up in one index (findActor is linear,
    // and a national chain has 800 checklists over 66 000 actors).
    std::unordered_map<std::string_view, const model::Actor*> actorOf;
    if (!p.checklists.empty()) {
        actorOf.reserve(p.actors.size());
        for (const model::Actor& a : p.actors) actorOf.emplace(a.id, &a);
    }
    for (const model::Checklist& c : p.checklists) {
        const StepCompletion counts = checklistCompletion(p, c).overall;
        wxString who = _("Assessment");
        int image = kHeadingImage;
        if (!c.isAssessment()) {
            const auto found = actorOf.find(c.scope);
            const model::Actor* a = found == actorOf.end() ? nullptr : found->second;
            who = a && !a->name.empty() ? toWx(a->name) : toWx(c.scope);
            image = a ? static_cast<int>(a->kind) : kHeadingImage;
        }
        m_tree->AppendItem(lists, wxString::Format(_("%s — %d of %d done"), who, counts.done, counts.applicable), image, image,
                           new OutlineData(OutlineData::Type::Checklist, 0, c.scope));
    }
    if (m_checklistsExpanded) m_tree->Expand(lists);
    m_tree->Thaw();
    m_syncing = false;
    syncFromSelection();
}

void OutlinePanel::populateStage(const wxTreeItemId& stageItem, int stage) {
    auto* d = dataOf(m_tree, stageItem);
    if (!d || d->populated) return;
    d->populated = true;
    std::size_t shown = 0, total = 0;
    for (const model::Actor& a : m_doc.project().actors) {
        if (a.stage != stage) continue;
        if (++total > kMaxChildren) continue;
        ++shown;
        const int image = static_cast<int>(a.kind);
        m_tree->AppendItem(stageItem, a.name.empty() ? toWx(a.id) : toWx(a.name), image, image,
                           new OutlineData(OutlineData::Type::Actor, stage, a.id));
    }
    if (total > shown)
        m_tree->AppendItem(stageItem, wxString::Format(_("… and %d more (select them on the canvas)"), static_cast<int>(total - shown)));
}

void OutlinePanel::onExpanding(wxTreeEvent& e) {
    if (auto* d = dataOf(m_tree, e.GetItem()); d && d->type == OutlineData::Type::Stage) {
        populateStage(e.GetItem(), d->stage);
        if (!m_syncing) {
            m_expandedStages.insert(d->stage);
            m_openedBigStages.insert(d->stage);
        }
    }
}

void OutlinePanel::onSelChanged(wxTreeEvent& e) {
    if (m_syncing) return;
    auto* d = dataOf(m_tree, e.GetItem());
    if (!d) return;
    if (d->type == OutlineData::Type::Actor) {
        m_selection.set({ItemKind::Actor, d->id});
        // A click shows the actor on the canvas too (a national chain is too big to look for it).
        if (onActorActivated) onActorActivated(d->id);
    } else if (d->type == OutlineData::Type::Checklist && d->id != model::Checklist::kAssessmentScope && m_doc.project().findActor(d->id))
        m_selection.set({ItemKind::Actor, d->id});
    else if (d->type == OutlineData::Type::Checklist) m_selection.clear();
}

void OutlinePanel::onActivated(wxTreeEvent& e) {
    auto* d = dataOf(m_tree, e.GetItem());
    if (d && d->type == OutlineData::Type::Actor && onActorActivated) onActorActivated(d->id);
}

// Highlight the primary selected actor, if its stage group is open.
void OutlinePanel::syncFromSelection() {
    if (m_syncing || m_rebuildPending) return;
    const auto primary = m_selection.primary();
    m_syncing = true;
    wxTreeItemId found;
    if (primary && primary->kind == ItemKind::Actor) {
        const wxTreeItemId root = m_tree->GetRootItem();
        wxTreeItemIdValue c1, c2;
        const wxTreeItemId actors = root.IsOk() ? m_tree->GetFirstChild(root, c1) : wxTreeItemId();
        for (wxTreeItemId s = actors.IsOk() ? m_tree->GetFirstChild(actors, c1) : wxTreeItemId(); s.IsOk() && !found.IsOk();
             s = m_tree->GetNextChild(actors, c1)) {
            if (!m_tree->IsExpanded(s)) continue;
            for (wxTreeItemId a = m_tree->GetFirstChild(s, c2); a.IsOk(); a = m_tree->GetNextChild(s, c2)) {
                auto* d = dataOf(m_tree, a);
                if (d && d->id == primary->id) {
                    found = a;
                    break;
                }
            }
        }
    }
    if (found.IsOk()) {
        m_tree->SelectItem(found);
        m_tree->EnsureVisible(found);
    } else if (m_tree->GetSelection().IsOk()) {
        m_tree->Unselect();
    }
    m_syncing = false;
}

}  // namespace traza::gui
