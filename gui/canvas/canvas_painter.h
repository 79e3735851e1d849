#pragma once
// Draws a ChainScene with wxGraphicsContext: stage bands, flows as arrows
// (width by tonnes, dashed when undocumented, coloured by evidence, labelled
// with ± sd, an orange halo when the reconciliation finds the figure implausible),
// actor boxes filled by risk level with a kind glyph and a choke-point badge.
// Only what intersects the visible rectangle is drawn, and text is dropped when
// zoomed far out, so a large chain pans smoothly.
#include <cstddef>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "chain_scene.h"
#include "selection.h"
#include "view_transform.h"

class wxGraphicsContext;

namespace traza::gui {

/// Below this scale the boxes carry no text: the first view stays at or above it.
inline constexpr double kReadableScale = 0.42;

struct PaintState {
    const ChainScene* scene = nullptr;
    ViewTransform view;
    double width = 0;   ///< window size in pixels
    double height = 0;
    const Selection* selection = nullptr;
    std::optional<std::size_t> hoverNode;
    std::unordered_set<std::size_t> movingNodes;  ///< drawn shifted by moveDelta
    Point moveDelta;
    std::optional<Rect> rubberBand;                    ///< world units
    std::optional<std::pair<Point, Point>> connectLine;  ///< from handle to mouse, world
    std::optional<std::size_t> connectTarget;
};

struct PaintStats {
    std::size_t nodesDrawn = 0;
    std::size_t edgesDrawn = 0;
    std::size_t headersDrawn = 0;   ///< stage headers in the window
    std::size_t headersSticky = 0;  ///< of those, pinned to the top (their band's top scrolled away)
    std::optional<Rect> legend;     ///< the evidence key, in window pixels
    std::vector<std::pair<std::size_t, Rect>> edgeLabels;  ///< edge index and its label, in window pixels
    std::optional<Rect> overview;   ///< the overview map, in window pixels (only when the chain is not all in view)
};

/// The evidence key's width and height in pixels (its texts measured with `gc`).
std::pair<double, double> evidenceKeySize(wxGraphicsContext& gc);

/// Paint the whole visible canvas. Returns what was drawn (culling tests, benchmark).
PaintStats paintChain(wxGraphicsContext&, const PaintState&);

}  // namespace traza::gui
