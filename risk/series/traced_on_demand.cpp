#include "traced_on_demand.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "traceability.h"

namespace traza::risk::series_detail {

namespace {

constexpr int kFirstLevel = static_cast<int>(model::Evidence::SelfDeclared);
constexpr int kLevels = static_cast<int>(model::Evidence::Verified) - kFirstLevel + 1;
constexpr std::uint32_t kUnseen = UINT32_MAX;
constexpr std::uint32_t kOne = UINT32_MAX - 1;  // stage ≤ 1: fixed at τ = 1 for every stage k ≥ 1
constexpr std::uint32_t kOpen = UINT32_MAX - 2;  // on the walk's stack

// documentedFraction(e, level) · t_e to the last bit, without the division
// where its answer is known: nothing documented at the level (0) or all of it
// (t_e itself), as on every edge of a month with one record per flow.
double documentedWeight(const EdgeData& e, int level) {
    const double documented = e.documentedAtLeast[static_cast<std::size_t>(level)];
    if (e.tonnes > 0 && std::isfinite(e.tonnes)) {
        if (documented == 0) return documented;  // ±0 / t · t keeps the sign
        if (documented == e.tonnes) return e.tonnes;
    }
    return documentedFraction(e, static_cast<model::Evidence>(level)) * e.tonnes;
}

}  // namespace

std::optional<std::vector<std::map<int, double>>> tracedOnDemand(const ChainGraph& chain, const DestinationSet& dest,
                                                                 std::span<const int> stage) {
    const std::size_t n = chain.vertexCount();
    if (stage.size() != n || chain.components().size() != n) return std::nullopt;  // a component of several actors
    for (const Component& c : chain.components())
        if (c.cyclic) return std::nullopt;
    const int lastStage = lastTracedStage(chain, dest);
    std::vector<std::map<int, double>> traced(kLevels);
    if (lastStage < 1) return traced;
    const std::size_t problems = static_cast<std::size_t>(kLevels * lastStage);  // (level, k), k fastest

    // The actors whose τ is read, predecessors first (a depth-first walk up
    // the in-edges, each actor listed once it is finished). An actor above
    // stage 1 is unfixed at k = 1, so its senders are read too.
    std::vector<std::uint32_t> slot(n, kUnseen);
    std::vector<Vertex> needed;
    struct Open {
        Vertex v;
        std::size_t next;  // position in v's in-edges
    };
    std::vector<Open> stack;
    // A vertex first met: stage 1 is traced wholly; any other is opened to read its suppliers.
    auto meet = [&](Vertex v) {
        if (slot[v] != kUnseen) return;
        if (stage[v] <= 1) {
            slot[v] = kOne;
            return;
        }
        slot[v] = kOpen;
        stack.push_back({v, 0});
    };
    auto visit = [&](Vertex root) {
        meet(root);
        while (!stack.empty()) {
            Open& top = stack.back();
            const InEdges in = chain.inEdges(top.v);
            if (top.next < in.size()) {
                meet(chain.source(in[top.next++]));
                continue;
            }
            slot[top.v] = static_cast<std::uint32_t>(needed.size());
            needed.push_back(top.v);
            stack.pop_back();
        }
    };
    for (Vertex d : dest.vertices)
        for (std::size_t e : chain.inEdges(d)) visit(chain.source(e));

    // τ of each needed actor for every problem, as solveMany's pass over a
    // single-actor component: fixed (1) at stage ≤ k, else b + Σ f·t·τ(u) / in(v).
    std::vector<double> tau(needed.size() * problems);
    auto tauOf = [&](Vertex u, std::size_t j) { return slot[u] == kOne ? 1.0 : tau[slot[u] * problems + j]; };
    // acc[j] += s_e(L)·t_e·τ_k(u) over v's in-edges, in their order, for every
    // problem j = (L, k); each edge's s_e·t_e is found once for all problems.
    std::array<double, kLevels> weight{};
    auto addInEdges = [&](Vertex v, std::vector<double>& acc) {
        for (std::size_t e : chain.inEdges(v)) {
            const EdgeData& d = chain.edge(e);
            for (int l = 0; l < kLevels; ++l)
                weight[l] = documentedWeight(d, kFirstLevel + l);
            const Vertex u = chain.source(e);
            for (std::size_t j = 0; j < problems; ++j)
                acc[j] += weight[j / static_cast<std::size_t>(lastStage)] * tauOf(u, j);
        }
    };
    std::vector<double> in(problems);
    for (std::size_t i = 0; i < needed.size(); ++i) {
        const Vertex v = needed[i];
        const double inT = chain.inT(v);
        std::fill(in.begin(), in.end(), 0.0);
        if (inT > 0) addInEdges(v, in);
        for (std::size_t j = 0; j < problems; ++j) {
            const int k = static_cast<int>(j % static_cast<std::size_t>(lastStage)) + 1;
            tau[i * problems + j] = stage[v] <= k ? 1.0 : 0.0 + (inT > 0 ? in[j] / inT : 0.0);
        }
    }

    // traced[L][k] = Σ s_e(L)·t_e·τ_k(w) / T over the destinations' in-edges,
    // each problem's sum in computeTraceability's order.
    std::vector<double> sum(problems, 0.0);
    if (dest.totalT > 0)
        for (Vertex d : dest.vertices) addInEdges(d, sum);
    for (int l = 0; l < kLevels; ++l)
        for (int k = 1; k <= lastStage; ++k) {
            double share = sum[static_cast<std::size_t>(l * lastStage + (k - 1))];
            if (dest.totalT > 0) share /= dest.totalT;
            traced[static_cast<std::size_t>(l)][k] = std::clamp(share, 0.0, 1.0);
        }
    return traced;
}

}  // namespace traza::risk::series_detail
