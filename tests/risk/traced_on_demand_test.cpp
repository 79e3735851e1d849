// The series' traced shares read on demand (risk/series/traced_on_demand.h)
// against the whole-chain solve they replace (computeTraceability), bit for
// bit, on random chains without cycles; and ChainGraph's given topological order.
#include <catch2/catch.hpp>

#include <random>

#include "chain_builder.h"
#include "chain_graph.h"
#include "destinations.h"
#include "proportional_mixing.h"
#include "series/traced_on_demand.h"
#include "traceability.h"

using namespace traza;
using model::ActorKind;
using model::Evidence;

namespace {

// Actors in an order every flow goes forward in (no cycle), stages 1..5 but
// not by position, several refiners, parallel flows, every evidence level,
// partly documented; sources above stage 1 and intermediaries above stage 1
// feeding the refiners, so τ must be mixed, not only read at stage 1.
model::Project randomAcyclicChain(std::mt19937& rng) {
    testing::ChainBuilder b;
    std::uniform_int_distribution<int> actors(6, 40), stage(1, 5), evidence(0, 4);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const int n = actors(rng);
    for (int i = 0; i < n; ++i) {
        const bool refiner = i >= n - 3 || unit(rng) < 0.1;
        b.actor("a" + std::to_string(i), refiner ? ActorKind::Refiner : ActorKind::Intermediary, stage(rng));
    }
    const int flows = n * 2;
    for (int f = 0; f < flows; ++f) {
        std::uniform_int_distribution<int> from(0, n - 2);
        const int u = from(rng);
        std::uniform_int_distribution<int> to(u + 1, n - 1);
        const int v = to(rng);
        const double t = 0.1 + 10 * unit(rng);
        const double draw = unit(rng);  // none, all or part documented (the first two skip a division)
        const double documented = draw < 0.3 ? 0.0 : draw < 0.6 ? t : t * unit(rng);
        b.flow("a" + std::to_string(u), "a" + std::to_string(v), t, documented, static_cast<Evidence>(evidence(rng)));
    }
    return b.project();
}

std::vector<int> stagesOf(const model::Project& p) {
    std::vector<int> s;
    for (const model::Actor& a : p.actors) s.push_back(a.stage);
    return s;
}

}  // namespace

TEST_CASE("Traced on demand - the same figures to the last bit as the whole chain solved") {
    std::mt19937 rng(19);
    int compared = 0, mixedAboveStageOne = 0;
    for (int chainNo = 0; chainNo < 200; ++chainNo) {
        const model::Project p = randomAcyclicChain(rng);
        const risk::ChainGraph chain(p);
        const risk::DestinationSet dest = risk::chooseDestinations(chain, {});
        const risk::MixingSolver solver(chain);
        bool exact = true;
        const risk::Traceability whole = risk::computeTraceability(chain, dest, solver, 0.8, exact);
        const auto onDemand = risk::series_detail::tracedOnDemand(chain, dest, stagesOf(p));
        REQUIRE(onDemand);
        REQUIRE(onDemand->size() == whole.levels.size());
        for (std::size_t l = 0; l < whole.levels.size(); ++l) {
            REQUIRE((*onDemand)[l].size() == whole.levels[l].byStage.size());
            for (const auto& [k, traced] : whole.levels[l].byStage) {
                CHECK((*onDemand)[l].at(k) == traced);  // exactly: the series' figures must not move
                ++compared;
                if (traced > 0 && traced < 1) ++mixedAboveStageOne;
            }
        }
    }
    CHECK(compared > 1000);
    CHECK(mixedAboveStageOne > 100);  // the random chains exercise the mixing, not only τ = 1
}

TEST_CASE("Traced on demand - a chain with a cycle is left to the solver") {
    testing::ChainBuilder b;
    b.actor("s", ActorKind::WastePicker, 1)
        .actor("o", ActorKind::PickerOrganisation, 2)
        .actor("i", ActorKind::Intermediary, 3)
        .actor("r", ActorKind::Refiner, 4)
        .flow("s", "o", 4, 4, Evidence::Documented)
        .flow("o", "i", 4, 4, Evidence::Documented)
        .flow("i", "o", 1, 1, Evidence::Documented)
        .flow("i", "r", 3, 3, Evidence::Documented);
    const model::Project& p = b.project();
    const risk::ChainGraph chain(p);
    const risk::DestinationSet dest = risk::chooseDestinations(chain, {});
    CHECK_FALSE(risk::series_detail::tracedOnDemand(chain, dest, stagesOf(p)));
}

TEST_CASE("Chain graph - a given topological order replaces the components search only when every edge goes forward") {
    testing::ChainBuilder b;
    b.actor("r", ActorKind::Refiner, 3)
        .actor("o", ActorKind::PickerOrganisation, 2)
        .actor("s", ActorKind::WastePicker, 1)
        .flow("s", "o", 4, 4, Evidence::Documented)
        .flow("o", "r", 3, 1, Evidence::Reported);
    const model::Project& p = b.project();
    // Vertices: r 0, o 1, s 2; keyed (from << 32 | to), in key order.
    std::vector<risk::ChainGraph::KeyedFlow> flows(2);
    flows[0].key = (1ull << 32) | 0, flows[0].flow = 1, flows[0].tonnes = 3;
    flows[1].key = (2ull << 32) | 1, flows[1].flow = 0, flows[1].tonnes = 4;
    const std::vector<risk::Vertex> forward{2, 1, 0};
    const risk::ChainGraph given(p, flows, forward);
    REQUIRE(given.components().size() == 3);
    for (std::size_t pos = 0; pos < 3; ++pos) {
        CHECK(given.components()[pos].members.size() == 1);
        CHECK(given.components()[pos].members.front() == forward[pos]);
        CHECK_FALSE(given.components()[pos].cyclic);
        CHECK(given.componentOf(forward[pos]) == pos);
    }
    // An order with o before s is no topological order: the components are searched.
    const std::vector<risk::Vertex> backwards{1, 2, 0};
    const risk::ChainGraph searched(p, flows, backwards);
    const risk::ChainGraph own(p, flows);
    REQUIRE(searched.components().size() == own.components().size());
    for (risk::Vertex v = 0; v < 3; ++v) CHECK(searched.componentOf(v) == own.componentOf(v));
    CHECK(searched.componentOf(2) < searched.componentOf(1));
    CHECK(searched.componentOf(1) < searched.componentOf(0));
    // An order that misses a vertex is no order either.
    const risk::ChainGraph partial(p, flows, std::vector<risk::Vertex>{2, 1});
    CHECK(partial.components().size() == 3);
}
