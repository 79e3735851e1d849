#include "unknown_flows.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace traza::risk::reconciliation {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

UnknownFlows solveUnknownFlows(const model::Project& p, const BalanceSystem& s, const std::vector<double>& xhat,
                               const std::function<double(const Combination&)>& variance, std::size_t maxSd) {
    const std::size_t m = p.flows.size();
    UnknownFlows out;
    out.value.assign(m, kNaN);
    out.sd.assign(m, kNaN);
    out.determined.assign(m, 0);

    // Nodes: 0 is the ground; balanced actors touched by an unknown flow get 1, 2, ...
    std::vector<std::size_t> nodeOf(s.actorCount, kNone), actorOf{kNone};
    std::vector<std::size_t> edgeFlow;
    std::vector<std::pair<std::size_t, std::size_t>> ends;  // (from node, to node)
    auto node = [&](std::size_t a) {
        if (!s.balanced[a]) return std::size_t{0};
        if (nodeOf[a] == kNone) {
            nodeOf[a] = actorOf.size();
            actorOf.push_back(a);
        }
        return nodeOf[a];
    };
    for (std::size_t f = 0; f < m; ++f) {
        if (!s.flowValid[f] || !p.flows[f].tonnesUnknown) continue;
        const std::size_t u = node(s.from[f]), v = node(s.to[f]);
        if (u == 0 && v == 0) continue;  // between two actors without a balance: nothing determines it
        edgeFlow.push_back(f);
        ends.emplace_back(u, v);
    }
    const std::size_t nodes = actorOf.size();
    if (edgeFlow.empty()) return out;
    std::vector<std::size_t> adjStart(nodes + 1, 0), adj;
    for (const auto& [u, v] : ends) ++adjStart[u + 1], ++adjStart[v + 1];
    for (std::size_t i = 0; i < nodes; ++i) adjStart[i + 1] += adjStart[i];
    adj.resize(adjStart[nodes]);
    {
        std::vector<std::size_t> next(adjStart.begin(), adjStart.end() - 1);
        for (std::size_t e = 0; e < ends.size(); ++e) adj[next[ends[e].first]++] = e, adj[next[ends[e].second]++] = e;
    }

    // Iterative depth-first search from the ground first: preorder, parent
    // edges and low links (bridges: low[child] > pre[parent]).
    std::vector<std::size_t> pre(nodes, kNone), low(nodes, 0), parentEdge(nodes, kNone), order, subtreeSize(nodes, 1);
    order.reserve(nodes);
    std::vector<std::pair<std::size_t, std::size_t>> stack;  // (node, next adjacency position)
    for (std::size_t root = 0; root < nodes; ++root) {
        if (pre[root] != kNone) continue;
        pre[root] = low[root] = order.size();
        order.push_back(root);
        stack.emplace_back(root, adjStart[root]);
        while (!stack.empty()) {
            auto& [v, pos] = stack.back();
            if (pos < adjStart[v + 1]) {
                const std::size_t e = adj[pos++];
                if (e == parentEdge[v]) continue;
                const std::size_t w = ends[e].first == v ? ends[e].second : ends[e].first;
                if (pre[w] == kNone) {
                    pre[w] = low[w] = order.size();
                    order.push_back(w);
                    parentEdge[w] = e;
                    stack.emplace_back(w, adjStart[w]);
                } else low[v] = std::min(low[v], pre[w]);
                continue;
            }
            const std::size_t done = v;
            stack.pop_back();
            if (!stack.empty()) {
                const std::size_t up = stack.back().first;
                low[up] = std::min(low[up], low[done]);
                subtreeSize[up] += subtreeSize[done];
            }
        }
    }

    // Each node's balance over the reconciled known figures, summed over subtrees.
    auto reconciledBalance = [&](std::size_t a) {
        double k = s.knownBalance[a];
        for (std::size_t q = s.actorVarStart[a]; q < s.actorVarStart[a + 1]; ++q) {
            const std::size_t j = s.actorVar[q];
            k += s.actorVarCoef[q] * (xhat[j] - s.vars[j].value);
        }
        return k;
    };
    std::vector<double> subtreeSum(nodes, 0);
    for (std::size_t i = 1; i < nodes; ++i) subtreeSum[i] = reconciledBalance(actorOf[i]);
    for (std::size_t k = order.size(); k-- > 0;) {
        const std::size_t v = order[k];
        if (parentEdge[v] == kNone) continue;
        const auto [a, b] = ends[parentEdge[v]];
        subtreeSum[a == v ? b : a] += subtreeSum[v];
    }
    std::size_t sdDone = 0;
    std::vector<double> g(s.vars.size(), 0.0);
    std::vector<std::size_t> touched;
    for (std::size_t c = 0; c < nodes; ++c) {
        const std::size_t e = parentEdge[c];
        if (e == kNone) continue;
        const std::size_t parent = ends[e].first == c ? ends[e].second : ends[e].first;
        if (!(low[c] > pre[parent])) continue;  // on a cycle of unknown flows
        const std::size_t f = edgeFlow[e];
        // The subtree of c balances to this flow alone: into c, k + u = 0; out of c, k − u = 0.
        const double sign = ends[e].second == c ? -1.0 : 1.0;
        out.value[f] = sign * subtreeSum[c];
        out.determined[f] = 1;
        if (sdDone >= maxSd) continue;
        ++sdDone;
        touched.clear();
        for (std::size_t k = pre[c]; k < pre[c] + subtreeSize[c]; ++k) {
            const std::size_t a = actorOf[order[k]];
            for (std::size_t q = s.actorVarStart[a]; q < s.actorVarStart[a + 1]; ++q) {
                const std::size_t j = s.actorVar[q];
                if (g[j] == 0) touched.push_back(j);
                g[j] += sign * s.actorVarCoef[q];
            }
        }
        Combination combination;
        for (std::size_t j : touched) {
            if (g[j] != 0) combination.emplace_back(j, g[j]);
            g[j] = 0;
        }
        out.sd[f] = combination.empty() ? 0.0 : std::sqrt(std::max(0.0, variance(combination)));
    }
    return out;
}

}  // namespace traza::risk::reconciliation
