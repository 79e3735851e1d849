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
// (elsewhere G(u, v) = 0). Each cyclic component's matrix is factored once
// (cycle_factor.h: dense LU up to 200 live actors, sparse LU beyond), which
// gives its y by one transposed solve and G(u, v) for its inner flows from one
// column of the inverse per receiver. Cost: one forward and one backward pass,
// plus the factorisation of each cycle. A change that would nearly close a loop
// with no origin (1 − δ·G(u, v) ≤ 1e-9) is handled by re-solving the system
// with that one flow documented: still exact, just slower.
//
// The result keeps x, y, the factors and G, so the plan (documentation_plan.h)
// can update them after each step instead of starting again.
#include <array>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "chain_graph.h"
#include "cycle_factor.h"
#include "destinations.h"
#include "proportional_mixing.h"

namespace traza::risk {

struct GainResult {
    double traced = 0;          ///< traced[L][K] for the factors given (not clamped)
    std::vector<double> gain;   ///< per project flow (index into Project::flows); 0 if not in the graph
    std::size_t resolved = 0;   ///< gains found by re-solving (nearly closed loops), for tests and benchmarks
    bool exact = true;
    std::vector<double> x;      ///< the forward solution τ_K per vertex (1 where fixed)
    std::vector<double> y;      ///< the adjoint per vertex (0 where fixed or carrying nothing)
    /// Per component: its factorisation when it is cyclic (null otherwise).
    std::vector<std::unique_ptr<CycleFactor>> cycles;
    std::vector<long> position;  ///< per vertex: index among its cycle's unknowns, or −1 (CycleFactor)
    std::vector<double> g;       ///< per edge: G(u, v) for an edge between two unknowns of one cycle, else 0
};

class DocumentationGains {
public:
    /// Gains found by solving again, at most, per pass (nearly closed loops).
    static constexpr std::size_t kMaxResolves = 200;

    DocumentationGains(const ChainGraph&, const DestinationSet&, const MixingSolver&);

    /// The undocumented tonnes of each project flow at level L: what documenting it would add.
    std::vector<double> undocumented(model::Evidence level) const;
    /// The edge factors s_e(L) of the chain (per dense edge index).
    std::vector<double> edgeFactors(model::Evidence level) const;

    /// traced[K] and every flow's gain, for edge factors `factor` (s_e per
    /// edge) and the tonnes `toDocument` each project flow would add.
    GainResult compute(std::span<const double> factor, std::span<const double> toDocument, int stage) const;

    /// The gain of documenting `dw` more tonnes on a flow of edge e, from the
    /// state x, y, G of `r` (Sherman–Morrison); a change that would nearly close
    /// a loop is solved again (counted in r.resolved; beyond kMaxResolves the
    /// numerator alone, a lower bound, and r.exact is cleared).
    double flowGain(std::size_t e, double dw, std::span<const double> factor, int stage, GainResult& r) const;

    /// Factors cyclic component `ci` again for `factor` and recomputes, in `r`,
    /// its members' y from the y of the components after it, its position
    /// entries and the G of its inner edges that carry a flow with something
    /// left to document. False when its matrix is singular in floating point
    /// (its y then comes from Gauss–Seidel and its inner gains from re-solving).
    bool refactorCycle(std::size_t ci, std::span<const double> factor, std::span<const double> toDocument, int stage,
                       GainResult& r) const;

    /// What a unit of x(u) adds to traced directly, plus through the actors of
    /// later components it feeds (their y taken from `y`).
    double adjointSource(Vertex u, std::span<const double> factor, int stage, const std::vector<double>& y) const;

    /// traced[K] alone, for edge factors `factor`.
    double traced(std::span<const double> factor, int stage, bool& exact) const;

    /// The dense edge of each project flow (-1 when the flow is not in the graph).
    const std::vector<long>& edgeOfFlow() const { return m_edgeOfFlow; }
    const ChainGraph& chain() const { return m_chain; }
    const DestinationSet& destinations() const { return m_dest; }
    const MixingSolver& solver() const { return m_solver; }
    const model::Project& project() const { return m_chain.project(); }

private:
    const ChainGraph& m_chain;
    const DestinationSet& m_dest;
    const MixingSolver& m_solver;
    std::vector<long> m_edgeOfFlow;
    /// Each project flow's documented tonnes at every level, read from its
    /// records once, at the first undocumented(): a national year's 870 000
    /// records are then read once rather than once per level (issue #19).
    mutable std::once_flag m_documentedOnce;
    mutable std::vector<std::array<double, 5>> m_documented;
};

}  // namespace traza::risk
