#pragma once
// Proportional mixing (spec "Analysis"): what an actor sends is a proportional
// mix of what it received, so a quantity x attached to material satisfies, for
// every actor v that is not fixed,
//
//     x(v) = b(v) + Σ_{e=(u,v)} f_e · t_e · x(u) / in(v)
//
// where t_e are the edge tonnes, f_e ∈ [0,1] an optional per-edge factor (the
// documented fraction for traceability; 1 by default) and b(v) an optional
// amount added at v (0 by default). Fixed actors keep a given value; actors
// with no inflow get x = b. With cycles this is a linear system: it is solved
// exactly component by component, in topological order of the strongly
// connected components (state reduction, state_reduction.h, inside a small
// cycle; Gauss–Seidel to 1e-14 inside a large one), so the cost is O(V + E)
// outside cycles.
//
// Material that circulates in a closed cycle fed by nothing outside it has no
// origin; the system is singular there and the solver returns the minimal
// solution, x = 0 (documented in docs/methodology.md).
#include <span>
#include <vector>

#include "chain_graph.h"

namespace traza::risk {

/// A problem's arrays, borrowed (several problems may share one array).
struct MixingInputs {
    std::span<const char> fixed;          ///< per vertex; empty: nothing fixed
    std::span<const double> fixedValue;   ///< per vertex, read where fixed
    std::span<const double> injection;    ///< b(v) per vertex; empty: 0
    std::span<const double> edgeFactor;   ///< f_e per dense edge index; empty: 1
};

struct MixingProblem {
    std::vector<char> fixed;          ///< per vertex; empty: nothing fixed
    std::vector<double> fixedValue;   ///< per vertex, read where fixed
    std::vector<double> injection;    ///< b(v) per vertex; empty: 0
    std::vector<double> edgeFactor;   ///< f_e per dense edge index; empty: 1

    MixingInputs inputs() const { return {fixed, fixedValue, injection, edgeFactor}; }
};

struct MixingResult {
    std::vector<double> value;  ///< x(v) per vertex
    bool exact = true;          ///< false if an iterative solve hit its sweep limit
};

class MixingSolver {
public:
    /// Components with more unknowns than this are solved iteratively.
    static constexpr std::size_t kDenseLimit = 200;

    explicit MixingSolver(const ChainGraph& graph) : m_graph(graph) {}
    MixingResult solve(const MixingProblem&) const;
    /// Several problems on the same graph in one pass over the condensation;
    /// each result is exactly what solve() gives for that problem alone.
    std::vector<MixingResult> solveMany(std::span<const MixingInputs>) const;
    /// One cyclic component alone, as solve() solves it in its pass: reads the
    /// values of the actors feeding it from `result` and writes its members'.
    /// `scratch` is kept between calls (empty, or as the last call left it).
    void solveComponent(const Component& comp, const MixingInputs& p, MixingResult& result,
                        std::vector<long>& scratch) const {
        solveCycle(comp, p, result, scratch);
    }

private:
    void solveCycle(const Component&, const MixingInputs&, MixingResult&, std::vector<long>& local) const;

    const ChainGraph& m_graph;
};

}  // namespace traza::risk
