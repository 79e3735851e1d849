#pragma once
// Random chains for the claims tests (claims_test.cpp,
// documentation_plan_test.cpp): the same seed gives the same chain.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "chain_builder.h"

namespace traza::testing {

// A random chain with cycles in which no actor sends more than it receives
// (the condition under which the credit method can never give less than the
// proportional one): built stage by stage, outflows scaled to the inflow, a
// tenth of some actors' output sent back upstream.
inline model::Project balancedChain(std::uint64_t seed, bool returns = true) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    ChainBuilder b;
    using model::ActorKind;
    const ActorKind kinds[] = {ActorKind::WastePicker, ActorKind::PickerOrganisation, ActorKind::Intermediary,
                               ActorKind::Exporter, ActorKind::Refiner};
    const int n = integer(6, 24);
    std::vector<int> stage(n);
    for (int i = 0; i < n; ++i) {
        stage[i] = i < 2 ? 1 : i == n - 1 ? 5 : integer(1, 5);
        b.actor("a" + std::to_string(i), kinds[stage[i] - 1]);
    }
    std::vector<int> order(n);
    for (int i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) { return stage[x] < stage[y]; });
    std::vector<double> in(n, 0.0);
    for (int oi = 0; oi < n; ++oi) {
        const int u = order[oi];
        if (stage[u] == 5) continue;
        std::vector<int> later(order.begin() + oi + 1, order.end());
        if (later.empty()) continue;
        const double supply = stage[u] == 1 ? uniform(1, 50) : in[u];
        if (!(supply > 0)) continue;
        const int outs = integer(1, 3);
        const bool back = returns && oi > 2 && integer(0, 3) == 0;
        double left = supply * (back ? 0.9 : 1.0) * uniform(0.8, 1.0);
        for (int k = 0; k < outs; ++k) {
            const int v = later[static_cast<std::size_t>(integer(0, static_cast<int>(later.size()) - 1))];
            const double t = left / (outs - k) * (k + 1 == outs ? 1.0 : uniform(0.5, 1.0));
            left -= t;
            const int doc = integer(0, 3);
            b.flow("a" + std::to_string(u), "a" + std::to_string(v), t,
                   doc == 0 ? 0 : doc == 1 ? t : t * uniform(0, 1), static_cast<model::Evidence>(integer(0, 4)));
            in[v] += t;
        }
        if (back) {  // a return flow upstream makes a cycle; it only adds to the receiver's inflow
            const int v = order[static_cast<std::size_t>(integer(1, oi - 1))];
            if (stage[v] > 1) {
                b.flow("a" + std::to_string(u), "a" + std::to_string(v), supply * 0.1, supply * 0.05,
                       model::Evidence::Documented);
            }
        }
    }
    return b.project();
}

// A chain whose intermediaries form one strongly connected component of
// `members` actors (a ring plus as many random chords), fed by pickers, partly
// documented, with some members selling to refiners: a cycle far beyond the
// dense limit (cycle_factor.h) with many flows inside it, a third of its
// members selling out of it.
inline model::Project tangledChain(std::uint64_t seed, int members) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    ChainBuilder b;
    const int pickers = members / 2, refiners = 3;
    for (int i = 0; i < pickers; ++i) b.actor("p" + std::to_string(i), model::ActorKind::WastePicker);
    for (int i = 0; i < members; ++i) b.actor("c" + std::to_string(i), model::ActorKind::Intermediary);
    for (int i = 0; i < refiners; ++i) b.actor("r" + std::to_string(i), model::ActorKind::Refiner);
    auto documentedFlow = [&](const std::string& from, const std::string& to, double t) {
        const int kind = integer(0, 3);  // none, all, part, part
        const double documented = kind == 0 ? 0 : kind == 1 ? t : t * uniform(0, 1);
        // Mostly documented or verified evidence, so most flows carry something at
        // level documented; one in eight only reported.
        const auto evidence = integer(0, 7) == 0 ? model::Evidence::Reported
                                                 : static_cast<model::Evidence>(integer(3, 4));
        b.flow(from, to, t, documented, evidence);
    };
    auto c = [](int i) { return "c" + std::to_string(i); };
    for (int i = 0; i < pickers; ++i) documentedFlow("p" + std::to_string(i), c(integer(0, members - 1)), uniform(5, 50));
    for (int i = 0; i < members; ++i) documentedFlow(c(i), c((i + 1) % members), uniform(10, 60));
    for (int k = 0; k < members; ++k) {
        const int from = integer(0, members - 1), to = integer(0, members - 1);
        if (from != to) documentedFlow(c(from), c(to), uniform(10, 60));
    }
    for (int i = 0; i < members; ++i)
        if (integer(0, 2) == 0) documentedFlow(c(i), "r" + std::to_string(integer(0, refiners - 1)), uniform(20, 80));
    return b.project();
}

}  // namespace traza::testing
