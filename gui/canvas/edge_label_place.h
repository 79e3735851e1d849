#pragma once
// Where a flow's label goes (issue #17: labels sat at the middle of their arrow,
// and where the arrow passed under a box the label did too). The label stays on
// its own arrow: at the middle when that is free, else at the nearest point along
// the arrow where it touches no box and no label placed before it. No wx.
#include <optional>
#include <vector>

#include "chain_scene.h"

namespace traza::gui {

/// The rectangle (world units) of a `width` x `height` label centred on a point
/// of `curve`: the middle, else points ever further from it (t = 0.45, 0.55,
/// 0.4, ... 0.15, 0.85), the first one meeting none of `taken`. Nothing when
/// every point is taken (the caller draws no label: better none than one on a box).
std::optional<Rect> placeEdgeLabel(const EdgeCurve& curve, double width, double height, const std::vector<Rect>& taken);

}  // namespace traza::gui
