#pragma once
// The document-next plan: an ordered list of flows whose documentation at
// level L lifts traced[L][K] to the target θ, with the tonnes to document and
// the traced share after each step.
//
// Greedy with exact recomputation: each step documents the flow with the
// largest exact gain (documentation_gains.h) and brings every gain up to date,
// the same as a new forward and backward pass would, but by pushing the step's
// change only through the actors it reaches (cycles included, through their
// factors; documentation_plan.cpp). Gains interact (documenting a hop upstream makes
// the hops below it worth more), so the list is short but not guaranteed to be
// the shortest: finding the shortest is a combinatorial problem, and the
// greedy step is what a user can follow and check one flow at a time.
#include <string>
#include <vector>

#include "analysis.h"
#include "documentation_gains.h"

namespace traza::risk {

/// Up to `count` flows with a positive gain at level L for stage K, largest first
/// (ties: project order).
std::vector<NextFlow> nextFlows(const DocumentationGains&, model::Evidence level, int stage, std::size_t count,
                                bool& exact);

/// The greedy plan; stops when the target is reached, when no flow adds
/// anything, or after `maxSteps` steps.
DocumentationPlan planDocumentation(const DocumentationGains&, model::Evidence level, int stage, double target,
                                    std::size_t maxSteps, bool& exact);

}  // namespace traza::risk
