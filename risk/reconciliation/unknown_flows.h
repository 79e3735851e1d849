#pragma once
// Unknown flows ("tonnes": null) from the reconciled balances. Merge every
// actor without a balance into one ground node; the unknown flows are edges
// between balanced actors and the ground. A flow is determined exactly when
// it is a bridge of that graph (no cycle of unknown flows runs through it):
// then the actors on one side of it, away from the ground, balance to it
// alone, and its value is their summed balance. Flows on a cycle of unknowns
// (or between two actors without a balance) are not determined.
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "balance_system.h"

namespace traza::risk::reconciliation {

/// A linear combination of the reconciled figures: (variable, coefficient).
using Combination = std::vector<std::pair<std::size_t, double>>;

struct UnknownFlows {
    std::vector<double> value;  ///< per flow; NaN when not determined or not unknown
    std::vector<double> sd;     ///< per flow; NaN when not computed
    std::vector<char> determined;
};

/// `xhat` are the reconciled variables. `variance(g)` returns the variance of
/// Σ g_j x̂_j; it is called for at most `maxSd` determined flows.
UnknownFlows solveUnknownFlows(const model::Project&, const BalanceSystem&, const std::vector<double>& xhat,
                               const std::function<double(const Combination&)>& variance, std::size_t maxSd);

}  // namespace traza::risk::reconciliation
