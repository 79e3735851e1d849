#include <catch2/catch.hpp>

#include "chain_search.h"
#include "gui_test_support.h"

using namespace traza;
using namespace traza::gui;

namespace {
model::Project smallChain() {
    model::Project p;
    p.actors.push_back(test::actor("org1", model::ActorKind::PickerOrganisation));
    p.actors.back().name = "Organisation 1";
    p.actors.back().region = "Bogotá";
    p.actors.push_back(test::actor("expA", model::ActorKind::Exporter));
    p.actors.back().name = "Exporter A";
    p.actors.back().notes = "Buys from organisation 1";
    p.flows.push_back(test::flow("f1", "org1", "expA", 10));
    p.flows.back().notes = "invoice seen in Bogota";
    return p;
}
}  // namespace

TEST_CASE("ChainSearch - names, ids, regions and notes of actors, then ids and notes of flows, ignoring case and accents") {
    const model::Project p = smallChain();
    CHECK(searchChain(p, "ORGANISATION 1") == std::vector<ItemRef>{{ItemKind::Actor, "org1"}, {ItemKind::Actor, "expA"}});
    CHECK(searchChain(p, "bogota") == std::vector<ItemRef>{{ItemKind::Actor, "org1"}, {ItemKind::Flow, "f1"}});
    CHECK(searchChain(p, "f1") == std::vector<ItemRef>{{ItemKind::Flow, "f1"}});
    CHECK(searchChain(p, "  ").empty());
    CHECK(searchChain(p, "nothing like it").empty());
}

TEST_CASE("ChainSearch - the cursor steps both ways and wraps around") {
    SearchCursor c;
    CHECK(c.next() == nullptr);
    c.reset({{ItemKind::Actor, "a"}, {ItemKind::Actor, "b"}, {ItemKind::Flow, "f"}});
    CHECK(c.next()->id == "a");
    CHECK(c.next()->id == "b");
    CHECK(c.next()->id == "f");
    CHECK(c.next()->id == "a");
    CHECK(c.previous()->id == "f");
    c.reset(c.hits());
    CHECK(c.previous()->id == "f");  // backwards from the start: the last one
    c.resume({ItemKind::Actor, "b"});
    CHECK(c.current() == 1);
    CHECK(c.next()->id == "f");
}
