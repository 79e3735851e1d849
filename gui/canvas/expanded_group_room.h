#pragma once
// Room for an expanded picker group (issue #17): its boxes are laid out as a
// grid beside its organisation, where other boxes of the lane already are.
// The grid and the boxes after it in that lane move down, in the order they
// stand, until none overlaps another; collapsing the group rebuilds the scene
// without the grid, so they are back where they were. Only the drawing moves: saved positions are kept.
// No wx: the scene is tested without a display.
#include <vector>

#include "chain_scene.h"

namespace traza::gui {

/// Vertical room kept between boxes pushed apart (the gap of a laid-out column).
inline constexpr double kPushedGap = 26;

/// Move the boxes sharing a lane with an expanded group's boxes so that no two
/// of them overlap. Each expanded group (nodes with the same expandedGroupOf)
/// moves as one block; in the order of their middles, blocks go down only, the
/// first stays. Nodes of other
/// lanes are not touched; with no expanded group nothing moves.
void makeRoomForExpandedGroups(std::vector<SceneNode>& nodes);

}  // namespace traza::gui
