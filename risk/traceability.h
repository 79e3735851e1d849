#pragma once
// Traceability by stage and evidence level (spec "Analysis"). For a level L,
// s_e(L) = documented_t / t_e if evidence(e) ≥ L, else 0 (parallel flows are
// summed level by level). For a stage k, τ_k(u) = 1 if stage(u) ≤ k; 0 for a
// source above k (its origin is unknown); else the mix Σ s_e τ_k(w) t_e / in(u).
// traced[L][k] = Σ_{d∈D} Σ_{e=(w,d)} s_e(L) τ_k(w) t_e / T, for every level
// self_declared..verified and every stage 1..(highest destination stage − 1).
// The horizon at L is the smallest k with traced ≥ θ.
#include <algorithm>

#include "analysis.h"
#include "chain_graph.h"
#include "destinations.h"
#include "proportional_mixing.h"

namespace traza::risk {

/// Highest destination stage − 1 (0 when there is no destination).
int lastTracedStage(const ChainGraph&, const DestinationSet&);

/// `exact` is cleared if an iterative solve inside a large cycle did not settle.
Traceability computeTraceability(const ChainGraph&, const DestinationSet&, const MixingSolver&, double theta,
                                 bool& exact);

/// s_e(L) of a (summed) edge: min(1, documented / tonnes), 0 without tonnes.
/// Inline, and without the division where its answer is known (nothing or
/// everything documented at L, as on most edges), the same bits: the
/// analysis asks for it per edge and level many times over.
inline double documentedFraction(const EdgeData& e, model::Evidence level) {
    if (!(e.tonnes > 0)) return 0.0;
    const double documented = e.documentedAtLeast[static_cast<int>(level)];
    if (documented == 0) return documented;      // ±0 / t keeps the sign
    if (documented == e.tonnes) return 1.0;      // t / t (and min(1, ∞ / ∞) is 1)
    return std::min(1.0, documented / e.tonnes);
}

}  // namespace traza::risk
