#include "chain_canvas.h"

#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/utils.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>

#include "chain_edits.h"
#include "chain_layout.h"
#include "error_dialog.h"
#include "evidence_key_place.h"
#include "labels.h"
#include "startup_trace.h"

namespace traza::gui {

ChainCanvas::ChainCanvas(wxWindow* parent, Document& doc, Selection& sel)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxSize(800, 600),
               wxHSCROLL | wxVSCROLL | wxALWAYS_SHOW_SB | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE),
      m_doc(doc), m_selection(sel) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);  // we paint every pixel, double-buffered
    SetName("chain-canvas");
    Bind(wxEVT_PAINT, &ChainCanvas::onPaint, this);
    Bind(wxEVT_SIZE, &ChainCanvas::onSize, this);
    for (auto type : {wxEVT_SCROLLWIN_TOP, wxEVT_SCROLLWIN_BOTTOM, wxEVT_SCROLLWIN_LINEUP, wxEVT_SCROLLWIN_LINEDOWN,
                      wxEVT_SCROLLWIN_PAGEUP, wxEVT_SCROLLWIN_PAGEDOWN, wxEVT_SCROLLWIN_THUMBTRACK,
                      wxEVT_SCROLLWIN_THUMBRELEASE})
        Bind(type, &ChainCanvas::onScroll, this);
    Bind(wxEVT_KEY_DOWN, &ChainCanvas::onKeyDown, this);
    Bind(wxEVT_KEY_UP, &ChainCanvas::onKeyUp, this);
    Bind(wxEVT_MOUSEWHEEL, &ChainCanvas::onWheel, this);
    Bind(wxEVT_LEFT_DOWN, &ChainCanvas::onLeftDown, this);
    Bind(wxEVT_LEFT_UP, &ChainCanvas::onLeftUp, this);
    Bind(wxEVT_LEFT_DCLICK, &ChainCanvas::onLeftDClick, this);
    Bind(wxEVT_MIDDLE_DOWN, &ChainCanvas::onMiddleDown, this);
    Bind(wxEVT_RIGHT_DOWN, &ChainCanvas::onRightDown, this);
    Bind(wxEVT_MIDDLE_UP, &ChainCanvas::onButtonUp, this);
    Bind(wxEVT_RIGHT_UP, &ChainCanvas::onButtonUp, this);
    Bind(wxEVT_MOTION, &ChainCanvas::onMotion, this);
    Bind(wxEVT_LEAVE_WINDOW, &ChainCanvas::onLeave, this);
    Bind(wxEVT_MOUSE_CAPTURE_LOST, &ChainCanvas::onCaptureLost, this);
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
        m_spaceDown = false;  // the key-up went elsewhere
        e.Skip();
    });

    m_docSlot = m_doc.changed.connect([this](DocumentChange c) {
        if (c == DocumentChange::Saved) return;
        if (c == DocumentChange::Replaced) {
            m_expanded.clear();
            m_marks.clear();
            m_flowMarks.clear();
            m_planMarks.clear();
            m_fitPending = true;
        }
        // Boxes moved and nothing else (the first layout of an opened chain, a
        // drag): the same scene with new places, not a new scene (a national
        // chain's takes 0.1-0.3 s to build).
        if (c == DocumentChange::Edited && !m_doc.lastEditChangesFigures() && !m_focus && m_scene.relocate(m_doc.project()))
            sceneChanged();
        else
            rebuild();
    });
    m_selectionSlot = m_selection.changed.connect([this] { Refresh(); });
    rebuild();
}

ChainCanvas::~ChainCanvas() {
    m_doc.changed.disconnect(m_docSlot);
    m_selection.changed.disconnect(m_selectionSlot);
}

void ChainCanvas::setMarks(ActorMarksMap marks) {
    m_marks = std::move(marks);
    m_scene.applyMarks(m_marks);  // same boxes, new colours: no rebuild (66 000 actors cost 0.1 s)
    Refresh();
}

void ChainCanvas::setFlowMarks(FlowMarks marks) {
    m_flowMarks = std::move(marks);
    m_scene.applyFlowMarks(shownProject(), m_flowMarks);
    Refresh();
}

void ChainCanvas::setPlanMarks(PlanMarks marks) {
    m_planMarks = std::move(marks);
    m_scene.applyPlanMarks(shownProject(), m_planMarks);
    Refresh();
}

const model::Project& ChainCanvas::shownProject() const { return m_focus ? m_focused : m_doc.project(); }

void ChainCanvas::setFocus(std::optional<ActorSet> actors) {
    m_focus = std::move(actors);
    rebuild();
    fitToWindow();
}

void ChainCanvas::rebuild() {
    if (m_focus) m_focused = focusedProject(m_doc.project(), *m_focus);
    m_scene = ChainScene::build(shownProject(), m_marks, m_expanded);
    m_scene.applyFlowMarks(shownProject(), m_flowMarks);
    m_scene.applyPlanMarks(shownProject(), m_planMarks);
    m_overlay.hoverNode.reset();
    sceneChanged();
}

void ChainCanvas::sceneChanged() {
    if (m_fitPending && GetClientSize().x > 50) {
        m_fitPending = false;
        showFirstView();
        return;
    }
    viewChanged();
}

void ChainCanvas::viewChanged() {
    updateScrollbars();
    Refresh();
    if (onZoomChanged && m_view.scale() != m_reportedScale) {
        m_reportedScale = m_view.scale();
        onZoomChanged(m_reportedScale);
    }
}

namespace {
// What fitting shows: the drawing with its stage headers, or one box's room.
Rect fitContent(const ChainScene& scene) {
    const Rect content = scene.bounds();
    return content.empty() ? Rect{0, 0, kBoxWidth, kBoxHeight} : content.united({content.x, content.y - 60, 1, 1});
}
}  // namespace

void ChainCanvas::fitToWindow() {
    const wxSize size = GetClientSize();
    // A national chain fitted whole is a strip of unreadable boxes: Fit shows
    // all the stages at a scale their names can be read, from the top; the
    // overview in the corner shows the whole chain and where the view is.
    // The evidence key takes a bottom corner: the fit leaves one free of boxes when it can.
    std::pair<double, double> key{0, 0};
    if (std::unique_ptr<wxGraphicsContext> measure(wxGraphicsContext::Create()); measure) key = evidenceKeySize(*measure);
    m_view = fitBesideKey(m_scene, fitContent(m_scene), size.x, size.y, key.first, key.second, kReadableScale);
    m_fittedView = m_view;
    viewChanged();
}

bool ChainCanvas::wholeChainInView() const {
    const wxSize size = GetClientSize();
    const Rect seen = m_view.visibleWorld(size.x, size.y), drawing = fitContent(m_scene);
    return seen.x <= drawing.x && seen.y <= drawing.y && seen.right() >= drawing.right() && seen.bottom() >= drawing.bottom();
}

void ChainCanvas::showFirstView() { fitToWindow(); }

void ChainCanvas::zoomBy(double factor) {
    const wxSize size = GetClientSize();
    m_view.zoomAt({size.x / 2.0, size.y / 2.0}, factor);
    viewChanged();
}

void ChainCanvas::runEdit(const std::function<void()>& edit) {
    try {
        edit();
    } catch (const std::exception& e) {
        showError(this, e);
    }
}

void ChainCanvas::layoutChain() {
    runEdit([&] {
        wxBusyCursor busy;
        auto positions = computeLayout(m_scene);
        if (positions.empty()) return;
        m_doc.execute(makeLayoutCommand(std::move(positions)));
        showFirstView();
    });
}

void ChainCanvas::layoutChainLocally() {
    wxBusyCursor busy;
    auto positions = computeLayout(m_scene);
    if (positions.empty()) return;
    m_doc.applyUnrecorded(makeLayoutCommand(std::move(positions)));  // positions only, no copy of the chain
    showFirstView();
}

void ChainCanvas::addActorAtCentre(model::ActorKind kind) {
    const int stage = model::defaultStage(kind) > 0 ? model::defaultStage(kind) : 1;
    const Point where = placeInLane(m_scene, stage);
    const auto count = std::count_if(m_doc.project().actors.begin(), m_doc.project().actors.end(),
                                     [&](const model::Actor& a) { return a.kind == kind; });
    const wxString name = wxString::Format("%s %d", kindLabel(kind), static_cast<int>(count) + 1);
    runEdit([&] {
        const std::string id = addActor(m_doc, kind, where, toUtf8(name));
        if (m_focus) {  // an actor added while focused is part of what is looked at
            m_focus->insert(id);
            rebuild();
        }
        m_selection.set({ItemKind::Actor, id});
        centreOn(id);  // the scene was rebuilt with it by the edit
    });
    SetFocus();
}

void ChainCanvas::setGroupExpanded(const std::string& organisationId, bool expanded) {
    if (expanded) m_expanded.insert(organisationId);
    else m_expanded.erase(organisationId);
    rebuild();
}

void ChainCanvas::centreOn(const std::string& actorId) {
    auto n = m_scene.nodeOfActor(actorId);
    if (!n) return;
    const Point c = m_scene.nodes()[*n].box.centre();
    const wxSize size = GetClientSize();
    m_view.setOrigin({c.x - size.x / 2.0 / m_view.scale(), c.y - size.y / 2.0 / m_view.scale()});
    m_centredView = std::make_pair(m_view, c);
    viewChanged();
    // Scrollbars that came or went with the new view changed the window: centre in what is left.
    if (const wxSize now = GetClientSize(); now != size) {
        m_view.setOrigin({c.x - now.x / 2.0 / m_view.scale(), c.y - now.y / 2.0 / m_view.scale()});
        m_centredView = std::make_pair(m_view, c);
        viewChanged();
    }
}

void ChainCanvas::showFlow(const std::string& flowId, bool centre) {
    const model::Flow* f = m_doc.project().findFlow(flowId);
    if (!f) return;
    m_selection.set({ItemKind::Flow, flowId});
    // A flow merged into a picker group's arrow is shown by the box it leaves.
    Point c;
    if (auto e = m_scene.edgeOfFlow(flowId)) c = m_scene.curve(m_scene.edges()[*e]).at(0.5);
    else if (auto n = m_scene.nodeOfActor(f->from)) c = m_scene.nodes()[*n].box.centre();
    else return;
    const wxSize size = GetClientSize();
    const Rect seen = m_view.visibleWorld(size.x, size.y).inflated(-40 / m_view.scale());
    if (!centre && seen.contains(c)) return;  // already in sight: the view stays where the user left it
    m_view.setOrigin({c.x - size.x / 2.0 / m_view.scale(), c.y - size.y / 2.0 / m_view.scale()});
    viewChanged();
}

std::optional<wxPoint> ChainCanvas::actorCentreOnScreen(const std::string& actorId) const {
    auto n = m_scene.nodeOfActor(actorId);
    if (!n) return std::nullopt;
    const Point p = m_view.toScreen(m_scene.nodes()[*n].box.centre());
    return wxPoint(static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y)));
}

std::optional<wxPoint> ChainCanvas::actorHandleOnScreen(const std::string& actorId) const {
    auto n = m_scene.nodeOfActor(actorId);
    if (!n) return std::nullopt;
    const Point p = m_view.toScreen(ChainScene::handleOf(m_scene.nodes()[*n].box));
    return wxPoint(static_cast<int>(std::lround(p.x)) - 2, static_cast<int>(std::lround(p.y)));
}

void ChainCanvas::Refresh(bool eraseBackground, const wxRect* rect) {
    m_drawnStale = true;
    wxWindow::Refresh(eraseBackground, rect);
}

void ChainCanvas::onPaint(wxPaintEvent&) {
    wxPaintDC dc(this);
    const wxSize size = GetClientSize();
    if (size.x <= 0 || size.y <= 0) return;
    const double dpiScale = GetContentScaleFactor();
    if (m_drawnStale || !m_drawn.IsOk() || m_drawn.GetLogicalSize() != size || m_drawn.GetScaleFactor() != dpiScale) {
        const auto start = std::chrono::steady_clock::now();
        if (!m_drawn.IsOk() || m_drawn.GetLogicalSize() != size || m_drawn.GetScaleFactor() != dpiScale)
            m_drawn.CreateWithDIPSize(size, dpiScale);
        wxMemoryDC memory(m_drawn);
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(memory));
        if (!gc) return;
        PaintState st = m_overlay;
        st.scene = &m_scene;
        st.view = m_view;
        st.width = size.x;
        st.height = size.y;
        st.selection = &m_selection;
        m_lastStats = paintChain(*gc, st);
        gc.reset();
        memory.SelectObject(wxNullBitmap);
        m_drawnStale = false;
        m_lastPaintMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    dc.DrawBitmap(m_drawn, 0, 0);
    StartupTrace& trace = StartupTrace::instance();
    trace.mark(Milestone::FrameShown);
    if (trace.reached(Milestone::LayoutDone) && !m_scene.nodes().empty()) trace.mark(Milestone::ChainPainted);
}

// A view the user has not zoomed or panned since it was fitted follows the
// window: after a pane shrank the canvas, the old fit reached into the key's
// corner and the key covered boxes (issue #17).
bool ChainCanvas::sameView(const ViewTransform& a, const ViewTransform& b) {
    return a.scale() == b.scale() && a.origin().x == b.origin().x && a.origin().y == b.origin().y;
}

bool ChainCanvas::viewIsFitted() const { return m_fittedView && sameView(*m_fittedView, m_view); }

void ChainCanvas::onSize(wxSizeEvent& e) {
    if (m_fitPending && GetClientSize().x > 50) {
        m_fitPending = false;
        showFirstView();
    } else if (viewIsFitted() && GetClientSize().x > 50 && GetClientSize().y > 50) {
        fitToWindow();
    } else if (m_centredView && sameView(m_centredView->first, m_view)) {
        const wxSize size = GetClientSize();
        const Point c = m_centredView->second;
        m_view.setOrigin({c.x - size.x / 2.0 / m_view.scale(), c.y - size.y / 2.0 / m_view.scale()});
        m_centredView->first = m_view;
        viewChanged();
    } else {
        viewChanged();
    }
    e.Skip();
}

// The scrollable range: the drawing plus a margin, and always what is on screen.
Rect ChainCanvas::scrollExtent() const {
    const wxSize size = GetClientSize();
    Rect drawing = m_scene.bounds().inflated(200);
    return drawing.united(m_view.visibleWorld(size.x, size.y));
}

void ChainCanvas::updateScrollbars() {
    const wxSize size = GetClientSize();
    const Rect ext = scrollExtent();
    const double s = m_view.scale();
    const Point o = m_view.origin();
    SetScrollbar(wxHORIZONTAL, static_cast<int>((o.x - ext.x) * s), size.x, static_cast<int>(ext.w * s));
    SetScrollbar(wxVERTICAL, static_cast<int>((o.y - ext.y) * s), size.y, static_cast<int>(ext.h * s));
}

void ChainCanvas::onScroll(wxScrollWinEvent& e) {
    const int orient = e.GetOrientation();
    const wxSize size = GetClientSize();
    const int page = orient == wxHORIZONTAL ? size.x : size.y;
    const Rect ext = scrollExtent();
    const double s = m_view.scale();
    const int range = static_cast<int>((orient == wxHORIZONTAL ? ext.w : ext.h) * s);
    int pos = GetScrollPos(orient);
    const wxEventType t = e.GetEventType();
    if (t == wxEVT_SCROLLWIN_THUMBTRACK || t == wxEVT_SCROLLWIN_THUMBRELEASE) pos = e.GetPosition();
    else if (t == wxEVT_SCROLLWIN_LINEUP) pos -= 40;
    else if (t == wxEVT_SCROLLWIN_LINEDOWN) pos += 40;
    else if (t == wxEVT_SCROLLWIN_PAGEUP) pos -= page * 9 / 10;
    else if (t == wxEVT_SCROLLWIN_PAGEDOWN) pos += page * 9 / 10;
    else if (t == wxEVT_SCROLLWIN_TOP) pos = 0;
    else if (t == wxEVT_SCROLLWIN_BOTTOM) pos = range;
    pos = std::clamp(pos, 0, std::max(0, range - page));
    Point o = m_view.origin();
    if (orient == wxHORIZONTAL) o.x = ext.x + pos / s;
    else o.y = ext.y + pos / s;
    m_view.setOrigin(o);
    viewChanged();
}

void ChainCanvas::onWheel(wxMouseEvent& e) {
    const double steps = static_cast<double>(e.GetWheelRotation()) / std::max(1, e.GetWheelDelta());
    if (e.ControlDown()) {
        m_view.zoomAt({double(e.GetX()), double(e.GetY())}, std::pow(1.15, steps));
    } else if (e.ShiftDown() || e.GetWheelAxis() == wxMOUSE_WHEEL_HORIZONTAL) {
        m_view.panByPixels(steps * 60, 0);
    } else {
        m_view.panByPixels(0, steps * 60);
    }
    viewChanged();
}

void ChainCanvas::onKeyDown(wxKeyEvent& e) {
    const int key = e.GetKeyCode();
    switch (key) {
    case WXK_DELETE:
    case WXK_BACK:
        runEdit([&] { deleteSelection(m_doc, m_selection); });
        return;
    case '+':
    case '=':
    case WXK_NUMPAD_ADD:
        zoomBy(1.25);
        return;
    case '-':
    case WXK_NUMPAD_SUBTRACT:
        zoomBy(0.8);
        return;
    case '0':
    case WXK_NUMPAD0:
        fitToWindow();
        return;
    case 'A':
        // Ctrl+A only: Ctrl+Shift+A is View > Show the whole chain, which the skip lets the menu take.
        if (e.ControlDown() && !e.ShiftDown()) {
            std::set<std::string> all;
            for (const SceneNode& n : m_scene.nodes())
                if (n.kind == NodeKind::Actor) all.insert(n.id);
            m_selection.assign(std::move(all), {});
            return;
        }
        e.Skip();
        return;
    case WXK_SPACE:
        m_spaceDown = true;
        SetCursor(wxCursor(wxCURSOR_HAND));
        return;
    case WXK_ESCAPE:
        if (m_gesture != Gesture::None) endGesture();
        else m_selection.clear();
        return;
    case WXK_LEFT: m_view.panByPixels(60, 0); viewChanged(); return;
    case WXK_RIGHT: m_view.panByPixels(-60, 0); viewChanged(); return;
    case WXK_UP: m_view.panByPixels(0, 60); viewChanged(); return;
    case WXK_DOWN: m_view.panByPixels(0, -60); viewChanged(); return;
    default: e.Skip();
    }
}

void ChainCanvas::onKeyUp(wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_SPACE) {
        m_spaceDown = false;
        SetCursor(wxNullCursor);
        return;
    }
    e.Skip();
}

}  // namespace traza::gui
