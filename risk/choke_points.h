#pragma once
// Choke points (spec "Analysis"): an actor outside S ∪ D that dominates a
// destination or has flow_share ≥ threshold. Traza ranks them with a score
// (docs/methodology.md, "Choke-point ranking"):
//   score = w_share · flow_share
//         + w_aggregation · ½ (upstream sources / sources feeding D
//                              + upstream headcount / headcount feeding D)
//         + w_documentation · share of its sales documented at 'documented' or better
//         + w_dominance · share of T received by destinations it dominates
// and explains each in plain words.
#include <string>
#include <vector>

#include "chain_graph.h"
#include "destinations.h"
#include "dominators.h"
#include "risk_weights.h"
#include "sentence.h"
#include "upstream.h"

namespace traza::risk {

struct ChokePoint {
    bool isChokePoint = false;
    int rank = 0;
    double score = 0;
    std::vector<Sentence> reasons;
};

struct ChokeInputs {
    const ChainGraph& chain;
    const DestinationSet& destinations;
    const std::vector<double>& flowShare;
    const Dominance& dominance;
    const Upstream& upstream;
    const RiskWeights& weights;
};

/// Per vertex; `threshold` and `onDominance` come from AnalysisOptions.
std::vector<ChokePoint> rankChokePoints(const ChokeInputs&, double threshold, bool onDominance,
                                        const std::string& language);

/// Share of an actor's sales documented at `level` or better (0 without sales).
double documentedSalesShare(const ChainGraph&, Vertex, model::Evidence level);

}  // namespace traza::risk
