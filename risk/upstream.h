#pragma once
// Exact upstream counts for every actor: how many sources have a path to it
// (itself excluded), and the headcount summed over every actor upstream of it
// plus itself (the people behind picker groups its material comes from).
//
// Counting distinct ancestors exactly is a set union over the condensation in
// topological order. Only "tracked" actors (sources and actors with a
// headcount) enter the sets. A set is a sorted id vector while small and a
// bitset once large, and is freed as soon as every component downstream of it
// has read it, so the memory in use is the frontier, not the whole chain.
// Cost: Σ over condensation edges of the tail's set size — linear for chains
// shaped like real ones (pickers → organisations → traders → exporters), in the
// worst case O(V · sources / 64) words.
#include <vector>

#include "chain_graph.h"

namespace traza::risk {

struct Upstream {
    std::vector<int> sources;          ///< per vertex
    std::vector<long long> headcount;  ///< per vertex, itself included
};

Upstream computeUpstream(const ChainGraph&);

}  // namespace traza::risk
