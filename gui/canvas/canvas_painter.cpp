#include "canvas_painter.h"

#include <wx/brush.h>
#include <wx/font.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>
#include <vector>

#include "canvas_style.h"
#include "edge_label_place.h"
#include "evidence_key_place.h"
#include "kind_glyph.h"
#include "overview_map.h"
#include "labels.h"

namespace traza::gui {
namespace {

// Below these scales detail is dropped: it would be unreadable and costs time.
constexpr double kTextScale = kReadableScale;
constexpr double kEdgeLabelScale = 0.55;
constexpr double kGlyphScale = 0.18;

struct Fonts {
    wxFont title = wxFont(wxFontInfo(9).Family(wxFONTFAMILY_SWISS).Bold());
    wxFont body = wxFont(wxFontInfo(8).Family(wxFONTFAMILY_SWISS));
    wxFont header = wxFont(wxFontInfo(10).Family(wxFONTFAMILY_SWISS).Bold());
    wxFont badge = wxFont(wxFontInfo(7).Family(wxFONTFAMILY_SWISS).Bold());
};

const Fonts& fonts() {
    static const Fonts f;
    return f;
}

// Shortens `text` with an ellipsis until it fits `maxWidth` (current font).
wxString fitText(wxGraphicsContext& gc, const wxString& text, double maxWidth) {
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    if (w <= maxWidth) return text;
    // Start from a proportional guess, then trim one character at a time.
    std::size_t n = std::min<std::size_t>(text.length(), static_cast<std::size_t>(text.length() * maxWidth / std::max(w, 1.0)) + 1);
    wxString s;
    for (; n > 0; --n) {
        s = text.Left(n) + wxString::FromUTF8("…");
        gc.GetTextExtent(s, &w, &h);
        if (w <= maxWidth) return s;
    }
    return wxString::FromUTF8("…");
}

Rect shifted(const Rect& r, const Point& d) { return {r.x + d.x, r.y + d.y, r.w, r.h}; }

void drawBands(wxGraphicsContext& gc, const PaintState& st, const Rect& visible) {
    const Rect b = st.scene->bounds();
    const double top = b.y - 56, bottom = b.bottom() + 24;
    int i = 0;
    for (const StageBand& band : st.scene->bands()) {
        const Rect r{band.left - 18, top, band.right - band.left + 36, bottom - top};
        const wxColour& c = (i++ % 2) ? style::kBandB : style::kBandA;
        if (!r.intersects(visible)) continue;
        gc.SetPen(*wxTRANSPARENT_PEN);
        gc.SetBrush(gc.CreateBrush(wxBrush(c)));
        gc.DrawRoundedRectangle(r.x, r.y, r.w, r.h, 10);
    }
}

// The stage headers, in window pixels after the world is drawn: at the top of
// their band, or pinned to the top of the window once the band's top has
// scrolled away, in a font that does not shrink with the zoom (issue #17).
void drawStageHeaders(wxGraphicsContext& gc, const PaintState& st, PaintStats& stats) {
    const Rect b = st.scene->bounds();
    const double top = b.y - 56, bottom = b.bottom() + 24;
    gc.SetFont(fonts().header, style::kSubtleText);
    int i = 0;
    for (const StageBand& band : st.scene->bands()) {
        const wxColour& c = (i++ % 2) ? style::kBandB : style::kBandA;
        const Point topLeft = st.view.toScreen({band.left - 18, top});
        const Point bottomRight = st.view.toScreen({band.right + 18, bottom});
        if (bottomRight.x < 0 || topLeft.x > st.width || bottomRight.y < 30 || topLeft.y > st.height) continue;
        // A band cut by the window's left edge keeps its header in the part that shows.
        const double x = std::max(topLeft.x + 10, 4.0);
        if (bottomRight.x - x < 40) continue;
        const wxString header = fitText(gc, wxString::Format("%d · %s", band.stage, stageName(band.stage)), bottomRight.x - x - 6);
        double w = 0, h = 0;
        gc.GetTextExtent(header, &w, &h);
        const bool sticky = topLeft.y + 8 < 4;
        const double y = sticky ? 4 : topLeft.y + 8;
        if (sticky) {  // over whatever scrolled under it: the band's colour, nearly opaque
            gc.SetPen(*wxTRANSPARENT_PEN);
            gc.SetBrush(gc.CreateBrush(wxBrush(wxColour(c.Red(), c.Green(), c.Blue(), 235))));
            gc.DrawRoundedRectangle(x - 6, y - 2, w + 14, h + 4, 4);
            ++stats.headersSticky;
        }
        gc.DrawText(header, x, y);
        ++stats.headersDrawn;
    }
}

constexpr int kLevels = static_cast<int>(model::Evidence::Verified) + 1;
constexpr double kKeyRow = 18, kKeySample = 34, kKeyPad = 8;

// A key to the flows' strokes in a bottom corner free of boxes
// (evidence_key_place.h): each evidence level's colour and dash, in the
// interface language.
void drawEvidenceLegend(wxGraphicsContext& gc, const PaintState& st, PaintStats& stats) {
    if (st.height < 8 * kKeyRow + 40 || st.width < 360) return;  // a small window keeps its chain
    const auto [boxW, boxH] = evidenceKeySize(gc);
    const Rect box = placeEvidenceKey(*st.scene, st.view, st.width, st.height, boxW, boxH);
    gc.SetFont(fonts().body, style::kSubtleText);
    double w = 0, h = 0;
    gc.GetTextExtent("Ag", &w, &h);
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::kSubtleText).Width(0.5)));
    gc.SetBrush(gc.CreateBrush(wxBrush(wxColour(255, 255, 255, 225))));
    gc.DrawRoundedRectangle(box.x, box.y, box.w, box.h, 5);
    gc.DrawText(_("Evidence of the flows"), box.x + kKeyPad, box.y + kKeyPad);
    for (int k = 0; k < kLevels; ++k) {
        const auto level = static_cast<model::Evidence>(k);
        const double y = box.y + kKeyPad + kKeyRow * (k + 1) + kKeyRow / 2;
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::evidenceColour(level)).Width(3).Style(style::evidenceDash(level)).Cap(wxCAP_BUTT)));
        gc.StrokeLine(box.x + kKeyPad, y, box.x + kKeyPad + kKeySample, y);
        gc.DrawText(evidenceLabel(level), box.x + 2 * kKeyPad + kKeySample, y - h / 2);
    }
    stats.legend = box;
}

// The halves of a cubic curve (de Casteljau at t = 0.5).
std::pair<EdgeCurve, EdgeCurve> halves(const EdgeCurve& c) {
    auto mid = [](Point a, Point b) { return Point{(a.x + b.x) / 2, (a.y + b.y) / 2}; };
    const Point a = mid(c.p0, c.p1), b = mid(c.p1, c.p2), d = mid(c.p2, c.p3);
    const Point ab = mid(a, b), bd = mid(b, d), m = mid(ab, bd);
    return {{c.p0, a, ab, m}, {m, bd, d, c.p3}};
}

// The pieces of `c` that can show in `visible`: the curve is halved until a piece
// misses `visible` (dropped) or is no bigger than it (kept). A flow across a
// national chain is 250 000 px long at 1:1; stroking and dashing it whole cost
// cairo seconds per paint, though only a window's height of it is seen.
void visiblePieces(const EdgeCurve& c, const Rect& visible, int depth, std::vector<EdgeCurve>& out) {
    const Rect b = c.bounds();
    if (!b.intersects(visible)) return;
    if (depth == 0 || (b.w <= visible.w && b.h <= visible.h)) {
        out.push_back(c);
        return;
    }
    const auto [first, second] = halves(c);
    visiblePieces(first, visible, depth - 1, out);
    visiblePieces(second, visible, depth - 1, out);
}

void drawEdge(wxGraphicsContext& gc, const PaintState& st, const SceneEdge& e, const EdgeCurve& c, bool selected,
              const Rect& visible) {
    const wxColour base = selected ? style::kSelection : style::evidenceColour(e.evidence);
    const double width = e.width + (selected ? 2 : 0);
    const double head = std::max(9.0, width * 1.7);
    wxGraphicsPenInfo pen(wxColour(base.Red(), base.Green(), base.Blue(), selected ? 255 : 205));
    pen.Width(width).Cap(wxCAP_BUTT);
    // Undocumented tonnes dash long whatever the level; each other level has its own dash (legend).
    pen.Style(e.undocumented() ? style::evidenceDash(model::Evidence::None) : style::evidenceDash(e.evidence));
    gc.SetPen(gc.CreatePen(pen));
    std::vector<EdgeCurve> pieces;
    visiblePieces({c.p0, c.p1, c.p2, {c.p3.x - head * 0.8, c.p3.y}}, visible.inflated(width), 24, pieces);
    wxGraphicsPath path = gc.CreatePath();
    for (std::size_t k = 0; k < pieces.size(); ++k) {
        const EdgeCurve& q = pieces[k];
        if (k == 0 || pieces[k - 1].p3.x != q.p0.x || pieces[k - 1].p3.y != q.p0.y) path.MoveToPoint(q.p0.x, q.p0.y);
        path.AddCurveToPoint(q.p1.x, q.p1.y, q.p2.x, q.p2.y, q.p3.x, q.p3.y);
    }
    if (!pieces.empty() && e.planStep > 0) {  // the plan's flows: a violet band under the stroke
        const wxColour& v = style::kPlan;
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(wxColour(v.Red(), v.Green(), v.Blue(), 110)).Width(width + 14).Cap(wxCAP_ROUND)));
        gc.StrokePath(path);
        gc.SetPen(gc.CreatePen(pen));
    }
    if (!pieces.empty() && e.implausible) {  // a warning halo under the stroke
        const wxColour& w = style::kImplausible;
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(wxColour(w.Red(), w.Green(), w.Blue(), 150)).Width(width + 9).Cap(wxCAP_ROUND)));
        gc.StrokePath(path);
        gc.SetPen(gc.CreatePen(pen));
    }
    if (!pieces.empty()) gc.StrokePath(path);
    // Arrowhead pointing into the target box.
    wxGraphicsPath tip = gc.CreatePath();
    tip.MoveToPoint(c.p3.x, c.p3.y);
    tip.AddLineToPoint(c.p3.x - head, c.p3.y - head * 0.55);
    tip.AddLineToPoint(c.p3.x - head, c.p3.y + head * 0.55);
    tip.CloseSubpath();
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(gc.CreateBrush(wxBrush(base)));
    gc.FillPath(tip);
    (void)st;
}

// The label goes on its own arrow where it covers no box and no other label
// (edge_label_place.h); returns its rectangle (world units), nothing when the
// arrow has no free place for it.
std::optional<Rect> drawEdgeLabel(wxGraphicsContext& gc, const SceneEdge& e, const EdgeCurve& c, std::vector<Rect>& taken) {
    // "100 ± 5 t" for an uncertain figure, "? t" for an unknown one; a warning
    // sign when the reconciliation finds the figure implausible.
    wxString tonnes = formatUncertainTonnes(e.tonnes, e.sdT, e.tonnesUnknown && e.flowCount == 1);
    if (e.implausible) tonnes = wxString::FromUTF8("⚠ ") + tonnes;
    wxString text = tonnes + " · " +
                    (e.flowCount > 1 ? wxString::Format(wxPLURAL("%d flow", "%d flows", e.flowCount), e.flowCount)
                                     : evidenceLabel(e.evidence));
    gc.SetFont(fonts().body, e.implausible ? style::kImplausibleText : style::kSubtleText);
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    // Between neighbouring columns there is room for the tonnes only.
    if (w > std::abs(c.p3.x - c.p0.x) - 16) {
        text = tonnes;
        gc.GetTextExtent(text, &w, &h);
    }
    auto place = placeEdgeLabel(c, w + 8, h + 4, taken);
    if (!place && text != tonnes) {  // no room along the arrow for the whole label: the tonnes only
        text = tonnes;
        gc.GetTextExtent(text, &w, &h);
        place = placeEdgeLabel(c, w + 8, h + 4, taken);
    }
    if (!place) return std::nullopt;
    taken.push_back(*place);
    if (e.implausible) gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::kImplausible).Width(1.5)));
    else gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(gc.CreateBrush(wxBrush(e.implausible ? style::kImplausibleLabel : wxColour(255, 255, 255, 215))));
    gc.DrawRoundedRectangle(place->x, place->y, place->w, place->h, 4);
    gc.DrawText(text, place->x + 4, place->y + 2);
    return place;
}

// "1 · +3.2 pts": the plan's step and what it adds to the traced share, in a
// violet tag just above the arrow's middle (the tonnes label sits on it).
void drawPlanLabel(wxGraphicsContext& gc, const SceneEdge& e, const EdgeCurve& c) {
    const wxString text = wxString::Format("%d · %s", e.planStep, formatPoints(e.planGain));
    gc.SetFont(fonts().badge, *wxWHITE);
    double w = 0, h = 0;
    gc.GetTextExtent(text, &w, &h);
    const Point m = c.at(0.5);
    const double y = m.y - h - 12;
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.SetBrush(gc.CreateBrush(wxBrush(style::kPlan)));
    gc.DrawRoundedRectangle(m.x - w / 2 - 5, y - 2, w + 10, h + 4, 5);
    gc.DrawText(text, m.x - w / 2, y);
}

void drawNode(wxGraphicsContext& gc, const PaintState& st, const SceneNode& n, const Rect& box, bool selected,
              bool hovered) {
    const double scale = st.view.scale();
    const bool group = n.kind == NodeKind::PickerGroup;
    const wxColour fill = style::riskFill(n.marks.riskLevel);
    gc.SetBrush(gc.CreateBrush(wxBrush(fill)));
    if (group) {  // a small stack: several groups behind one box
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::kBorder).Width(1)));
        gc.DrawRoundedRectangle(box.x + 8, box.y - 8, box.w, box.h, 8);
        gc.DrawRoundedRectangle(box.x + 4, box.y - 4, box.w, box.h, 8);
    }
    wxColour border = style::kBorder;
    double borderWidth = 1.2;
    if (n.marks.chokePoint) {
        border = style::kChoke;
        borderWidth = 3.5;
    }
    if (selected) {
        border = style::kSelection;
        borderWidth = 3.5;
    }
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(border).Width(borderWidth)));
    gc.DrawRoundedRectangle(box.x, box.y, box.w, box.h, 8);

    if (scale >= kGlyphScale) drawKindGlyph(gc, n.actorKind, box.x + 9, box.y + (box.h - 26) / 2, 26, style::kGlyph);
    if (scale >= kTextScale) {
        const double tx = box.x + 44, maxW = box.right() - tx - (n.marks.chokePoint ? 22 : 8);
        wxString title, line2, line3;
        if (group) {
            const int count = static_cast<int>(n.members.size());
            title = wxString::Format(wxPLURAL("%d picker group", "%d picker groups", count), count);
            line2 = wxString::Format(wxPLURAL("%d person", "%d people", n.people), n.people);
            line3 = _("double-click to expand");
        } else {
            title = toWx(n.name.empty() ? n.id : n.name);
            // The glyph already says the kind: the second line says where.
            line2 = n.region.empty() ? kindLabel(n.actorKind) : toWx(n.region);
            line3 = wxString::Format(_("risk %s"), riskLevelLabel(n.marks.riskLevel));
            if (n.headcount > 0) line3 << " · " << wxString::Format(wxPLURAL("%d person", "%d people", n.headcount), n.headcount);
        }
        gc.SetFont(fonts().title, style::kText);
        gc.DrawText(fitText(gc, title, maxW), tx, box.y + 7);
        gc.SetFont(fonts().body, style::kSubtleText);
        gc.DrawText(fitText(gc, line2, maxW), tx, box.y + 24);
        gc.DrawText(fitText(gc, line3, maxW), tx, box.y + 38);
    }
    if (n.marks.chokePoint) {  // badge with the choke-point rank
        const double r = 11, cx = box.right() - 4, cy = box.y + 4;
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(*wxWHITE).Width(1.5)));
        gc.SetBrush(gc.CreateBrush(wxBrush(style::kChoke)));
        gc.DrawEllipse(cx - r, cy - r, 2 * r, 2 * r);
        if (scale >= kGlyphScale) {
            const wxString t = n.marks.chokeRank > 0 ? wxString::Format("%d", n.marks.chokeRank) : wxString("!");
            gc.SetFont(fonts().badge, *wxWHITE);
            double w = 0, h = 0;
            gc.GetTextExtent(t, &w, &h);
            gc.DrawText(t, cx - w / 2, cy - h / 2);
        }
    }
    if ((hovered || selected) && !group) {  // the handle a flow is dragged from
        const Point h = ChainScene::handleOf(box);
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::kSelection).Width(2)));
        gc.SetBrush(*wxWHITE_BRUSH);
        gc.DrawEllipse(h.x - 6, h.y - 6, 12, 12);
    }
}

// The overview in the top-right corner (overview_map.h): the bands, the boxes in
// their risk colours (at most a few thousand, evenly picked) and the view.
void drawOverview(wxGraphicsContext& gc, const PaintState& st, PaintStats& stats) {
    const ChainScene& scene = *st.scene;
    const auto map = OverviewMap::place(scene.bounds(), st.view, st.width, st.height);
    if (!map) return;
    const Rect& frame = map->frame();
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::kSubtleText).Width(0.5)));
    gc.SetBrush(gc.CreateBrush(wxBrush(wxColour(255, 255, 255, 235))));
    gc.DrawRoundedRectangle(frame.x, frame.y, frame.w, frame.h, 4);
    const Rect world = OverviewMap::worldOf(scene.bounds());
    gc.SetPen(*wxTRANSPARENT_PEN);
    int i = 0;
    for (const StageBand& band : scene.bands()) {
        const Rect r = map->toMap(Rect{band.left - 18, world.y, band.right - band.left + 36, world.h});
        gc.SetBrush(gc.CreateBrush(wxBrush((i++ % 2) ? style::kBandB : style::kBandA)));
        gc.DrawRectangle(r.x, r.y, r.w, r.h);
    }
    // One path per risk colour: a national chain's thousands of boxes fill in five calls.
    std::map<std::string, wxGraphicsPath> byRisk;
    const std::size_t stride = std::max<std::size_t>(1, scene.nodes().size() / 4000);
    for (std::size_t k = 0; k < scene.nodes().size(); k += stride) {
        const SceneNode& n = scene.nodes()[k];
        const Rect r = map->toMap(n.box);
        auto it = byRisk.find(n.marks.riskLevel);
        if (it == byRisk.end()) it = byRisk.emplace(n.marks.riskLevel, gc.CreatePath()).first;
        it->second.AddRectangle(r.x, r.y, std::max(2.0, r.w), std::max(2.0, r.h));
    }
    for (auto& [risk, path] : byRisk) {
        gc.SetBrush(gc.CreateBrush(wxBrush(style::riskFill(risk).ChangeLightness(80))));
        gc.FillPath(path);
    }
    const Rect v = map->viewOnMap();
    const wxColour& s = style::kSelection;
    gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(s).Width(1.5)));
    gc.SetBrush(gc.CreateBrush(wxBrush(wxColour(s.Red(), s.Green(), s.Blue(), 35))));
    gc.Clip(frame.x, frame.y, frame.w, frame.h);
    gc.DrawRectangle(v.x, v.y, v.w, v.h);
    gc.ResetClip();
    stats.overview = frame;
}

}  // namespace

std::pair<double, double> evidenceKeySize(wxGraphicsContext& gc) {
    gc.SetFont(fonts().body, style::kSubtleText);
    double labelWidth = 0, h = 0;
    for (int k = 0; k < kLevels; ++k) {
        double w = 0;
        gc.GetTextExtent(evidenceLabel(static_cast<model::Evidence>(k)), &w, &h);
        labelWidth = std::max(labelWidth, w);
    }
    double titleWidth = 0;
    gc.GetTextExtent(_("Evidence of the flows"), &titleWidth, &h);
    return {std::max(kKeyPad * 3 + kKeySample + labelWidth, titleWidth + 2 * kKeyPad), kKeyPad * 2 + kKeyRow * (kLevels + 1)};
}

PaintStats paintChain(wxGraphicsContext& gc, const PaintState& st) {
    PaintStats stats;
    gc.SetBrush(gc.CreateBrush(wxBrush(style::kBackground)));
    gc.SetPen(*wxTRANSPARENT_PEN);
    gc.DrawRectangle(0, 0, st.width, st.height);
    if (!st.scene) return stats;
    const ChainScene& scene = *st.scene;

    gc.PushState();
    gc.Scale(st.view.scale(), st.view.scale());
    gc.Translate(-st.view.origin().x, -st.view.origin().y);
    const Rect visible = st.view.visibleWorld(st.width, st.height).inflated(20);
    drawBands(gc, st, visible);

    auto boxOf = [&](std::size_t i) {
        const Rect& b = scene.nodes()[i].box;
        return st.movingNodes.count(i) ? shifted(b, st.moveDelta) : b;
    };
    auto edgeSelected = [&](const SceneEdge& e) {
        return st.selection && !e.flowId.empty() && st.selection->flows().count(e.flowId);
    };
    std::vector<std::pair<std::size_t, EdgeCurve>> labelled, planned;
    // Flows that only pass through the window (neither end box in it) are thin
    // lines, one pen per evidence colour: in the middle of a national chain
    // a thousand of them cross the window, and stroking each with its own pen,
    // width, dashes and arrowhead made a repaint take a fifth of a second.
    std::map<model::Evidence, std::vector<EdgeCurve>> passing;
    for (int pass = 0; pass < 2; ++pass) {  // selected flows last, on top
        for (std::size_t i = 0; i < scene.edges().size(); ++i) {
            const SceneEdge& e = scene.edges()[i];
            if (edgeSelected(e) != (pass == 1)) continue;
            const Rect from = boxOf(e.from), to = boxOf(e.to);
            const EdgeCurve c = ChainScene::curveBetween(from, to, e.parallelIndex, e.parallelCount);
            if (!c.bounds().inflated(e.width).intersects(visible)) continue;
            if (pass == 0 && !from.intersects(visible) && !to.intersects(visible)) {
                visiblePieces(c, visible, 24, passing[e.evidence]);
                ++stats.edgesDrawn;
                continue;
            }
            drawEdge(gc, st, e, c, pass == 1, visible);
            ++stats.edgesDrawn;
            if (st.view.scale() >= kEdgeLabelScale) labelled.emplace_back(i, c);
            if (e.planStep > 0 && st.view.scale() >= kGlyphScale) planned.emplace_back(i, c);
        }
    }
    if (!passing.empty()) gc.SetAntialiasMode(wxANTIALIAS_NONE);  // hairlines rasterise several times faster
    for (const auto& [evidence, pieces] : passing) {
        const wxColour base = style::evidenceColour(evidence);
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(base).Width(1 / st.view.scale())));
        // Each piece as eight straight segments, stroked on its own: a wxGraphicsPath
        // per piece costs a cairo context, and one path of a thousand crossing
        // curves strokes slowly.
        constexpr int kSegments = 8;
        wxPoint2DDouble points[kSegments + 1];
        for (const EdgeCurve& q : pieces) {
            for (int k = 0; k <= kSegments; ++k) {
                const Point p = q.at(static_cast<double>(k) / kSegments);
                points[k] = {p.x, p.y};
            }
            gc.StrokeLines(kSegments + 1, points);
        }
    }
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    // Labels keep off the boxes in view (a group's stack reaches 8 units up and right).
    std::vector<Rect> taken;
    for (std::size_t i = 0; i < scene.nodes().size() && !labelled.empty(); ++i) {
        const Rect box = boxOf(i);
        if (!box.inflated(12).intersects(visible)) continue;
        taken.push_back(scene.nodes()[i].kind == NodeKind::PickerGroup ? Rect{box.x, box.y - 8, box.w + 8, box.h + 8} : box);
    }
    for (const auto& [i, c] : labelled)
        if (const auto r = drawEdgeLabel(gc, scene.edges()[i], c, taken)) {
            const Point a = st.view.toScreen({r->x, r->y}), b = st.view.toScreen({r->right(), r->bottom()});
            stats.edgeLabels.emplace_back(i, Rect::spanning(a, b));
        }
    for (const auto& [i, c] : planned) drawPlanLabel(gc, scene.edges()[i], c);

    for (std::size_t i = 0; i < scene.nodes().size(); ++i) {
        const SceneNode& n = scene.nodes()[i];
        const Rect box = boxOf(i);
        if (!box.inflated(12).intersects(visible)) continue;
        const bool selected = st.selection && n.kind == NodeKind::Actor && st.selection->actors().count(n.id);
        const bool hovered = st.hoverNode == i || st.connectTarget == i;
        drawNode(gc, st, n, box, selected, hovered);
        ++stats.nodesDrawn;
    }

    if (st.connectLine) {
        const auto& [a, b] = *st.connectLine;
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(style::kSelection).Width(2.5 / st.view.scale()).Style(wxPENSTYLE_SHORT_DASH)));
        gc.StrokeLine(a.x, a.y, b.x, b.y);
    }
    if (st.rubberBand) {
        const Rect& r = *st.rubberBand;
        const wxColour& s = style::kSelection;
        gc.SetPen(gc.CreatePen(wxGraphicsPenInfo(s).Width(1 / st.view.scale())));
        gc.SetBrush(gc.CreateBrush(wxBrush(wxColour(s.Red(), s.Green(), s.Blue(), 40))));
        gc.DrawRectangle(r.x, r.y, r.w, r.h);
    }
    gc.PopState();
    drawStageHeaders(gc, st, stats);
    drawEvidenceLegend(gc, st, stats);
    drawOverview(gc, st, stats);
    return stats;
}

}  // namespace traza::gui
