// Mouse gestures of the chain canvas: click and rubber-band selection, moving
// actors (one MoveActors per drag), dragging a flow from an actor's handle (or
// with Shift/Alt) to another actor, panning, and the context menu.
#include <wx/menu.h>

#include <cmath>

#include "chain_canvas.h"
#include "chain_commands.h"
#include "chain_edits.h"
#include "error_dialog.h"
#include "labels.h"
#include "overview_map.h"

namespace traza::gui {
namespace {
constexpr int kClickTolerance = 3;  // pixels before a press becomes a drag
constexpr double kHandleReach = 10;  // pixels around the flow handle
}  // namespace

bool ChainCanvas::nearHandle(std::size_t node, Point world) const {
    const SceneNode& n = m_scene.nodes()[node];
    if (n.kind != NodeKind::Actor) return false;
    const Point h = ChainScene::handleOf(n.box);
    return std::hypot(world.x - h.x, world.y - h.y) * m_view.scale() <= kHandleReach;
}

void ChainCanvas::startGesture(Gesture g, const wxPoint& at) {
    m_gesture = g;
    m_pressPixel = m_lastPixel = at;
    m_dragged = false;
    if (!HasCapture()) CaptureMouse();
}

void ChainCanvas::endGesture() {
    m_gesture = Gesture::None;
    m_overlay.movingNodes.clear();
    m_overlay.moveDelta = {};
    m_overlay.rubberBand.reset();
    m_overlay.connectLine.reset();
    m_overlay.connectTarget.reset();
    m_connectFrom.clear();
    if (HasCapture()) ReleaseMouse();
    Refresh();
}

void ChainCanvas::onLeftDown(wxMouseEvent& e) {
    SetFocus();
    const wxSize size = GetClientSize();
    if (const auto map = OverviewMap::place(m_scene.bounds(), m_view, size.x, size.y);
        map && map->frame().contains({double(e.GetPosition().x), double(e.GetPosition().y)})) {
        startGesture(Gesture::Overview, e.GetPosition());
        moveViewToOverview(e.GetPosition());
        return;
    }
    const Point p = toWorld(e.GetPosition());
    if (m_spaceDown) {
        startGesture(Gesture::Pan, e.GetPosition());
        return;
    }
    // The handle lies on the box edge, so test it before the box itself.
    std::optional<std::size_t> node = m_scene.nodeAt(p);
    if (!node)
        for (std::size_t i : m_scene.nodesIn({p.x - 12, p.y - 12, 24, 24}))
            if (nearHandle(i, p)) node = i;
    if (node) {
        const SceneNode& n = m_scene.nodes()[*node];
        if (n.kind == NodeKind::PickerGroup) {
            m_selection.clear();
            return;
        }
        if (nearHandle(*node, p) || e.ShiftDown() || e.AltDown()) {
            m_connectFrom = n.id;
            startGesture(Gesture::Connect, e.GetPosition());
            m_overlay.connectLine = {ChainScene::handleOf(n.box), p};
            return;
        }
        const ItemRef ref{ItemKind::Actor, n.id};
        if (e.ControlDown() || e.CmdDown()) {
            m_selection.toggle(ref);
            return;
        }
        if (!m_selection.contains(ref)) m_selection.set(ref);
        else m_selection.add(ref);  // keep the group, make this one primary
        startGesture(Gesture::Move, e.GetPosition());
        for (const std::string& id : m_selection.actors())
            if (auto i = m_scene.nodeOfActor(id); i && m_scene.nodes()[*i].kind == NodeKind::Actor) m_overlay.movingNodes.insert(*i);
        return;
    }
    if (auto edge = m_scene.edgeAt(p, 5 / m_view.scale()); edge && !m_scene.edges()[*edge].flowId.empty()) {
        const ItemRef ref{ItemKind::Flow, m_scene.edges()[*edge].flowId};
        if (e.ControlDown()) m_selection.toggle(ref);
        else m_selection.set(ref);
        return;
    }
    if (!e.ControlDown()) m_selection.clear();
    startGesture(Gesture::RubberBand, e.GetPosition());
}

void ChainCanvas::onMotion(wxMouseEvent& e) {
    const wxPoint pixel = e.GetPosition();
    const Point p = toWorld(pixel);
    if (m_gesture == Gesture::None) {
        auto hover = m_scene.nodeAt(p);
        if (!hover)
            for (std::size_t i : m_scene.nodesIn({p.x - 12, p.y - 12, 24, 24}))
                if (nearHandle(i, p)) hover = i;
        if (hover != m_overlay.hoverNode) {
            m_overlay.hoverNode = hover;
            updateToolTip();
            Refresh();
        }
        updateCursor(e);
        return;
    }
    if (std::abs(pixel.x - m_pressPixel.x) > kClickTolerance || std::abs(pixel.y - m_pressPixel.y) > kClickTolerance)
        m_dragged = true;
    switch (m_gesture) {
    case Gesture::Pan:
    case Gesture::RightPress:
        if (m_gesture == Gesture::RightPress && !m_dragged) break;
        m_gesture = Gesture::Pan;
        SetCursor(wxCursor(wxCURSOR_HAND));
        m_view.panByPixels(pixel.x - m_lastPixel.x, pixel.y - m_lastPixel.y);
        viewChanged();
        break;
    case Gesture::Move:
        if (m_dragged) {
            const Point start = toWorld(m_pressPixel);
            m_overlay.moveDelta = {p.x - start.x, p.y - start.y};
            Refresh();
        }
        break;
    case Gesture::Connect: {
        m_overlay.connectLine->second = p;
        auto target = m_scene.nodeAt(p);
        if (target && (m_scene.nodes()[*target].kind != NodeKind::Actor || m_scene.nodes()[*target].id == m_connectFrom))
            target.reset();
        m_overlay.connectTarget = target;
        Refresh();
        break;
    }
    case Gesture::RubberBand:
        if (m_dragged) {
            m_overlay.rubberBand = Rect::spanning(toWorld(m_pressPixel), p);
            Refresh();
        }
        break;
    case Gesture::Overview: moveViewToOverview(pixel); break;
    case Gesture::None: break;
    }
    m_lastPixel = pixel;
}

void ChainCanvas::moveViewToOverview(const wxPoint& pixel) {
    // The map keeps its place while the view moves (it depends on the window
    // and the chain only), so a drag follows the mouse.
    const wxSize size = GetClientSize();
    const auto map = OverviewMap::place(m_scene.bounds(), m_view, size.x, size.y);
    if (!map) return;
    const Point c = map->toWorld({double(pixel.x), double(pixel.y)});
    m_view.setOrigin({c.x - size.x / 2.0 / m_view.scale(), c.y - size.y / 2.0 / m_view.scale()});
    viewChanged();
}

void ChainCanvas::onLeftUp(wxMouseEvent& e) {
    switch (m_gesture) {
    case Gesture::Move: finishMove(); break;
    case Gesture::Connect: finishConnect(); break;
    case Gesture::RubberBand: finishRubberBand(e.ControlDown()); break;
    default: break;
    }
    endGesture();
}

void ChainCanvas::finishMove() {
    if (!m_dragged || m_overlay.movingNodes.empty()) return;
    std::vector<model::ActorPosition> to;
    for (std::size_t i : m_overlay.movingNodes) {
        const Point c = m_scene.nodes()[i].box.centre();
        to.push_back({m_scene.nodes()[i].id, c.x + m_overlay.moveDelta.x, c.y + m_overlay.moveDelta.y});
    }
    m_overlay.movingNodes.clear();  // the rebuilt scene has the new positions
    runEdit([&] { m_doc.execute(std::make_unique<model::MoveActors>(std::move(to))); });
}

void ChainCanvas::finishConnect() {
    if (!m_overlay.connectTarget) return;
    const std::string from = m_connectFrom, to = m_scene.nodes()[*m_overlay.connectTarget].id;
    std::string flowId;
    runEdit([&] { flowId = connectActors(m_doc, from, to); });
    if (flowId.empty()) return;
    m_selection.set({ItemKind::Flow, flowId});
    if (onFlowCreated) onFlowCreated(flowId);
}

void ChainCanvas::finishRubberBand(bool add) {
    if (!m_overlay.rubberBand) return;
    std::set<std::string> actors = add ? m_selection.actors() : std::set<std::string>{};
    std::set<std::string> flows = add ? m_selection.flows() : std::set<std::string>{};
    for (std::size_t i : m_scene.nodesIn(*m_overlay.rubberBand))
        if (m_scene.nodes()[i].kind == NodeKind::Actor) actors.insert(m_scene.nodes()[i].id);
    m_selection.assign(std::move(actors), std::move(flows));
}

void ChainCanvas::onLeftDClick(wxMouseEvent& e) {
    auto node = m_scene.nodeAt(toWorld(e.GetPosition()));
    if (node && m_scene.nodes()[*node].kind == NodeKind::PickerGroup) setGroupExpanded(m_scene.nodes()[*node].id, true);
}

void ChainCanvas::onMiddleDown(wxMouseEvent& e) {
    SetFocus();
    startGesture(Gesture::Pan, e.GetPosition());
}

void ChainCanvas::onRightDown(wxMouseEvent& e) {
    SetFocus();
    startGesture(Gesture::RightPress, e.GetPosition());
}

void ChainCanvas::onButtonUp(wxMouseEvent& e) {
    const bool click = m_gesture == Gesture::RightPress && !m_dragged;
    if (m_gesture == Gesture::Pan || m_gesture == Gesture::RightPress) endGesture();
    SetCursor(m_spaceDown ? wxCursor(wxCURSOR_HAND) : wxNullCursor);
    if (click && e.GetEventType() == wxEVT_RIGHT_UP) showContextMenu(e.GetPosition());
}

void ChainCanvas::onLeave(wxMouseEvent&) {
    if (m_overlay.hoverNode && m_gesture == Gesture::None) {
        m_overlay.hoverNode.reset();
        Refresh();
    }
}

void ChainCanvas::onCaptureLost(wxMouseCaptureLostEvent&) {
    m_gesture = Gesture::None;
    endGesture();
}

void ChainCanvas::updateCursor(const wxMouseEvent& e) {
    if (m_spaceDown) return;
    const Point p = toWorld(e.GetPosition());
    bool handle = false;
    for (std::size_t i : m_scene.nodesIn({p.x - 12, p.y - 12, 24, 24})) handle = handle || nearHandle(i, p);
    SetCursor(handle || e.ShiftDown() ? wxCursor(wxCURSOR_CROSS) : wxNullCursor);
}

// The full text of the box under the mouse (boxes truncate long names).
void ChainCanvas::updateToolTip() {
    if (!m_overlay.hoverNode) {
        UnsetToolTip();
        return;
    }
    const SceneNode& n = m_scene.nodes()[*m_overlay.hoverNode];
    wxString tip;
    if (n.kind == NodeKind::PickerGroup) {
        tip << wxString::Format(_("%d picker groups feeding %s"), static_cast<int>(n.members.size()), toWx(n.id)) << "\n"
            << wxString::Format(wxPLURAL("%d person", "%d people", n.people), n.people) << "\n" << _("Double-click or right-click to expand.");
    } else {
        tip << toWx(n.name.empty() ? n.id : n.name) << " (" << toWx(n.id) << ")\n"
            << kindLabel(n.actorKind) << " · " << wxString::Format(_("stage %d"), n.stage);
        if (!n.region.empty()) tip << " · " << toWx(n.region);
        tip << "\n" << wxString::Format(_("risk %s"), riskLevelLabel(n.marks.riskLevel));
        if (n.marks.chokePoint) tip << " · " << wxString::Format(_("choke point #%d"), n.marks.chokeRank);
        tip << "\n" << _("Drag the handle on the right edge (or Shift-drag) to another actor to add a flow.");
    }
    SetToolTip(tip);
}

void ChainCanvas::showContextMenu(const wxPoint& at) {
    const Point p = toWorld(at);
    auto node = m_scene.nodeAt(p);
    if (node && m_scene.nodes()[*node].kind == NodeKind::Actor && !m_selection.contains({ItemKind::Actor, m_scene.nodes()[*node].id}))
        m_selection.set({ItemKind::Actor, m_scene.nodes()[*node].id});
    wxMenu menu;
    enum { kExpand = wxID_HIGHEST + 500, kCollapse, kDelete, kLayout, kFit };
    std::string group;
    if (node) {
        const SceneNode& n = m_scene.nodes()[*node];
        if (n.kind == NodeKind::PickerGroup) {
            group = n.id;
            menu.Append(kExpand, _("&Expand picker groups"));
        } else if (!n.expandedGroupOf.empty()) {
            group = n.expandedGroupOf;
            menu.Append(kCollapse, _("&Collapse picker groups"));
        }
    }
    if (!m_selection.empty()) menu.Append(kDelete, _("&Delete selection"));
    if (menu.GetMenuItemCount() > 0) menu.AppendSeparator();
    menu.Append(kLayout, _("&Layout chain"));
    menu.Append(kFit, _("&Fit to window"));
    const int id = GetPopupMenuSelectionFromUser(menu, at);
    if (id == kExpand) setGroupExpanded(group, true);
    else if (id == kCollapse) setGroupExpanded(group, false);
    else if (id == kDelete) runEdit([&] { deleteSelection(m_doc, m_selection); });
    else if (id == kLayout) layoutChain();
    else if (id == kFit) fitToWindow();
}

}  // namespace traza::gui
