#include <catch2/catch.hpp>

#include "gui_test_support.h"
#include "selection.h"

using namespace traza;
using namespace traza::gui;

TEST_CASE("Selection - the primary item is the last one added") {
    Selection s;
    int changes = 0;
    s.changed.connect([&] { ++changes; });
    s.set({ItemKind::Actor, "a"});
    s.add({ItemKind::Flow, "f"});
    CHECK(s.primary() == ItemRef{ItemKind::Flow, "f"});
    s.toggle({ItemKind::Flow, "f"});  // removing the primary falls back to what is left
    CHECK(s.primary() == ItemRef{ItemKind::Actor, "a"});
    CHECK(changes == 3);
    s.set({ItemKind::Actor, "a"});  // already exactly that: no notification
    CHECK(changes == 3);
}

TEST_CASE("Selection - ids the project lost are pruned, renamed ids follow") {
    model::Project p;
    p.actors.push_back(test::actor("a", model::ActorKind::Refiner));
    Selection s;
    s.assign({"a", "gone"}, {"f-gone"});
    s.prune(p);
    CHECK(s.actors() == std::set<std::string>{"a"});
    CHECK(s.flows().empty());
    s.rename({ItemKind::Actor, "a"}, "b");
    CHECK(s.contains({ItemKind::Actor, "b"}));
    CHECK(s.primary() == ItemRef{ItemKind::Actor, "b"});
}
