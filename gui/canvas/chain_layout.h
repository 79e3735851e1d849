#pragma once
// From the drawn chain to an automatic layout and back: which actors need one,
// and the positions that become one undoable "Layout chain" command. No wx.
#include <memory>
#include <vector>

#include "chain_commands.h"
#include "chain_scene.h"
#include "graph_layout.h"

namespace traza::gui {

/// True when most actors have no saved position (a fresh import, a CLI-built
/// project): the whole chain is laid out when it opens.
bool needsInitialLayout(const model::Project&);

/// Lay out the chain as drawn (an aggregated picker-group box is one node and
/// its members keep their positions). Returns one position per drawn actor;
/// the drawing's top-left is at `origin`. Throws traza::Error if Graphviz fails.
std::vector<model::ActorPosition> computeLayout(const ChainScene&, Point origin = {40, 70},
                                                const LayoutOptions& = {});

/// The undoable command applying `positions` (label "Layout chain").
std::unique_ptr<model::Command> makeLayoutCommand(std::vector<model::ActorPosition> positions);

}  // namespace traza::gui
