#pragma once
// Where the evidence key goes on the canvas (issue #17: in the bottom-left
// corner it covered the CARE sample's waste-picker boxes). The key takes a
// bottom corner where it covers no box; Fit and the first view leave one such
// corner free when they can. No wx: the geometry only.
#include "chain_scene.h"
#include "view_transform.h"

namespace traza::gui {

/// The key's margin from the window's edges, in pixels.
inline constexpr double kKeyMargin = 10;

/// True when a box of `scene`, seen through `view`, touches `key` (window pixels).
bool keyCoversBoxes(const ChainScene& scene, const ViewTransform& view, const Rect& key);

/// The key's rectangle in a window of `width` x `height` pixels: the bottom-left
/// corner, else the bottom-right where that one covers no box; bottom-left when both do.
Rect placeEvidenceKey(const ChainScene& scene, const ViewTransform& view, double width, double height, double keyWidth,
                      double keyHeight);

/// Fit `content` as ViewTransform::fitReadable does, then, if the key would
/// cover a box in both corners, fit it again beside the key or above it (the
/// one with the larger scale), as long as that keeps the boxes readable
/// (`readableScale`, or the first fit's scale when that was smaller).
ViewTransform fitBesideKey(const ChainScene& scene, const Rect& content, double width, double height, double keyWidth,
                           double keyHeight, double readableScale);

}  // namespace traza::gui
