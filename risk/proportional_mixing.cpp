#include "proportional_mixing.h"

#include <algorithm>
#include <cmath>

#include "state_reduction.h"

namespace traza::risk {
namespace {

// The equations of one cyclic component restricted to its unfixed members.
struct LocalSystem {
    std::vector<Vertex> unknowns;
    std::vector<double> rhs;  // b(v) + contributions from outside the unknowns
    struct Term {
        std::size_t from;  // local index of the sending unknown
        double coef;       // f_e t_e / in(v)
    };
    std::vector<std::vector<Term>> terms;  // per local row
};

}  // namespace

MixingResult MixingSolver::solve(const MixingProblem& problem) const {
    const MixingInputs p = problem.inputs();
    MixingResult result;
    std::vector<double>& x = result.value;
    x.assign(m_graph.vertexCount(), 0.0);
    std::vector<long> local;  // scratch: vertex -> local index in the current component
    for (const Component& comp : m_graph.components()) {
        if (comp.cyclic) {
            solveCycle(comp, p, result, local);
            continue;
        }
        const Vertex v = comp.members.front();
        if (!p.fixed.empty() && p.fixed[v]) {
            x[v] = p.fixedValue[v];
            continue;
        }
        double in = 0;
        const double inT = m_graph.inT(v);
        if (inT > 0)
            for (std::size_t e : m_graph.inEdges(v)) {
                const EdgeData& d = m_graph.edge(e);
                in += (p.edgeFactor.empty() ? d.tonnes : p.edgeFactor[d.index] * d.tonnes) * x[m_graph.source(e)];
            }
        x[v] = (p.injection.empty() ? 0.0 : p.injection[v]) + (inT > 0 ? in / inT : 0.0);
    }
    return result;
}

std::vector<MixingResult> MixingSolver::solveMany(std::span<const MixingInputs> problems) const {
    const std::size_t n = m_graph.vertexCount();
    std::vector<MixingResult> results(problems.size());
    for (MixingResult& r : results) r.value.assign(n, 0.0);

    std::vector<long> local;          // scratch: vertex -> local index in the current component
    std::vector<std::size_t> active;  // problems that compute the current vertex
    std::vector<double> in(problems.size());
    active.reserve(problems.size());
    for (const Component& comp : m_graph.components()) {
        if (comp.cyclic) {
            for (std::size_t j = 0; j < problems.size(); ++j) solveCycle(comp, problems[j], results[j], local);
            continue;
        }
        // One actor: x(v) = b(v) + Σ f·t·x(u) / in(v), as in solve(), every
        // problem in the same pass over v's in-edges (each sum in the same order).
        const Vertex v = comp.members.front();
        active.clear();
        for (std::size_t j = 0; j < problems.size(); ++j) {
            const MixingInputs& p = problems[j];
            if (!p.fixed.empty() && p.fixed[v]) {
                results[j].value[v] = p.fixedValue[v];
            } else {
                active.push_back(j);
                in[j] = 0;
            }
        }
        if (active.empty()) continue;
        const double inT = m_graph.inT(v);
        if (inT > 0)
            for (std::size_t e : m_graph.inEdges(v)) {
                const EdgeData& d = m_graph.edge(e);
                const Vertex u = m_graph.source(e);
                for (std::size_t j : active) {
                    const MixingInputs& p = problems[j];
                    const double w = p.edgeFactor.empty() ? d.tonnes : p.edgeFactor[d.index] * d.tonnes;
                    in[j] += w * results[j].value[u];
                }
            }
        for (std::size_t j : active) {
            const MixingInputs& p = problems[j];
            results[j].value[v] = (p.injection.empty() ? 0.0 : p.injection[v]) + (inT > 0 ? in[j] / inT : 0.0);
        }
    }
    return results;
}

// One cyclic component of one problem.
void MixingSolver::solveCycle(const Component& comp, const MixingInputs& p, MixingResult& result,
                              std::vector<long>& local) const {
    const std::size_t n = m_graph.vertexCount();
    std::vector<double>& x = result.value;
    auto isFixed = [&](Vertex v) { return !p.fixed.empty() && p.fixed[v]; };
    auto injection = [&](Vertex v) { return p.injection.empty() ? 0.0 : p.injection[v]; };
    auto weight = [&](std::size_t e) {
        const EdgeData& d = m_graph.edge(e);
        return p.edgeFactor.empty() ? d.tonnes : p.edgeFactor[d.index] * d.tonnes;
    };
    // A cycle: fixed members first, then the linear system of the rest.
    if (local.empty()) local.assign(n, -1);
    LocalSystem sys;
    for (Vertex v : comp.members) {
        if (isFixed(v)) {
            x[v] = p.fixedValue[v];
            continue;
        }
        local[v] = static_cast<long>(sys.unknowns.size());
        sys.unknowns.push_back(v);
    }
    const std::size_t m = sys.unknowns.size();
    sys.rhs.assign(m, 0.0);
    sys.terms.assign(m, {});
    std::vector<char> open(m, 0);
    for (std::size_t i = 0; i < m; ++i) {
        const Vertex v = sys.unknowns[i];
        const double inT = m_graph.inT(v);  // > 0: a member of a cycle has inflow
        sys.rhs[i] = injection(v);
        for (std::size_t e : m_graph.inEdges(v)) {
            const Vertex u = m_graph.source(e);
            const double c = weight(e) / inT;
            if (local[u] >= 0) {
                if (c > 0) sys.terms[i].push_back({static_cast<std::size_t>(local[u]), c});
                if (weight(e) < m_graph.edge(e).tonnes) open[i] = 1;  // part of it carries no unknown
            } else {
                sys.rhs[i] += c * x[u];
                open[i] = 1;  // receives from outside the unknowns
            }
        }
    }
    // Unknowns not reachable from an open one form closed loops with no
    // origin: they keep the minimal solution 0 and drop out.
    std::vector<std::vector<std::size_t>> succ(m);
    for (std::size_t i = 0; i < m; ++i)
        for (const auto& t : sys.terms[i]) succ[t.from].push_back(i);
    std::vector<char> live(open);
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < m; ++i)
        if (live[i]) stack.push_back(i);
    while (!stack.empty()) {
        std::size_t i = stack.back();
        stack.pop_back();
        for (std::size_t j : succ[i])
            if (!live[j]) {
                live[j] = 1;
                stack.push_back(j);
            }
    }

    if (m <= kDenseLimit) {
        // State reduction in tonnes on the live unknowns (dead ones stay 0):
        // in(v)·x(v) = in(v)·b(v) + Σ_outside f·t·x(u) + Σ_live f·t·x(u), where
        // the leak, the tonnes carrying no unknown, is summed rather than
        // taken as a difference, so a cycle fed by 1e-16 of what circulates
        // in it keeps its precision (docs/security.md).
        std::vector<std::size_t> pos(m, 0);
        std::size_t k = 0;
        for (std::size_t i = 0; i < m; ++i)
            if (live[i]) pos[i] = k++;
        CycleSystem cyc(k);
        std::vector<double> rhs(k, 0.0);
        for (std::size_t i = 0; i < m; ++i) {
            if (!live[i]) continue;
            const Vertex v = sys.unknowns[i];
            const std::size_t r = pos[i];
            rhs[r] = m_graph.inT(v) * injection(v);
            for (std::size_t e : m_graph.inEdges(v)) {
                const Vertex u = m_graph.source(e);
                const double t = m_graph.edge(e).tonnes, ft = weight(e);
                if (local[u] >= 0 && live[static_cast<std::size_t>(local[u])]) {
                    cyc.weight(r, pos[static_cast<std::size_t>(local[u])]) += ft;
                    cyc.leak(r) += t - ft;  // the undocumented part (exact when f is 0 or 1)
                } else {
                    cyc.leak(r) += t;
                    if (local[u] < 0) rhs[r] += ft * x[u];  // fixed or earlier: known value
                }
            }
        }
        const std::vector<double> xs = cyc.solveMixing(std::move(rhs));
        for (std::size_t i = 0; i < m; ++i)
            if (live[i]) x[sys.unknowns[i]] = xs[pos[i]];
    } else {
        // Gauss–Seidel converges (I − M is a nonsingular M-matrix on live unknowns).
        bool converged = false;
        // At most about 1e7 term updates per solve: a hostile, nearly
        // closed cycle would need millions of sweeps (analysis never hangs;
        // the result is then marked inexact).
        std::size_t work = m;
        for (const auto& row : sys.terms) work += row.size();
        const long maxSweeps = std::clamp(static_cast<long>(1e7 / static_cast<double>(work)), 1000L, 200000L);
        for (long sweep = 0; sweep < maxSweeps && !converged; ++sweep) {
            double change = 0, scale = 1;
            for (std::size_t i = 0; i < m; ++i) {
                if (!live[i]) continue;
                double v = sys.rhs[i];
                for (const auto& t : sys.terms[i]) v += t.coef * x[sys.unknowns[t.from]];
                double& xi = x[sys.unknowns[i]];
                change = std::max(change, std::fabs(v - xi));
                scale = std::max(scale, std::fabs(v));
                xi = v;
            }
            converged = change <= 1e-14 * scale;
        }
        if (!converged) result.exact = false;
    }
    for (Vertex v : sys.unknowns) local[v] = -1;
}

}  // namespace traza::risk
