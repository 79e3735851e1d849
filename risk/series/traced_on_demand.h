#pragma once
// The traced shares of a period's chain (traceability.h) without solving the
// whole chain: on a chain without cycles, τ_k(u) is needed only at the actors
// that feed a destination and, above stage 1, at the actors that feed those.
// A month of a national year has 66 310 actors, and every destination is fed
// by picker groups at stage 1, where τ = 1 for every stage: the twelve months
// read their destinations' in-edges instead of solving eight problems over
// every actor each (issue #19, "Scale").
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk::series_detail {

/// computeTraceability(chain, dest, ...)'s byStage per level (self_declared ..
/// verified), the same figures to the last bit: each τ is evaluated with the
/// sums MixingSolver::solveMany makes, in the same order. `stage` is every
/// actor's stage (chain.stage, read once for all periods). nullopt when the
/// chain has a cycle: MixingSolver solves those.
std::optional<std::vector<std::map<int, double>>> tracedOnDemand(const ChainGraph& chain, const DestinationSet& dest,
                                                                 std::span<const int> stage);

}  // namespace traza::risk::series_detail
