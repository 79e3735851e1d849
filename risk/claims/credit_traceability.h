#pragma once
// Traceability by the credit method of mass-balance chain of custody
// (spec "Analysis output: additions of the second wave", `by_stage_credit`):
// the most documented tonnes that can reach the destinations when they are
// allocated along the chain in the best possible way, as a share of T.
//
// The network for evidence level L and stage k: a super-source joined without
// limit to every actor of stage ≤ k; every flow e an arc of capacity
// s_e(L)·t_e (parallel flows add up); a flow into a destination ends at the
// super-sink (a destination absorbs what it receives, which is what T counts).
// Its maximum flow, from Boost.Graph's push-relabel algorithm, divided by T.
//
// No physical content follows from it: it says how much destination input
// could be *claimed* as documented, not which tonnes are.
#include <vector>

#include "analysis.h"
#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk {

/// Maximum documented flow at level L back to stage k, in tonnes (not divided by T).
double maxDocumentedFlow(const ChainGraph&, const DestinationSet&, model::Evidence level, int stage);
/// The same at each of `levels`, in that order: the network is built once and
/// solved once per level.
std::vector<double> maxDocumentedFlows(const ChainGraph&, const DestinationSet&,
                                       const std::vector<model::Evidence>& levels, int stage);

/// Fills TraceLevel::byStageCredit for every level and stage that has a
/// `byStage` entry (the same keys).
void computeCreditTraceability(const ChainGraph&, const DestinationSet&, Traceability&);

}  // namespace traza::risk
