#include "documentation_gains.h"

#include <algorithm>
#include <cmath>

#include "traceability.h"

namespace traza::risk {
namespace {

// Dense LU with partial pivoting of one cycle's matrix A (in tonnes:
// A[i][i] = in(i), A[i][j] = −weight j→i), for its inverse and transpose solves.
class DenseLu {
public:
    explicit DenseLu(std::vector<double> a, std::size_t n) : m_n(n), m_a(std::move(a)), m_perm(n) {
        for (std::size_t i = 0; i < n; ++i) m_perm[i] = i;
        for (std::size_t k = 0; k < n; ++k) {
            std::size_t p = k;
            for (std::size_t i = k + 1; i < n; ++i)
                if (std::fabs(at(i, k)) > std::fabs(at(p, k))) p = i;
            if (at(p, k) == 0) {
                m_singular = true;
                return;
            }
            if (p != k) {
                for (std::size_t j = 0; j < n; ++j) std::swap(at(p, j), at(k, j));
                std::swap(m_perm[p], m_perm[k]);
            }
            for (std::size_t i = k + 1; i < n; ++i) {
                const double f = at(i, k) /= at(k, k);
                if (f != 0)
                    for (std::size_t j = k + 1; j < n; ++j) at(i, j) -= f * at(k, j);
            }
        }
    }
    bool singular() const { return m_singular; }
    /// Solves A z = b.
    std::vector<double> solve(const std::vector<double>& b) const {
        std::vector<double> z(m_n);
        for (std::size_t i = 0; i < m_n; ++i) {
            double s = b[m_perm[i]];
            for (std::size_t j = 0; j < i; ++j) s -= at(i, j) * z[j];
            z[i] = s;
        }
        for (std::size_t i = m_n; i-- > 0;) {
            double s = z[i];
            for (std::size_t j = i + 1; j < m_n; ++j) s -= at(i, j) * z[j];
            z[i] = s / at(i, i);
        }
        return z;
    }
    /// Solves Aᵀ z = b.
    std::vector<double> solveTransposed(const std::vector<double>& b) const {
        std::vector<double> w(b);
        for (std::size_t i = 0; i < m_n; ++i) {  // Uᵀ w = b
            for (std::size_t j = 0; j < i; ++j) w[i] -= at(j, i) * w[j];
            w[i] /= at(i, i);
        }
        for (std::size_t i = m_n; i-- > 0;)  // Lᵀ v = w
            for (std::size_t j = i + 1; j < m_n; ++j) w[i] -= at(j, i) * w[j];
        std::vector<double> z(m_n);
        for (std::size_t i = 0; i < m_n; ++i) z[m_perm[i]] = w[i];
        return z;
    }

private:
    double& at(std::size_t i, std::size_t j) { return m_a[i * m_n + j]; }
    double at(std::size_t i, std::size_t j) const { return m_a[i * m_n + j]; }
    std::size_t m_n;
    std::vector<double> m_a;
    std::vector<std::size_t> m_perm;
    bool m_singular = false;
};

}  // namespace

DocumentationGains::DocumentationGains(const ChainGraph& chain, const DestinationSet& dest, const MixingSolver& solver)
    : m_chain(chain), m_dest(dest), m_solver(solver), m_edgeOfFlow(chain.project().flows.size(), -1) {
    for (std::size_t e = 0; e < chain.edgeCount(); ++e)
        for (std::size_t f : chain.flowsOf(e)) m_edgeOfFlow[f] = static_cast<long>(e);
}

std::vector<double> DocumentationGains::undocumented(model::Evidence level) const {
    const auto& flows = m_chain.project().flows;
    std::vector<double> out(flows.size(), 0.0);
    for (std::size_t i = 0; i < flows.size(); ++i) {
        if (m_edgeOfFlow[i] < 0) continue;
        const model::Flow& f = flows[i];  // as chain_graph.cpp counts it
        const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
        out[i] = f.tonnes - (f.evidence >= level ? documented : 0.0);
    }
    return out;
}

std::vector<double> DocumentationGains::edgeFactors(model::Evidence level) const {
    std::vector<double> f(m_chain.edgeCount());
    for (std::size_t e = 0; e < f.size(); ++e) f[e] = documentedFraction(m_chain.edge(e), level);
    return f;
}

double DocumentationGains::traced(std::span<const double> factor, int stage, bool& exact) const {
    const std::size_t n = m_chain.vertexCount();
    std::vector<char> fixed(n);
    for (Vertex v = 0; v < n; ++v) fixed[v] = m_chain.stage(v) <= stage;
    const std::vector<double> one(n, 1.0);
    MixingProblem p{fixed, one, {}, std::vector<double>(factor.begin(), factor.end())};
    const MixingResult x = m_solver.solve(p);
    exact = exact && x.exact;
    if (!(m_dest.totalT > 0)) return 0.0;
    double t = 0;
    for (Vertex d : m_dest.vertices)
        for (std::size_t e : m_chain.inEdges(d))
            t += factor[m_chain.edge(e).index] * m_chain.edge(e).tonnes * x.value[m_chain.source(e)];
    return t / m_dest.totalT;
}

GainResult DocumentationGains::compute(std::span<const double> factor, std::span<const double> toDocument,
                                       int stage) const {
    const ChainGraph& g = m_chain;
    const std::size_t n = g.vertexCount();
    const double T = m_dest.totalT;
    GainResult r;
    r.gain.assign(toDocument.size(), 0.0);
    std::vector<char> fixed(n);
    for (Vertex v = 0; v < n; ++v) fixed[v] = g.stage(v) <= stage;
    const std::vector<double> one(n, 1.0);
    MixingResult forward = m_solver.solve({fixed, one, {}, std::vector<double>(factor.begin(), factor.end())});
    const std::vector<double>& x = forward.value;
    r.exact = forward.exact;
    if (!(T > 0)) {
        r.x = std::move(forward.value);
        r.y.assign(n, 0.0);
        return r;
    }
    auto w = [&](std::size_t e) { return factor[g.edge(e).index] * g.edge(e).tonnes; };
    for (Vertex d : m_dest.vertices)
        for (std::size_t e : g.inEdges(d)) r.traced += w(e) * x[g.source(e)];
    r.traced /= T;

    // c(u): what a unit of x(u) adds to traced directly; y(u) = c̃(u) plus
    // what it adds through the actors it feeds.
    std::vector<double> y(n, 0.0);
    auto direct = [&](Vertex u) {  // c(u) + the part of y fed from later components
        double s = 0;
        for (std::size_t e : g.outEdges(u)) {
            const Vertex v = g.target(e);
            if (m_dest.contains[v]) s += w(e) / T;
            if (!fixed[v] && g.componentOf(v) != g.componentOf(u)) s += w(e) / g.inT(v) * y[v];
        }
        return s;
    };
    // Gain of every flow on edge e = (u, v), given G(u, v) (0 outside a cycle).
    auto gainsOf = [&](std::size_t e, double guv) {
        const Vertex u = g.source(e), v = g.target(e);
        if (x[u] == 0) return;
        for (std::size_t f : g.flowsOf(e)) {
            const double dw = toDocument[f];
            if (!(dw > 0)) continue;
            const double delta = dw / g.inT(v);
            const double term = (fixed[v] ? 0.0 : delta * y[v]) + (m_dest.contains[v] ? dw / T : 0.0);
            const double denom = 1 - delta * guv;
            if (denom > 1e-9) {
                r.gain[f] = term * x[u] / denom;
                continue;
            }
            // The change would nearly close a loop, or the cycle is too large for
            // G: solve again with it. At most kMaxResolves per pass (each is a
            // whole solve); beyond that the gain is Sherman–Morrison's numerator
            // alone, a lower bound, and the result is marked inexact.
            if (r.resolved >= kMaxResolves) {
                r.gain[f] = term * x[u];
                r.exact = false;
                continue;
            }
            std::vector<double> changed(factor.begin(), factor.end());
            changed[g.edge(e).index] = std::min(1.0, changed[g.edge(e).index] + dw / g.edge(e).tonnes);
            r.gain[f] = traced(changed, stage, r.exact) - r.traced;
            ++r.resolved;
        }
    };

    const auto& comps = g.components();
    std::vector<long> local(n, -1);
    for (std::size_t ci = comps.size(); ci-- > 0;) {
        const Component& comp = comps[ci];
        if (!comp.cyclic) {
            const Vertex u = comp.members.front();
            if (!fixed[u]) y[u] = direct(u);
            for (std::size_t e : g.outEdges(u)) gainsOf(e, 0.0);
            continue;
        }
        // The live unknowns of the cycle, as the forward solver finds them:
        // members fed from outside them, or by a partly undocumented flow,
        // and everything they reach; the rest carries nothing (x = 0).
        std::vector<Vertex> members;
        for (Vertex v : comp.members)
            if (!fixed[v]) {
                local[v] = static_cast<long>(members.size());
                members.push_back(v);
            }
        const std::size_t m = members.size();
        std::vector<char> live(m, 0);
        std::vector<std::size_t> stack;
        for (std::size_t i = 0; i < m; ++i) {
            for (std::size_t e : g.inEdges(members[i]))
                if (local[g.source(e)] < 0 || w(e) < g.edge(e).tonnes) live[i] = 1;
            if (live[i]) stack.push_back(i);
        }
        while (!stack.empty()) {
            const Vertex u = members[stack.back()];
            stack.pop_back();
            for (std::size_t e : g.outEdges(u)) {
                const long j = local[g.target(e)];
                if (j >= 0 && !live[j] && w(e) > 0) {
                    live[j] = 1;
                    stack.push_back(static_cast<std::size_t>(j));
                }
            }
        }
        std::vector<std::size_t> pos(m, 0);
        std::vector<Vertex> active;
        for (std::size_t i = 0; i < m; ++i)
            if (live[i]) {
                pos[i] = active.size();
                active.push_back(members[i]);
            }
        const std::size_t k = active.size();
        auto activeIndex = [&](Vertex v) -> long {
            const long i = local[v];
            return i >= 0 && live[i] ? static_cast<long>(pos[i]) : -1;
        };
        std::vector<double> rhs(k);
        for (std::size_t i = 0; i < k; ++i) rhs[i] = direct(active[i]);
        std::vector<double> inverse;  // A⁻¹, row-major, when dense
        if (k > 0 && k <= kDenseLimit) {
            std::vector<double> a(k * k, 0.0);
            for (std::size_t i = 0; i < k; ++i) {
                a[i * k + i] = g.inT(active[i]);
                for (std::size_t e : g.inEdges(active[i]))
                    if (const long j = activeIndex(g.source(e)); j >= 0) a[i * k + j] -= w(e);
            }
            const DenseLu lu(std::move(a), k);
            if (!lu.singular()) {
                // y = diag(in)·A⁻ᵀ·c̃, since G = A⁻¹·diag(in).
                const std::vector<double> z = lu.solveTransposed(rhs);
                for (std::size_t i = 0; i < k; ++i) y[active[i]] = g.inT(active[i]) * z[i];
                inverse.assign(k * k, 0.0);
                std::vector<double> unit(k, 0.0);
                for (std::size_t j = 0; j < k; ++j) {
                    unit[j] = 1;
                    const std::vector<double> col = lu.solve(unit);
                    unit[j] = 0;
                    for (std::size_t i = 0; i < k; ++i) inverse[i * k + j] = col[i];
                }
            }
        }
        if (k > 0 && inverse.empty()) {
            // Large cycle: Gauss–Seidel on the transposed system (I − M)ᵀ y = c̃.
            std::vector<double> yl(k, 0.0);
            bool converged = false;
            // As the forward solver: about 1e7 term updates at most, so a
            // hostile, nearly closed cycle never hangs the analysis.
            std::size_t work = k;
            for (Vertex v : active) work += g.outDegree(v);
            const long maxSweeps = std::clamp(static_cast<long>(1e7 / static_cast<double>(work)), 100L, 100000L);
            for (long sweep = 0; sweep < maxSweeps && !converged; ++sweep) {
                double change = 0, scale = 1;
                for (std::size_t i = 0; i < k; ++i) {
                    double s = rhs[i];
                    for (std::size_t e : g.outEdges(active[i]))
                        if (const long j = activeIndex(g.target(e)); j >= 0) s += w(e) / g.inT(g.target(e)) * yl[j];
                    change = std::max(change, std::fabs(s - yl[i]));
                    scale = std::max(scale, std::fabs(s));
                    yl[i] = s;
                }
                converged = change <= 1e-14 * scale;
            }
            r.exact = r.exact && converged;
            for (std::size_t i = 0; i < k; ++i) y[active[i]] = yl[i];
        }
        for (Vertex u : comp.members)
            for (std::size_t e : g.outEdges(u)) {
                const Vertex v = g.target(e);
                const long iu = activeIndex(u), iv = activeIndex(v);
                if (iu < 0 || iv < 0) {
                    gainsOf(e, 0.0);  // leaves the cycle, starts at a fixed or empty member, or ends at a fixed one
                } else if (!inverse.empty()) {
                    gainsOf(e, inverse[static_cast<std::size_t>(iu) * k + static_cast<std::size_t>(iv)] * g.inT(v));
                } else {
                    gainsOf(e, 1e300);  // large cycle: re-solve (denominator taken as ≤ 0)
                }
            }
        for (Vertex v : comp.members) local[v] = -1;
    }
    r.x = std::move(forward.value);
    r.y = std::move(y);
    return r;
}

}  // namespace traza::risk
