#include "cycle_factor.h"

#include <algorithm>
#include <cmath>

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

namespace traza::risk {

struct CycleFactor::Sparse {
    Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
};

CycleFactor::CycleFactor(const ChainGraph& g, const Component& comp, int stage, std::span<const double> factor,
                         std::vector<long>& position) {
    auto w = [&](std::size_t e) { return factor[g.edge(e).index] * g.edge(e).tonnes; };
    // The unfixed members, then the live ones among them (as the forward solver).
    std::vector<Vertex> members;
    for (Vertex v : comp.members) {
        position[v] = -1;
        if (g.stage(v) > stage) {
            position[v] = static_cast<long>(members.size());
            members.push_back(v);
        }
    }
    const std::size_t m = members.size();
    std::vector<char> live(m, 0);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t e : g.inEdges(members[i])) {
            const Vertex u = g.source(e);
            const bool inside = g.componentOf(u) == g.componentOf(members[i]) && position[u] >= 0;
            if (!inside || w(e) < g.edge(e).tonnes) live[i] = 1;
        }
        if (live[i]) stack.push_back(i);
    }
    while (!stack.empty()) {
        const Vertex u = members[stack.back()];
        stack.pop_back();
        for (std::size_t e : g.outEdges(u)) {
            const Vertex v = g.target(e);
            if (g.componentOf(v) != g.componentOf(u) || position[v] < 0) continue;
            const auto j = static_cast<std::size_t>(position[v]);
            if (!live[j] && w(e) > 0) {
                live[j] = 1;
                stack.push_back(j);
            }
        }
    }
    for (std::size_t i = 0; i < m; ++i) {
        position[members[i]] = live[i] ? static_cast<long>(m_unknowns.size()) : -1;
        if (live[i]) m_unknowns.push_back(members[i]);
    }
    const std::size_t k = m_unknowns.size();
    if (k == 0) return;

    if (k <= kDenseLimit) {
        // Row-major A, then LU with partial pivoting in place (the same
        // elimination order as before this class existed, so the same rounding).
        m_lu.assign(k * k, 0.0);
        m_perm.resize(k);
        auto at = [&](std::size_t i, std::size_t j) -> double& { return m_lu[i * k + j]; };
        for (std::size_t i = 0; i < k; ++i) {
            const Vertex v = m_unknowns[i];
            at(i, i) = g.inT(v);
            for (std::size_t e : g.inEdges(v)) {
                const Vertex u = g.source(e);
                if (g.componentOf(u) == g.componentOf(v) && position[u] >= 0)
                    at(i, static_cast<std::size_t>(position[u])) -= w(e);
            }
        }
        for (std::size_t i = 0; i < k; ++i) m_perm[i] = i;
        for (std::size_t c = 0; c < k; ++c) {
            std::size_t p = c;
            for (std::size_t i = c + 1; i < k; ++i)
                if (std::fabs(at(i, c)) > std::fabs(at(p, c))) p = i;
            if (at(p, c) == 0) {
                m_usable = false;
                return;
            }
            if (p != c) {
                for (std::size_t j = 0; j < k; ++j) std::swap(at(p, j), at(c, j));
                std::swap(m_perm[p], m_perm[c]);
            }
            for (std::size_t i = c + 1; i < k; ++i) {
                const double f = at(i, c) /= at(c, c);
                if (f != 0)
                    for (std::size_t j = c + 1; j < k; ++j) at(i, j) -= f * at(c, j);
            }
        }
        return;
    }
    std::vector<Eigen::Triplet<double>> entries;
    for (std::size_t i = 0; i < k; ++i) {
        const Vertex v = m_unknowns[i];
        entries.emplace_back(static_cast<int>(i), static_cast<int>(i), g.inT(v));
        for (std::size_t e : g.inEdges(v)) {
            const Vertex u = g.source(e);
            if (g.componentOf(u) == g.componentOf(v) && position[u] >= 0)
                entries.emplace_back(static_cast<int>(i), static_cast<int>(position[u]), -w(e));  // duplicates add up
        }
    }
    Eigen::SparseMatrix<double> a(static_cast<int>(k), static_cast<int>(k));
    a.setFromTriplets(entries.begin(), entries.end());
    m_sparse = std::make_unique<Sparse>();
    m_sparse->lu.compute(a);
    m_usable = m_sparse->lu.info() == Eigen::Success;
}

CycleFactor::~CycleFactor() = default;

void CycleFactor::solve(std::span<double> b) const {
    const std::size_t k = size();
    if (m_sparse) {
        Eigen::Map<Eigen::VectorXd> v(b.data(), static_cast<Eigen::Index>(k));
        const Eigen::VectorXd z = m_sparse->lu.solve(v);
        v = z;
        return;
    }
    std::vector<double> z(k);
    for (std::size_t i = 0; i < k; ++i) {  // L z = P b
        double s = b[m_perm[i]];
        for (std::size_t j = 0; j < i; ++j) s -= m_lu[i * k + j] * z[j];
        z[i] = s;
    }
    for (std::size_t i = k; i-- > 0;) {  // U x = z
        double s = z[i];
        for (std::size_t j = i + 1; j < k; ++j) s -= m_lu[i * k + j] * z[j];
        z[i] = s / m_lu[i * k + i];
    }
    std::copy(z.begin(), z.end(), b.begin());
}

void CycleFactor::solveTransposed(std::span<double> b) const {
    const std::size_t k = size();
    if (m_sparse) {
        Eigen::Map<Eigen::VectorXd> v(b.data(), static_cast<Eigen::Index>(k));
        const Eigen::VectorXd z = m_sparse->lu.transpose().solve(v);
        v = z;
        return;
    }
    std::vector<double> w(b.begin(), b.end());
    for (std::size_t i = 0; i < k; ++i) {  // Uᵀ w = b
        for (std::size_t j = 0; j < i; ++j) w[i] -= m_lu[j * k + i] * w[j];
        w[i] /= m_lu[i * k + i];
    }
    for (std::size_t i = k; i-- > 0;)  // Lᵀ v = w
        for (std::size_t j = i + 1; j < k; ++j) w[i] -= m_lu[j * k + i] * w[j];
    for (std::size_t i = 0; i < k; ++i) b[m_perm[i]] = w[i];
}

}  // namespace traza::risk
