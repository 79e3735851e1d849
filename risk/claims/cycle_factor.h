#pragma once
// One cyclic component's linear system, factored once, for the gains and the
// plan (documentation_gains.h, documentation_plan.h).
//
// The unknowns are the component's live actors, found as the forward solver
// finds them (proportional_mixing.cpp): members that are not fixed and are fed
// from outside them or by a partly undocumented flow, and everything they reach
// through documented tonnes; the others carry nothing (x = 0, y = 0). In tonnes,
// A[i][i] = in(i) and A[i][j] = −w(j → i) for live members i ≠ j, so the mixing
// system is A x = in ⊙ b and the adjoint is y = in ⊙ A⁻ᵀ c.
//
// Up to kDenseLimit unknowns A is factored by dense LU with partial pivoting
// (O(m³)); beyond it by Eigen's SparseLU (a chain's cycle has a few flows per
// actor, so the factors stay sparse). Either way every later solve, forward or
// transposed, and every column of A⁻¹ costs one pair of triangular solves, and
// no size falls back to iterating to a tolerance.
#include <memory>
#include <span>
#include <vector>

#include "chain_graph.h"

namespace traza::risk {

class CycleFactor {
public:
    static constexpr std::size_t kDenseLimit = 200;

    /// Factors `comp` for edge factors `factor` (s_e per dense edge index),
    /// actors of stage ≤ `stage` fixed. `position` is per chain vertex; for
    /// comp's members it is set here to the index among the unknowns, or −1
    /// for a fixed or dead member.
    CycleFactor(const ChainGraph&, const Component& comp, int stage, std::span<const double> factor,
                std::vector<long>& position);
    ~CycleFactor();
    CycleFactor(const CycleFactor&) = delete;
    CycleFactor& operator=(const CycleFactor&) = delete;

    /// The live unknowns, in member order.
    const std::vector<Vertex>& unknowns() const { return m_unknowns; }
    std::size_t size() const { return m_unknowns.size(); }
    /// False when A is singular in floating point (a pivot is exactly 0): the
    /// solves below must not be used then.
    bool usable() const { return m_usable; }
    bool sparse() const { return m_sparse != nullptr; }

    /// b ← A⁻¹ b (b indexed like unknowns()).
    void solve(std::span<double> b) const;
    /// b ← A⁻ᵀ b.
    void solveTransposed(std::span<double> b) const;

    /// G(u, v) = (I − M)⁻¹(u, v) = A⁻¹(u, v) · in(v) for every edge u → v
    /// between two unknowns for which `needed(edge)` holds, written to
    /// g[edge]; one column of A⁻¹ per distinct receiver.
    template <class Needed>
    void fillG(const ChainGraph& g, const std::vector<long>& position, Needed needed, std::vector<double>& out) const {
        std::vector<double> column(size());
        for (std::size_t j = 0; j < size(); ++j) {
            const Vertex v = m_unknowns[j];
            bool any = false;
            for (std::size_t e : g.inEdges(v)) any = any || (position[g.source(e)] >= 0 && isMember(g, v, g.source(e)) && needed(e));
            if (!any) continue;
            std::fill(column.begin(), column.end(), 0.0);
            column[j] = 1;
            solve(column);
            for (std::size_t e : g.inEdges(v)) {
                const Vertex u = g.source(e);
                if (position[u] >= 0 && isMember(g, v, u))
                    out[e] = column[static_cast<std::size_t>(position[u])] * g.inT(v);
            }
        }
    }

private:
    static bool isMember(const ChainGraph& g, Vertex v, Vertex u) { return g.componentOf(u) == g.componentOf(v); }

    struct Sparse;
    std::vector<Vertex> m_unknowns;
    std::vector<double> m_lu;  // dense: L (unit, below) and U, row-major
    std::vector<std::size_t> m_perm;
    std::unique_ptr<Sparse> m_sparse;
    bool m_usable = true;
};

}  // namespace traza::risk
