#include "balance_system.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace traza::risk::reconciliation {
namespace {

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

bool finite(double x) { return std::isfinite(x); }

}  // namespace

BalanceSystem buildBalanceSystem(const model::Project& p, const std::vector<char>& isDestination) {
    BalanceSystem s;
    const std::size_t n = p.actors.size();
    const std::size_t m = p.flows.size();
    s.actorCount = n;
    std::unordered_map<std::string_view, std::size_t> byId;
    byId.reserve(n);
    for (std::size_t a = 0; a < n; ++a) byId.emplace(p.actors[a].id, a);
    s.flowValid.assign(m, 0);
    s.from.assign(m, kNone);
    s.to.assign(m, kNone);
    std::vector<char> hasIn(n, 0);
    for (std::size_t f = 0; f < m; ++f) {
        const model::Flow& flow = p.flows[f];
        auto u = byId.find(flow.from), v = byId.find(flow.to);
        if (u == byId.end() || v == byId.end() || u->second == v->second) continue;
        if (!flow.tonnesUnknown && (!finite(flow.tonnes) || flow.tonnes <= 0)) continue;  // as the analysis does
        s.flowValid[f] = 1;
        s.from[f] = u->second;
        s.to[f] = v->second;
        hasIn[v->second] = 1;
    }
    s.balanced.assign(n, 0);
    for (std::size_t a = 0; a < n; ++a) s.balanced[a] = hasIn[a] && !(a < isDestination.size() && isDestination[a]);

    // Groups: balanced actors joined by unknown flows; a group touching an
    // unbalanced actor through an unknown flow is grounded (it has no balance).
    UnionFind groups(n);
    for (std::size_t f = 0; f < m; ++f)
        if (s.flowValid[f] && p.flows[f].tonnesUnknown && s.balanced[s.from[f]] && s.balanced[s.to[f]])
            groups.join(s.from[f], s.to[f]);
    std::vector<char> grounded(n, 0);
    for (std::size_t f = 0; f < m; ++f)
        if (s.flowValid[f] && p.flows[f].tonnesUnknown && s.balanced[s.from[f]] != s.balanced[s.to[f]])
            grounded[groups.find(s.balanced[s.from[f]] ? s.from[f] : s.to[f])] = 1;
    std::vector<std::size_t> rowOfRoot(n, kNone), size(n, 0);
    s.actorRow.assign(n, kNone);
    for (std::size_t a = 0; a < n; ++a) {
        if (!s.balanced[a]) continue;
        const std::size_t root = groups.find(a);
        ++size[root];
        if (grounded[root]) continue;
        if (rowOfRoot[root] == kNone) rowOfRoot[root] = s.rows++;
        s.actorRow[a] = rowOfRoot[root];
    }
    s.groupSize.assign(n, 1);
    for (std::size_t a = 0; a < n; ++a)
        if (s.balanced[a]) s.groupSize[a] = size[groups.find(a)];

    // Known balance per actor, and the variables.
    s.knownBalance.assign(n, 0);
    std::vector<double> received(n, 0.0);
    auto term = [&](std::size_t a, double sign, double t) {
        s.knownBalance[a] += sign * t;
    };
    auto addVar = [&](FigureKind kind, std::size_t index, double value, double sd, std::size_t a1, double c1,
                      std::size_t a2, double c2) {
        Variable v;
        v.kind = kind;
        v.index = index;
        v.value = value;
        v.variance = sd * sd;
        const std::size_t r1 = a1 == kNone ? kNone : s.actorRow[a1], r2 = a2 == kNone ? kNone : s.actorRow[a2];
        int k = 0;
        if (r1 != kNone) v.row[k] = r1, v.coef[k++] = c1;
        if (r2 != kNone) {
            if (k == 1 && v.row[0] == r2) {  // both ends in one group: the flow cancels in its balance
                v.coef[0] += c2;
                if (v.coef[0] == 0) v.row[0] = kNone, k = 0;
            } else v.row[k] = r2, v.coef[k++] = c2;
        }
        if (k == 1 && v.row[0] == kNone) v.row[0] = v.row[1], v.coef[0] = v.coef[1], v.row[1] = kNone;
        s.vars.push_back(v);
    };
    for (std::size_t f = 0; f < m; ++f) {
        if (!s.flowValid[f] || p.flows[f].tonnesUnknown) continue;
        const model::Flow& flow = p.flows[f];
        const std::size_t u = s.from[f], v = s.to[f];
        if (s.balanced[u]) term(u, -1, flow.tonnes);
        if (s.balanced[v]) term(v, +1, flow.tonnes), received[v] += flow.tonnes;
        if (finite(flow.sdT) && flow.sdT > 0)
            addVar(FigureKind::Flow, f, flow.tonnes, flow.sdT, s.balanced[v] ? v : kNone, +1, s.balanced[u] ? u : kNone, -1);
    }
    for (std::size_t a = 0; a < n; ++a) {
        const model::Actor& actor = p.actors[a];
        const double dS = finite(actor.stockChangeT) ? actor.stockChangeT : 0;
        const double loss = finite(actor.lossT) ? actor.lossT : 0;
        if (s.balanced[a]) {
            term(a, -1, dS);
            term(a, -1, loss);
        }
        const std::size_t at = s.balanced[a] ? a : kNone;
        if (finite(actor.stockChangeSdT) && actor.stockChangeSdT > 0)
            addVar(FigureKind::StockChange, a, dS, actor.stockChangeSdT, at, -1, kNone, 0);
        if (finite(actor.lossSdT) && actor.lossSdT > 0) addVar(FigureKind::Loss, a, loss, actor.lossSdT, at, -1, kNone, 0);
    }

    // Each actor's own variables (CSR), for the unknown flows' values and sds.
    s.actorVarStart.assign(n + 1, 0);
    auto eachActorTerm = [&](auto visit) {
        for (std::size_t j = 0; j < s.vars.size(); ++j) {
            const Variable& v = s.vars[j];
            if (v.kind == FigureKind::Flow) {
                if (s.balanced[s.to[v.index]]) visit(s.to[v.index], j, +1.0);
                if (s.balanced[s.from[v.index]]) visit(s.from[v.index], j, -1.0);
            } else if (s.balanced[v.index]) visit(v.index, j, -1.0);
        }
    };
    eachActorTerm([&](std::size_t a, std::size_t, double) { ++s.actorVarStart[a + 1]; });
    for (std::size_t a = 0; a < n; ++a) s.actorVarStart[a + 1] += s.actorVarStart[a];
    s.actorVar.resize(s.actorVarStart[n]);
    s.actorVarCoef.resize(s.actorVarStart[n]);
    {
        std::vector<std::size_t> next(s.actorVarStart.begin(), s.actorVarStart.end() - 1);
        eachActorTerm([&](std::size_t a, std::size_t j, double c) {
            s.actorVar[next[a]] = j;
            s.actorVarCoef[next[a]++] = c;
        });
    }

    s.r.assign(s.rows, 0);
    s.rowIn.assign(s.rows, 0);
    for (std::size_t a = 0; a < n; ++a)
        if (s.actorRow[a] != kNone) {
            s.r[s.actorRow[a]] += s.knownBalance[a];
            s.rowIn[s.actorRow[a]] += received[a];
        }

    // Components of rows tied by variables; one not tied to the ground loses
    // its last row (rank = rows − such components), whose constraint then holds
    // only if the component's summed imbalance is zero.
    UnionFind rowsTied(s.rows);
    std::vector<char> anchored(s.rows, 0);
    for (const Variable& v : s.vars) {
        if (v.row[0] != kNone && v.row[1] != kNone) rowsTied.join(v.row[0], v.row[1]);
    }
    for (const Variable& v : s.vars)
        if (v.row[0] != kNone && v.row[1] == kNone) anchored[rowsTied.find(v.row[0])] = 1;
    std::vector<std::size_t> lastRow(s.rows, kNone);
    std::vector<double> sum(s.rows, 0), sumIn(s.rows, 0);
    for (std::size_t i = 0; i < s.rows; ++i) {
        const std::size_t c = rowsTied.find(i);
        lastRow[c] = i;
        sum[c] += s.r[i];
        sumIn[c] += s.rowIn[i];
    }
    s.keptIndex.assign(s.rows, kNone);
    s.cannotClose.assign(s.rows, 0);
    for (std::size_t i = 0; i < s.rows; ++i) {
        const std::size_t c = rowsTied.find(i);
        if (!anchored[c] && lastRow[c] == i) continue;
        s.keptIndex[i] = s.kept++;
    }
    for (std::size_t i = 0; i < s.rows; ++i) {
        const std::size_t c = rowsTied.find(i);
        if (!anchored[c] && std::fabs(sum[c]) > std::max(kBalanceRelative * sumIn[c], kBalanceAbsoluteT)) s.cannotClose[i] = 1;
    }
    return s;
}

}  // namespace traza::risk::reconciliation
