#pragma once
// The chain canvas: draws the scene (CanvasPainter) and turns mouse and keys
// into view changes (pan, zoom, fit) and edits (select, move, connect, delete),
// every edit one command on the Document. Mouse gestures live in canvas_mouse.cpp.
#include <wx/bitmap.h>
#include <wx/window.h>

#include <functional>
#include <optional>
#include <set>
#include <string>

#include "canvas_painter.h"
#include "chain_focus.h"
#include "chain_scene.h"
#include "document.h"
#include "selection.h"
#include "view_transform.h"

class wxScrollWinEvent;

namespace traza::gui {

class ChainCanvas : public wxWindow {
public:
    ChainCanvas(wxWindow* parent, Document&, Selection&);
    ~ChainCanvas() override;

    /// Every change of what the canvas shows comes through here: the next paint
    /// draws the scene again; other paints (GTK redraws the window whenever a
    /// neighbouring pane changes) copy the last drawing.
    void Refresh(bool eraseBackground = true, const wxRect* rect = nullptr) override;

    /// Risk levels and choke points from the latest analysis.
    void setMarks(ActorMarksMap);
    /// Flows the latest reconciliation finds implausible (drawn with a warning halo).
    void setFlowMarks(FlowMarks);
    /// The document-next plan's flows, highlighted with their gain (empty: none shown).
    void setPlanMarks(PlanMarks);
    /// Select a flow and scroll so the middle of its arrow is in the window: to
    /// the middle of the window when `centre`, else only when it is out of sight.
    void showFlow(const std::string& flowId, bool centre = false);
    /// Rebuild the scene from the document (done automatically on every change).
    void rebuild();
    /// Show only these actors and the flows between them (View > Focus), or,
    /// with nothing, the whole chain again; then fit the view to what is shown.
    void setFocus(std::optional<ActorSet> actors);
    bool focused() const { return m_focus.has_value(); }

    /// Fit (toolbar, '0'): the whole chain, or, where that would leave its boxes
    /// unreadable, every stage at a readable scale from the top (the overview in
    /// the corner then shows the whole chain).
    void fitToWindow();
    /// True when the whole chain, with its stage headers, is in the window.
    bool wholeChainInView() const;
    /// The first view after opening or laying out a chain: the whole chain, unless
    /// that leaves the boxes unreadable; then the whole width from the top.
    void showFirstView();
    /// Zoom about the window centre.
    void zoomBy(double factor);
    /// "Layout chain": lay the drawn chain out with Graphviz as one undoable step.
    void layoutChain();
    /// The first layout of an opened project: part of opening, so no undo step
    /// and, for a shared store, no step sent to it (opening edits nothing, and a
    /// read-only reviewer may not write). Positions only: no new analysis.
    void layoutChainLocally();
    /// Add an actor of `kind` in its stage's lane below the boxes there
    /// (placeInLane), select it and scroll so that it is in the middle.
    void addActorAtCentre(model::ActorKind);
    /// Scroll so the actor's box is in the middle of the window.
    void centreOn(const std::string& actorId);
    /// Show one organisation's picker groups one by one, or aggregate them again.
    void setGroupExpanded(const std::string& organisationId, bool expanded);

    const ChainScene& scene() const { return m_scene; }
    const ViewTransform& view() const { return m_view; }
    /// Client-window pixel of an actor's box centre / its flow handle (tests drive the mouse there).
    std::optional<wxPoint> actorCentreOnScreen(const std::string& actorId) const;
    std::optional<wxPoint> actorHandleOnScreen(const std::string& actorId) const;
    /// Milliseconds the last paint took and what it drew (status bar, benchmark).
    double lastPaintMs() const { return m_lastPaintMs; }  ///< of the last paint that drew the scene
    PaintStats lastPaintStats() const { return m_lastStats; }

    /// Called after the zoom changed, with the new scale (status bar).
    std::function<void(double scale)> onZoomChanged;
    /// Called after the user created a flow by dragging (the frame focuses its tonnes).
    std::function<void(const std::string& flowId)> onFlowCreated;

private:
    /// The scene has new boxes: fit a newly opened chain, else keep the view and repaint.
    void sceneChanged();
    /// The project the scene is built from: the focused part, or the whole.
    const model::Project& shownProject() const;
    enum class Gesture { None, Move, Connect, RubberBand, Pan, RightPress, Overview };
    /// Centre the view on the world point a pixel of the overview stands for.
    void moveViewToOverview(const wxPoint& pixel);

    // chain_canvas.cpp: view, paint, scrollbars, keys
    void onPaint(wxPaintEvent&);
    void onSize(wxSizeEvent&);
    bool viewIsFitted() const;
    static bool sameView(const ViewTransform&, const ViewTransform&);
    void onScroll(wxScrollWinEvent&);
    void onKeyDown(wxKeyEvent&);
    void onKeyUp(wxKeyEvent&);
    void onWheel(wxMouseEvent&);
    Rect scrollExtent() const;
    void updateScrollbars();
    void viewChanged();
    Point toWorld(const wxPoint& p) const { return m_view.toWorld({double(p.x), double(p.y)}); }
    void runEdit(const std::function<void()>& edit);

    // canvas_mouse.cpp: gestures and the context menu
    void onLeftDown(wxMouseEvent&);
    void onLeftUp(wxMouseEvent&);
    void onLeftDClick(wxMouseEvent&);
    void onMiddleDown(wxMouseEvent&);
    void onRightDown(wxMouseEvent&);
    void onButtonUp(wxMouseEvent&);
    void onMotion(wxMouseEvent&);
    void onLeave(wxMouseEvent&);
    void onCaptureLost(wxMouseCaptureLostEvent&);
    void startGesture(Gesture, const wxPoint&);
    void endGesture();
    void finishMove();
    void finishConnect();
    void finishRubberBand(bool add);
    void showContextMenu(const wxPoint&);
    bool nearHandle(std::size_t node, Point world) const;
    void updateCursor(const wxMouseEvent&);
    void updateToolTip();

    Document& m_doc;
    Selection& m_selection;
    int m_docSlot = 0;
    int m_selectionSlot = 0;
    ChainScene m_scene;
    ActorMarksMap m_marks;
    FlowMarks m_flowMarks;
    PlanMarks m_planMarks;
    std::set<std::string> m_expanded;
    std::optional<ActorSet> m_focus;  ///< View > Focus: the actors shown
    model::Project m_focused;         ///< the focused part of the project, the scene's source while focused
    ViewTransform m_view;
    bool m_fitPending = true;  ///< fit once the window has a size
    /// The view the last fit made; while the view is still that one, a resize
    /// (a pane opening or closing) fits again, so the evidence key keeps its free corner.
    std::optional<ViewTransform> m_fittedView;
    /// Likewise the view the last centreOn made and the world point it centred:
    /// scrollbars that come or go with it must not move that point off centre.
    std::optional<std::pair<ViewTransform, Point>> m_centredView;

    Gesture m_gesture = Gesture::None;
    wxPoint m_pressPixel;      ///< where the gesture started
    wxPoint m_lastPixel;
    bool m_dragged = false;    ///< moved past the click tolerance
    bool m_spaceDown = false;  ///< space held: left drag pans
    std::string m_connectFrom;
    PaintState m_overlay;      ///< hover, moving nodes, rubber band, connect line
    wxBitmap m_drawn;          ///< the last drawing of the scene, copied by paints that need no new one
    bool m_drawnStale = true;  ///< set by Refresh()
    double m_lastPaintMs = 0;
    double m_reportedScale = 0;
    PaintStats m_lastStats;
};

}  // namespace traza::gui
