#pragma once
// Weighted least-squares reconciliation of the mass balances (spec "Analysis
// output: additions of the second wave", `reconciliation`; docs/methodology.md,
// "Reconciliation"). Every balanced actor (neither a source nor a destination)
// must close: in − out − stock_change − loss = 0. Figures with a standard
// deviation move as little as their uncertainty allows (smallest
// Σ ((x̂ − x)/sd)²), exact figures stay, unknown flows are computed where the
// balances determine them. Pure data and a pure function: no I/O.
#include <cstddef>
#include <string>
#include <vector>

#include "json_stream_writer.h"
#include "project.h"

namespace traza::risk {

enum class FigureKind { Flow, StockChange, Loss };

enum class FigureStatus {
    Adjusted,       ///< uncertain and checked by some balance: reconciled and tested
    NotRedundant,   ///< uncertain but no balance checks it: left as given, its error undetectable
    Computed,       ///< unknown, determined by the balances
    NotDetermined,  ///< unknown, and the balances do not determine it
};

/// One uncertain or unknown figure. Numbers that do not apply are NaN.
struct ReconciledFigure {
    std::string id;           ///< the flow's id, or the actor's for stock change and loss
    FigureKind kind = FigureKind::Flow;
    std::size_t index = 0;    ///< into Project::flows (Flow) or Project::actors
    double givenT = 0;        ///< as entered (NaN for an unknown flow)
    double givenSdT = 0;      ///< as entered (0 for an unknown flow)
    double reconciledT = 0;   ///< x̂ (NaN when not determined)
    double sdT = 0;           ///< standard deviation of x̂ (NaN when not computed)
    double z = 0;             ///< measurement test (x̂ − x)/√W_jj (NaN when not tested)
    double redundancy = 0;    ///< W_jj / V_jj in [0, 1]: the share of its variance a balance checks
    FigureStatus status = FigureStatus::Adjusted;
    bool implausible = false; ///< |z| beyond the corrected critical value
};

/// The balance of one actor. Actors joined by unknown flows are balanced as a group:
/// their own nodal test is NaN and `group` is the group's size.
struct ActorBalanceTest {
    std::string id;
    std::size_t actor = 0;    ///< into Project::actors
    double imbalanceT = 0;    ///< in − out − stock_change − loss with the figures as given (group's for a group)
    double nodalZ = 0;        ///< r_i / √S_ii; NaN when the actor has no uncertain figure or is in a group
    std::size_t group = 1;    ///< actors balanced together (1 = on its own)
    bool implausible = false; ///< |nodal z| beyond the corrected critical value
    bool cannotClose = false; ///< off, and no uncertain figure can close it
};

struct Reconciliation {
    std::string status = "ok";  ///< "ok" | "inconsistent" | "not_redundant" (spec)
    double alpha = 0.05;        ///< significance of every test
    double chi2 = 0;
    long dof = 0;               ///< rank of the balance rows over the uncertain figures
    double pValue = 1;          ///< NaN when dof = 0
    double chi2Critical = 0;    ///< 1 − alpha quantile of χ²(dof); NaN when dof = 0
    /// Šidák correction: the critical |z| for n simultaneous tests at level alpha
    /// is the 1 − β/2 normal quantile with β = 1 − (1 − alpha)^(1/n).
    std::size_t flowTests = 0;
    double flowZCritical = 0;
    std::size_t nodalTests = 0;
    double nodalZCritical = 0;
    std::vector<ReconciledFigure> figures;  ///< flows in project order, then actors' stock change and loss
    std::vector<ActorBalanceTest> actors;   ///< balanced actors, in project order

    const ReconciledFigure* flow(std::size_t flowIndex) const;
    /// True when some figure carries an uncertainty or is unknown.
    static bool applies(const model::Project&);
};

struct ReconcileOptions {
    double alpha = 0.05;
    /// Unknown flows whose standard deviation is worked out (one sparse solve
    /// each); beyond this many their sd is NaN (not computed), not wrong.
    std::size_t maxUnknownSd = 5000;
};

/// Reconciles `project`'s balances. `isDestination` is per actor (the analysis's
/// destination set). Never throws on odd chains; flows that cannot be analysed
/// (unknown actor, from == to) are left out, as in the analysis.
Reconciliation reconcile(const model::Project& project, const std::vector<char>& isDestination,
                         const ReconcileOptions& = {});

/// A copy of `project` whose figures are the reconciled ones: uncertain flows,
/// stock changes and losses take x̂, computed unknown flows their value; a flow
/// whose value is not determined stays unknown (the analysis leaves it out).
model::Project reconciledProject(const model::Project& project, const Reconciliation&);

/// The `reconciliation` object of the analysis JSON (spec), as its value (the
/// caller has written the key).
void writeReconciliationJson(model::JsonStreamWriter&, const Reconciliation&);

}  // namespace traza::risk
