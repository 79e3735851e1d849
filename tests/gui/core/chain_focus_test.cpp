// Focus sets (issue #17) on the CARE sample, worked out by hand from its 13
// flows: pickers-orgN -> orgN (f1..f5), org3 -> int1 (f6), org1..org4 -> expA
// (f7..f10), org5 -> expB (f11), expA and expB -> ref (f12, f13).
#include <catch2/catch.hpp>

#include "analysis.h"
#include "catalogue.h"
#include "chain_focus.h"
#include "chain_json.h"

using namespace traza;
using namespace traza::gui;

namespace {

model::Project care() {
    return model::readProjectJson(model::dataDirectory() / "samples" / "care-pilot-2025.json", model::Catalogue::installed());
}

}  // namespace

TEST_CASE("Focus - upstream, downstream and both ways within n steps are the actors a hand count finds") {
    const model::Project p = care();
    REQUIRE(p.actors.size() == 14);
    CHECK(neighbourhood(p, {"org3"}, FocusDirection::Upstream, 1) == ActorSet{"org3", "pickers-org3"});
    CHECK(neighbourhood(p, {"org3"}, FocusDirection::Downstream, 1) == ActorSet{"org3", "int1", "expA"});
    CHECK(neighbourhood(p, {"org3"}, FocusDirection::Downstream, 0) == ActorSet{"org3", "int1", "expA", "ref"});
    CHECK(neighbourhood(p, {"expB"}, FocusDirection::Both, 1) == ActorSet{"expB", "org5", "ref"});
    CHECK(neighbourhood(p, {"ref"}, FocusDirection::Upstream, 2) ==
          ActorSet{"ref", "expA", "expB", "org1", "org2", "org3", "org4", "org5"});
    // Everything reaches the refiner except the intermediary, which sells to no one in the sample.
    const ActorSet all = neighbourhood(p, {"ref"}, FocusDirection::Upstream, 0);
    CHECK(all.size() == 13);
    CHECK_FALSE(all.count("int1"));
    // Two starting actors, and an id that is no actor is left out.
    CHECK(neighbourhood(p, {"org1", "org5", "nobody"}, FocusDirection::Upstream, 1) ==
          ActorSet{"org1", "pickers-org1", "org5", "pickers-org5"});
}

TEST_CASE("Focus - a rule's actors are its flagged actors and the ends of its flagged flows; the focused copy keeps the flows between them") {
    const model::Project p = care();
    const risk::Analysis a = risk::analyze(p);
    REQUIRE_FALSE(a.redFlags.empty());
    const std::string rule = a.redFlags.front().rule;
    ActorSet expected;
    for (const risk::RedFlag& f : a.redFlags) {
        if (f.rule != rule) continue;
        if (!f.actor.empty()) expected.insert(f.actor);
        if (const model::Flow* flow = f.flow.empty() ? nullptr : p.findFlow(f.flow)) expected.insert({flow->from, flow->to});
    }
    CHECK(ruleActors(p, a, rule) == expected);
    CHECK(ruleActors(p, a, "no_such_rule").empty());

    const model::Project part = focusedProject(p, {"org3", "int1", "expA"});
    REQUIRE(part.actors.size() == 3);
    std::vector<std::string> flows;
    for (const model::Flow& f : part.flows) flows.push_back(f.id);
    CHECK(flows == std::vector<std::string>{"f6", "f9"});
    CHECK(part.catalogue.redFlagRules.size() == p.catalogue.redFlagRules.size());
}
