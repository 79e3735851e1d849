#include "documentation_gains.h"

#include <algorithm>
#include <cmath>

#include "record_summary.h"
#include "traceability.h"

namespace traza::risk {
namespace {

// y of a cycle whose matrix is singular in floating point (a pivot exactly 0):
// Gauss–Seidel on the transposed system (I − M)ᵀ y = c̃, as the forward solver
// does for large cycles. True when it converged to 1e-14.
bool gaussSeidelAdjoint(const ChainGraph& g, const CycleFactor& f, const std::vector<double>& rhs,
                        std::span<const double> factor, const std::vector<long>& position, std::vector<double>& y) {
    const std::vector<Vertex>& unknowns = f.unknowns();
    const std::size_t k = unknowns.size();
    auto index = [&](Vertex from, Vertex v) -> long {
        return g.componentOf(v) == g.componentOf(from) ? position[v] : -1;
    };
    std::vector<double> yl(k, 0.0);
    bool converged = false;
    // As the forward solver: about 1e7 term updates at most, so a hostile,
    // nearly closed cycle never hangs the analysis.
    std::size_t work = k;
    for (Vertex v : unknowns) work += g.outDegree(v);
    const long maxSweeps = std::clamp(static_cast<long>(1e7 / static_cast<double>(work)), 100L, 100000L);
    for (long sweep = 0; sweep < maxSweeps && !converged; ++sweep) {
        double change = 0, scale = 1;
        for (std::size_t i = 0; i < k; ++i) {
            double s = rhs[i];
            for (std::size_t e : g.outEdges(unknowns[i]))
                if (const long j = index(unknowns[i], g.target(e)); j >= 0)
                    s += factor[g.edge(e).index] * g.edge(e).tonnes / g.inT(g.target(e)) * yl[static_cast<std::size_t>(j)];
            change = std::max(change, std::fabs(s - yl[i]));
            scale = std::max(scale, std::fabs(s));
            yl[i] = s;
        }
        converged = change <= 1e-14 * scale;
    }
    for (std::size_t i = 0; i < k; ++i) y[unknowns[i]] = yl[i];
    return converged;
}

}  // namespace

DocumentationGains::DocumentationGains(const ChainGraph& chain, const DestinationSet& dest, const MixingSolver& solver)
    : m_chain(chain), m_dest(dest), m_solver(solver), m_edgeOfFlow(chain.project().flows.size(), -1) {
    for (std::size_t e = 0; e < chain.edgeCount(); ++e)
        for (std::size_t f : chain.flowsOf(e)) m_edgeOfFlow[f] = static_cast<long>(e);
}

std::vector<double> DocumentationGains::undocumented(model::Evidence level) const {
    const auto& flows = m_chain.project().flows;
    std::call_once(m_documentedOnce, [&] {
        m_documented.assign(flows.size(), {});
        for (std::size_t i = 0; i < flows.size(); ++i)
            if (m_edgeOfFlow[i] >= 0) m_documented[i] = model::documentedAtEachLevel(flows[i]);  // as chain_graph.cpp
    });
    std::vector<double> out(flows.size(), 0.0);
    for (std::size_t i = 0; i < flows.size(); ++i)
        if (m_edgeOfFlow[i] >= 0) out[i] = flows[i].tonnes - m_documented[i][static_cast<std::size_t>(level)];
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

double DocumentationGains::adjointSource(Vertex u, std::span<const double> factor, int stage,
                                         const std::vector<double>& y) const {
    const ChainGraph& g = m_chain;
    double s = 0;
    for (std::size_t e : g.outEdges(u)) {
        const Vertex v = g.target(e);
        const double w = factor[g.edge(e).index] * g.edge(e).tonnes;
        if (m_dest.contains[v]) s += w / m_dest.totalT;
        if (g.stage(v) > stage && g.componentOf(v) != g.componentOf(u)) s += w / g.inT(v) * y[v];
    }
    return s;
}

double DocumentationGains::flowGain(std::size_t e, double dw, std::span<const double> factor, int stage,
                                    GainResult& r) const {
    const ChainGraph& g = m_chain;
    const Vertex u = g.source(e), v = g.target(e);
    if (r.x[u] == 0 || !(dw > 0)) return 0.0;
    const double delta = dw / g.inT(v);
    const double term =
        (g.stage(v) <= stage ? 0.0 : delta * r.y[v]) + (m_dest.contains[v] ? dw / m_dest.totalT : 0.0);
    const double denom = 1 - delta * r.g[e];
    if (denom > 1e-9) return term * r.x[u] / denom;
    // The change would nearly close a loop with no origin: solve again with
    // it. At most kMaxResolves per pass (each is a whole solve); beyond that
    // the gain is Sherman–Morrison's numerator alone, a lower bound, and the
    // result is marked inexact.
    if (r.resolved >= kMaxResolves) {
        r.exact = false;
        return term * r.x[u];
    }
    std::vector<double> changed(factor.begin(), factor.end());
    changed[g.edge(e).index] = std::min(1.0, changed[g.edge(e).index] + dw / g.edge(e).tonnes);
    ++r.resolved;
    return traced(changed, stage, r.exact) - r.traced;
}

bool DocumentationGains::refactorCycle(std::size_t ci, std::span<const double> factor,
                                       std::span<const double> toDocument, int stage, GainResult& r) const {
    const ChainGraph& g = m_chain;
    const Component& comp = g.components()[ci];
    auto f = std::make_unique<CycleFactor>(g, comp, stage, factor, r.position);
    for (Vertex v : comp.members) r.y[v] = 0;
    auto forInner = [&](auto&& fn) {  // the edges between two members
        for (Vertex v : comp.members)
            for (std::size_t e : g.inEdges(v))
                if (g.componentOf(g.source(e)) == ci) fn(e);
    };
    forInner([&](std::size_t e) { r.g[e] = 0; });
    const std::size_t k = f->size();
    const std::vector<Vertex>& unknowns = f->unknowns();
    std::vector<double> rhs(k);
    for (std::size_t i = 0; i < k; ++i) rhs[i] = adjointSource(unknowns[i], factor, stage, r.y);
    const bool usable = f->usable();
    if (k > 0 && usable) {
        // y = diag(in)·A⁻ᵀ·c̃, since G = A⁻¹·diag(in).
        f->solveTransposed(rhs);
        for (std::size_t i = 0; i < k; ++i) r.y[unknowns[i]] = g.inT(unknowns[i]) * rhs[i];
        auto needed = [&](std::size_t e) {
            for (std::size_t fl : g.flowsOf(e))
                if (toDocument[fl] > 0) return true;
            return false;
        };
        f->fillG(g, r.position, needed, r.g);
    } else if (k > 0) {
        r.exact = gaussSeidelAdjoint(g, *f, rhs, factor, r.position, r.y) && r.exact;
        forInner([&](std::size_t e) {
            if (r.position[g.source(e)] >= 0 && r.position[g.target(e)] >= 0) r.g[e] = 1e300;  // re-solve
        });
    }
    r.cycles[ci] = std::move(f);
    return usable;
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
    r.x = std::move(forward.value);
    r.exact = forward.exact;
    r.y.assign(n, 0.0);
    r.position.assign(n, -1);
    r.g.assign(g.edgeCount(), 0.0);
    r.cycles.resize(g.components().size());
    if (!(T > 0)) return r;
    auto w = [&](std::size_t e) { return factor[g.edge(e).index] * g.edge(e).tonnes; };
    for (Vertex d : m_dest.vertices)
        for (std::size_t e : g.inEdges(d)) r.traced += w(e) * r.x[g.source(e)];
    r.traced /= T;

    // y(u) = c(u) plus what u adds through the actors it feeds, component by
    // component in reverse topological order; then the gains of u's flows.
    const auto& comps = g.components();
    auto gainsOf = [&](Vertex u) {
        for (std::size_t e : g.outEdges(u))
            for (std::size_t f : g.flowsOf(e)) r.gain[f] = flowGain(e, toDocument[f], factor, stage, r);
    };
    for (std::size_t ci = comps.size(); ci-- > 0;) {
        const Component& comp = comps[ci];
        if (!comp.cyclic) {
            const Vertex u = comp.members.front();
            if (!fixed[u]) r.y[u] = adjointSource(u, factor, stage, r.y);
        } else {
            refactorCycle(ci, factor, toDocument, stage, r);
        }
        for (Vertex u : comp.members) gainsOf(u);
    }
    return r;
}

}  // namespace traza::risk
