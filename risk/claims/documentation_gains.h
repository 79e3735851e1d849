#pragma once
// What documenting one flow would add to the traced share (spec
// `traceability.levels[L].next_flows`): the exact increase of traced[L][K]
// if that flow alone became documented at level L for all its tonnes.
//
// traced = cᵀx + c₀ is linear in the proportional-mixing solution x of
// (I − M)x = b (proportional_mixing.h). Documenting the tonnes Δw of a flow
// e = (u, v) raises one weight: it adds δ = Δw / in(v) to M[v][u] (or to b(v)
// when u is fixed at τ = 1) and Δw / T to c[u] when v is a destination. With
// the adjoint y = (I − M)⁻ᵀ c, found in one backward pass over the
// condensation, the Sherman–Morrison formula gives the exact change:
//
//     gain = (δ·y(v) + [v ∈ D]·Δw/T) · x(u) / (1 − δ·G(u, v)),
//
// where G = (I − M)⁻¹ is needed only when u and v lie in the same cycle
// (elsewhere G(u, v) = 0); it is formed for each cyclic component from a
// dense LU factorisation. Cost: one forward and one backward pass, plus
// O(m³) per cycle of m actors. A cycle of more than kDenseLimit actors, or a
// change that would close a loop with no origin, is handled by re-solving the
// system with that one flow documented: still exact, just slower.
#include <span>
#include <vector>

#include "chain_graph.h"
#include "destinations.h"
#include "proportional_mixing.h"

namespace traza::risk {

struct GainResult {
    double traced = 0;          ///< traced[L][K] for the factors given (not clamped)
    std::vector<double> gain;   ///< per project flow (index into Project::flows); 0 if not in the graph
    std::size_t resolved = 0;   ///< gains found by re-solving (large cycles), for tests and benchmarks
    bool exact = true;
    std::vector<double> x;      ///< the forward solution τ_K per vertex (1 where fixed)
    std::vector<double> y;      ///< the adjoint per vertex (0 where fixed or carrying nothing)
};

class DocumentationGains {
public:
    static constexpr std::size_t kDenseLimit = 200;
    /// Gains found by solving again, at most, per pass (large cycles).
    static constexpr std::size_t kMaxResolves = 200;

    DocumentationGains(const ChainGraph&, const DestinationSet&, const MixingSolver&);

    /// The undocumented tonnes of each project flow at level L: what documenting it would add.
    std::vector<double> undocumented(model::Evidence level) const;
    /// The edge factors s_e(L) of the chain (per dense edge index).
    std::vector<double> edgeFactors(model::Evidence level) const;

    /// traced[K] and every flow's gain, for edge factors `factor` (s_e per
    /// edge) and the tonnes `toDocument` each project flow would add.
    GainResult compute(std::span<const double> factor, std::span<const double> toDocument, int stage) const;

    /// traced[K] alone, for edge factors `factor`.
    double traced(std::span<const double> factor, int stage, bool& exact) const;

    /// The dense edge of each project flow (-1 when the flow is not in the graph).
    const std::vector<long>& edgeOfFlow() const { return m_edgeOfFlow; }
    const ChainGraph& chain() const { return m_chain; }
    const DestinationSet& destinations() const { return m_dest; }
    const model::Project& project() const { return m_chain.project(); }

private:
    const ChainGraph& m_chain;
    const DestinationSet& m_dest;
    const MixingSolver& m_solver;
    std::vector<long> m_edgeOfFlow;
};

}  // namespace traza::risk
