#pragma once
// The linear system behind reconciliation: one row per balance that holds no
// unknown flow, one column per uncertain figure. Actors joined by unknown flows
// are merged into one row (their summed balance, in which those flows cancel);
// a group that touches an actor without a balance (a source or a destination)
// has no row left. Every column has at most two entries, +1 at the receiving
// row and −1 at the sending one: A is a (grounded) incidence matrix, so its rank
// is known exactly from its connected components, with no numerical guess.
#include <cstddef>
#include <vector>

#include "project.h"
#include "reconciliation.h"

namespace traza::risk::reconciliation {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

/// An uncertain figure: a column of A.
struct Variable {
    FigureKind kind = FigureKind::Flow;
    std::size_t index = 0;   ///< flow or actor index
    double value = 0;        ///< x
    double variance = 0;     ///< V_jj = sd²
    std::size_t row[2] = {kNone, kNone};  ///< balance rows it enters (after merging)
    double coef[2] = {0, 0};
};

struct BalanceSystem {
    std::size_t actorCount = 0;
    std::vector<char> flowValid;        ///< per flow: both ends known and different
    std::vector<std::size_t> from, to;  ///< per flow: actor indices (kNone when invalid)
    std::vector<char> balanced;         ///< per actor: neither a source nor a destination
    std::vector<std::size_t> actorRow;  ///< per actor: its balance row, kNone when merged into a grounded group
    std::vector<std::size_t> groupSize; ///< per actor: actors merged with it (1 = alone)
    std::vector<double> knownBalance;   ///< per actor: in − out − Δs − loss over known figures, as given
    std::size_t rows = 0;
    std::vector<double> r;              ///< per row: imbalance with the figures as given
    std::vector<double> rowIn;          ///< per row: tonnes received as entered (known flows)
    std::vector<Variable> vars;
    /// Per actor, the variables in its own balance (CSR): coefficient +1 in, −1 out/Δs/loss.
    std::vector<std::size_t> actorVarStart, actorVar;
    std::vector<double> actorVarCoef;
    /// Rank handling: a row is kept unless it is the last row of a component of
    /// rows that no variable ties to the ground (then it is the sum of the
    /// others up to its constant part). keptIndex[row] = position among kept rows.
    std::vector<std::size_t> keptIndex;
    std::size_t kept = 0;
    /// Per row: true when the row's component cannot close: its summed
    /// imbalance, which nothing uncertain can move, is off by more than the
    /// mass-balance tolerance max(1 % of what the component receives, 0.1 t)
    /// (spec "Mass balance"), so figures rounded to the kilogram are not "off".
    std::vector<char> cannotClose;
};

/// Builds the system. `isDestination` is per actor.
BalanceSystem buildBalanceSystem(const model::Project&, const std::vector<char>& isDestination);

/// The mass-balance tolerance of the analysis (mass_balance.h): max(1 % of in, 0.1 t).
constexpr double kBalanceRelative = 0.01;
constexpr double kBalanceAbsoluteT = 0.1;

}  // namespace traza::risk::reconciliation
