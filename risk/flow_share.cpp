#include "flow_share.h"

#include <algorithm>
#include <cmath>

#include "state_reduction.h"

namespace traza::risk {
namespace {

constexpr std::size_t kDenseLimit = 400;

struct Term {
    std::size_t to;  // local index of the receiving member
    double coef;     // t_e / in(w)
};

// Sweeps of Gauss–Seidel on a cycle with `work` terms (members + edges), so
// that a hostile, nearly closed cycle (which would need millions of sweeps)
// costs at most about `budget` term updates: analysis never hangs.
long sweepLimit(std::size_t work, double budget) {
    return std::clamp(static_cast<long>(budget / static_cast<double>(std::max<std::size_t>(work, 1))), 100L, 200000L);
}

// Gauss–Seidel for z = rhs + B z on one cycle; returns whether it settled.
bool iterate(const std::vector<std::vector<Term>>& rows, const std::vector<double>& rhs, std::vector<double>& z,
             long maxSweeps) {
    for (long sweep = 0; sweep < maxSweeps; ++sweep) {
        double change = 0, scale = 1;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            double v = rhs[i];
            for (const Term& t : rows[i]) v += t.coef * z[t.to];
            change = std::max(change, std::fabs(v - z[i]));
            scale = std::max(scale, std::fabs(v));
            z[i] = v;
        }
        if (change <= 1e-14 * scale) return true;
    }
    return false;
}

}  // namespace

FlowShares computeFlowShares(const ChainGraph& chain, const DestinationSet& dest) {
    const std::size_t n = chain.vertexCount();
    FlowShares out;
    out.share.assign(n, 0.0);
    const double total = dest.totalT;
    if (total <= 0) return out;

    std::vector<double> y(n, 0.0);
    // h(u): straight into D plus what leaves u's component, per unit at u.
    auto outsideValue = [&](Vertex u, std::size_t comp) {
        double h = 0;
        for (std::size_t e : chain.outEdges(u)) {
            const Vertex w = chain.target(e);
            const double t = chain.edge(e).tonnes;
            if (dest.contains[w]) h += t;
            if (chain.componentOf(w) != comp) h += t * y[w] / chain.inT(w);
        }
        return h;
    };

    std::vector<long> local(n, -1);
    const auto& comps = chain.components();
    for (std::size_t ci = comps.size(); ci-- > 0;) {
        const Component& c = comps[ci];
        if (!c.cyclic) {
            const Vertex v = c.members.front();
            y[v] = outsideValue(v, ci);
            out.share[v] = y[v] / total;
            continue;
        }
        const std::size_t m = c.members.size();
        for (std::size_t i = 0; i < m; ++i) local[c.members[i]] = static_cast<long>(i);
        std::vector<double> h(m);
        std::vector<std::vector<Term>> rows(m);
        bool fedFromOutside = false;
        for (std::size_t i = 0; i < m; ++i) {
            const Vertex u = c.members[i];
            h[i] = outsideValue(u, ci);
            for (std::size_t e : chain.outEdges(u)) {
                const Vertex w = chain.target(e);
                if (local[w] >= 0) rows[i].push_back({static_cast<std::size_t>(local[w]), chain.edge(e).tonnes / chain.inT(w)});
            }
            for (std::size_t e : chain.inEdges(u))
                if (local[chain.source(e)] < 0) fedFromOutside = true;
        }

        std::vector<double> yc(m, 0.0), absorbed(m, 0.0);
        if (!fedFromOutside) {
            // A closed cycle: marking any member marks all of it (no other
            // material ever enters), so every member gets the whole cycle's output.
            double sum = 0;
            for (double v : h) sum += v;
            std::fill(yc.begin(), yc.end(), sum);
            absorbed = yc;
        } else if (m <= kDenseLimit) {
            // State reduction in tonnes: stable even when the cycle returns all
            // but 1e-16 of what passes (docs/security.md), where I − B is singular.
            CycleSystem sys(m);
            for (std::size_t i = 0; i < m; ++i) {
                const Vertex w = c.members[i];
                for (std::size_t e : chain.inEdges(w)) {
                    const long u = local[chain.source(e)];
                    if (u >= 0) sys.weight(i, static_cast<std::size_t>(u)) += chain.edge(e).tonnes;
                    else sys.leak(i) += chain.edge(e).tonnes;
                }
            }
            CycleSystem::Adjoint adj = sys.solveAdjoint(h);
            yc = std::move(adj.value);
            absorbed = std::move(adj.absorbed);
        } else {
            std::size_t work = m;
            for (const auto& r : rows) work += r.size();
            out.exact = iterate(rows, h, yc, sweepLimit(work, 1e8)) && out.exact;
            const long columnSweeps = sweepLimit(work * m, 1e8);
            // G_aa: weight of all walks from a back to a, one column at a time.
            std::vector<double> unit(m, 0.0), col(m);
            for (std::size_t a = 0; a < m; ++a) {
                unit[a] = 1.0;
                std::fill(col.begin(), col.end(), 0.0);
                out.exact = iterate(rows, unit, col, columnSweeps) && out.exact;
                absorbed[a] = yc[a] / std::max(col[a], 1.0);  // G_aa >= 1 (the empty walk)
                unit[a] = 0.0;
            }
        }
        for (std::size_t i = 0; i < m; ++i) {
            const Vertex v = c.members[i];
            y[v] = yc[i];
            out.share[v] = absorbed[i] / total;
            local[v] = -1;
        }
    }
    for (Vertex d : dest.vertices) out.share[d] = chain.inT(d) / total;
    for (double& s : out.share) {
        if (std::isnan(s)) {  // only past the double range (an overflowing cycle); never seen
            s = 0;
            out.exact = false;
        }
        s = std::clamp(s, 0.0, 1.0);
    }
    return out;
}

}  // namespace traza::risk
