#pragma once
// Automatic layout of the chain: stage columns left to right, nodes ordered
// to keep flows short. Uses Graphviz dot (rankdir=LR, rank=same per stage)
// and, for graphs too big for dot to stay interactive, a barycentric column
// layout. No wx here: this file links libgvc/libcgraph only, and its callers
// (gui/canvas/chain_layout.h) turn the result into one undoable MoveActors command.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "geometry.h"

namespace traza::gui {

struct LayoutNode {
    std::string id;
    int stage = 1;  ///< column; nodes of one stage share an x
    double width = 0;
    double height = 0;
};

struct LayoutEdge {
    std::string from;
    std::string to;
    double weight = 1;  ///< e.g. tonnes; heavier edges are kept straighter
};

struct LayoutOptions {
    double rankSep = 90;   ///< gap between stage columns (world units)
    double nodeSep = 26;   ///< gap between nodes of a column
    /// Above this many nodes dot takes seconds; the column layout is used instead.
    std::size_t dotNodeLimit = 1200;
};

/// Node centres in world units (y down, top-left of the drawing at about 0,0).
using LayoutResult = std::unordered_map<std::string, Point>;

/// Lay out a chain. Edges naming unknown nodes are ignored. Every node gets a
/// centre; nodes of a lower stage are always left of nodes of a higher stage.
/// Throws traza::Error if Graphviz fails.
LayoutResult layoutLayered(const std::vector<LayoutNode>&, const std::vector<LayoutEdge>&,
                           const LayoutOptions& = {});

/// The column layout on its own (no Graphviz): stage columns, all starting at
/// the top, nodes of a column ordered by the mean position of their neighbours
/// (two sweeps).
LayoutResult layoutColumns(const std::vector<LayoutNode>&, const std::vector<LayoutEdge>&,
                           const LayoutOptions& = {});

/// Layout with dot only, whatever the size (for tests and the benchmark).
LayoutResult layoutWithDot(const std::vector<LayoutNode>&, const std::vector<LayoutEdge>&,
                           const LayoutOptions& = {});

}  // namespace traza::gui
