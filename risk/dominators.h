#pragma once
// Dominators (spec "Analysis"): a virtual root gets an edge to every source;
// actor a dominates destination d when every path from the root to d passes
// through a (a ≠ d). Computed by the iterative Cooper–Harvey–Kennedy algorithm.
// A destination the root cannot reach (fed only by a closed cycle) has no
// dominators: no path from a source reaches it at all.
#include <vector>

#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk {

struct Dominance {
    /// Per vertex: the destinations it dominates, in DestinationSet order.
    std::vector<std::vector<Vertex>> dominates;
    /// Per vertex: reachable from some source.
    std::vector<char> reachable;
};

Dominance computeDominators(const ChainGraph&, const DestinationSet&);

}  // namespace traza::risk
