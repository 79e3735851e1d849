// The document-next plan's step-by-step update (documentation_plan.cpp) and
// the gains inside cycles beyond the dense limit (cycle_factor.h), against
// doing it the slow way: the plan against a greedy list that recomputes every
// gain from scratch after each step, and each gain inside a 320-actor cycle
// against solving the whole system again with that flow documented.
#include <catch2/catch.hpp>

#include <algorithm>

#include "claims/documentation_plan.h"
#include "generated_chains.h"

using namespace traza;
using model::Evidence;

namespace {

struct Setup {
    explicit Setup(const model::Project& p)
        : graph(p), dest(risk::chooseDestinations(graph, {})), solver(graph), gains(graph, dest, solver) {}
    risk::ChainGraph graph;
    risk::DestinationSet dest;
    risk::MixingSolver solver;
    risk::DocumentationGains gains;
};

struct Step {
    std::size_t flow;
    double traced;  ///< after the step
};

// The greedy list the plan promises, found by a full forward and backward pass
// (DocumentationGains::compute) before every step.
std::vector<Step> greedyByRecomputing(const risk::DocumentationGains& gains, Evidence level, int stage, double target,
                                      std::size_t maxSteps, double& start) {
    std::vector<double> factor = gains.edgeFactors(level), toDocument = gains.undocumented(level);
    std::vector<Step> steps;
    for (;;) {
        const risk::GainResult r = gains.compute(factor, toDocument, stage);
        if (steps.empty()) start = r.traced;
        else steps.back().traced = r.traced;
        if (r.traced >= target - 1e-12 || steps.size() == maxSteps) break;
        std::size_t best = r.gain.size();
        for (std::size_t f = 0; f < r.gain.size(); ++f)
            if (r.gain[f] > 1e-15 && toDocument[f] > 0 && (best == r.gain.size() || r.gain[f] > r.gain[best])) best = f;
        if (best == r.gain.size()) break;
        const risk::EdgeData& e = gains.chain().edge(static_cast<std::size_t>(gains.edgeOfFlow()[best]));
        factor[e.index] = std::min(1.0, factor[e.index] + toDocument[best] / e.tonnes);
        toDocument[best] = 0;
        steps.push_back({best, 0});
    }
    return steps;
}

void checkPlanAgainstRecomputing(const model::Project& p, Evidence level, int stage, double target,
                                 std::size_t maxSteps) {
    const Setup s(p);
    double start = 0;
    const std::vector<Step> expected = greedyByRecomputing(s.gains, level, stage, target, maxSteps, start);
    bool exact = true;
    const risk::DocumentationPlan plan = risk::planDocumentation(s.gains, level, stage, target, maxSteps, exact);
    CHECK(exact);
    CHECK(plan.start == Approx(start).margin(1e-12));
    REQUIRE(plan.steps.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO("step " << i);
        CHECK(plan.steps[i].flow == p.flows[expected[i].flow].id);
        CHECK(plan.steps[i].traced == Approx(expected[i].traced).epsilon(1e-10).margin(1e-12));
    }
}

}  // namespace

TEST_CASE("DocumentationPlan - updating step by step through cycles gives the list that recomputing gives") {
    // Odd seeds have return flows (cycles of a few actors), even ones none.
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        const model::Project p = testing::balancedChain(seed, seed % 2 == 1);
        checkPlanAgainstRecomputing(p, Evidence::Reported, seed % 3 == 0 ? 2 : 1, 0.99, 1000);
        checkPlanAgainstRecomputing(p, Evidence::Documented, 1, 0.99, 1000);
    }
}

TEST_CASE("DocumentationPlan - a 320-actor cycle: the step-by-step list equals recomputing") {
    for (std::uint64_t seed = 1; seed <= 2; ++seed) {
        INFO("seed " << seed);
        checkPlanAgainstRecomputing(testing::tangledChain(seed, 320), Evidence::Documented, 1, 0.99, 25);
    }
}

TEST_CASE("DocumentationGains - a 320-actor cycle: every inner gain equals solving again, none by re-solving") {
    const model::Project p = testing::tangledChain(7, 320);
    const Setup s(p);
    const risk::ChainGraph& g = s.graph;
    // One strongly connected component of 320 actors, beyond the dense limit.
    const auto& comps = g.components();
    const auto big = std::find_if(comps.begin(), comps.end(), [](const risk::Component& c) { return c.members.size() == 320; });
    REQUIRE(big != comps.end());
    REQUIRE(big->members.size() > risk::CycleFactor::kDenseLimit);

    const std::vector<double> factor = s.gains.edgeFactors(Evidence::Documented);
    const std::vector<double> toDocument = s.gains.undocumented(Evidence::Documented);
    const risk::GainResult r = s.gains.compute(factor, toDocument, 1);
    CHECK(r.exact);
    CHECK(r.resolved == 0);  // no gain needed solving again: the cycle was factored
    const auto ci = static_cast<std::size_t>(big - comps.begin());
    REQUIRE(r.cycles[ci] != nullptr);
    CHECK(r.cycles[ci]->sparse());
    int checked = 0, positive = 0;
    for (std::size_t f = 0; f < p.flows.size(); ++f) {
        const long e = s.gains.edgeOfFlow()[f];
        if (e < 0 || !(toDocument[f] > 0)) continue;
        const auto edge = static_cast<std::size_t>(e);
        if (g.componentOf(g.source(edge)) != ci || g.componentOf(g.target(edge)) != ci) continue;
        if (checked % 4 != 0 && checked > 40) {  // every inner flow would take long in a Debug build
            ++checked;
            continue;
        }
        std::vector<double> changed = factor;
        changed[g.edge(edge).index] = std::min(1.0, changed[g.edge(edge).index] + toDocument[f] / g.edge(edge).tonnes);
        bool exact = true;
        const double again = s.gains.traced(changed, 1, exact) - r.traced;
        REQUIRE(exact);
        INFO("flow " << p.flows[f].id);
        CHECK(r.gain[f] == Approx(again).epsilon(1e-9).margin(1e-12));
        positive += r.gain[f] > 1e-6;
        ++checked;
    }
    CHECK(checked > 300);
    CHECK(positive > 50);
}
