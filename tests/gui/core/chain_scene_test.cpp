#include <catch2/catch.hpp>

#include <cmath>

#include "chain_scene.h"
#include "gui_test_support.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

// One organisation fed by `pickers` picker groups (headcount 2 each, 1.5 t, undocumented).
model::Project orgWithPickers(int pickers) {
    model::Project p;
    p.actors.push_back(actor("org", model::ActorKind::PickerOrganisation));
    p.actors.push_back(actor("exp", model::ActorKind::Exporter));
    p.flows.push_back(flow("out", "org", "exp", 100));
    for (int i = 0; i < pickers; ++i) {
        p.actors.push_back(actor("p" + std::to_string(i), model::ActorKind::WastePicker, 2));
        p.flows.push_back(flow("f" + std::to_string(i), "p" + std::to_string(i), "org", 1.5, model::Evidence::None, 0));
    }
    return p;
}

}  // namespace

TEST_CASE("ChainScene - an actor's box is centred on its saved position") {
    model::Project p = orgWithPickers(1);
    p.actors[0].hasPosition = true;
    p.actors[0].x = 500;
    p.actors[0].y = 300;
    const ChainScene s = ChainScene::build(p, {}, {});
    const SceneNode& n = s.nodes()[*s.nodeOfActor("org")];
    CHECK(n.box.centre().x == Approx(500));
    CHECK(n.box.centre().y == Approx(300));
    CHECK(n.box.w == Approx(kBoxWidth));
    CHECK(s.nodes().size() == 3);
    CHECK(s.edges().size() == 2);
}

TEST_CASE("ChainScene - 40 picker groups stay single, 41 collapse into one box") {
    const ChainScene forty = ChainScene::build(orgWithPickers(40), {}, {});
    CHECK(forty.aggregateCount() == 0);
    CHECK(forty.nodes().size() == 42);

    const ChainScene many = ChainScene::build(orgWithPickers(41), {}, {});
    REQUIRE(many.aggregateCount() == 1);
    CHECK(many.nodes().size() == 3);  // org, exp, one group box
    const SceneNode& g = many.nodes()[*many.nodeOfActor("p17")];
    CHECK(g.kind == NodeKind::PickerGroup);
    CHECK(g.id == "org");
    CHECK(g.members.size() == 41);
    CHECK(g.people == 82);
    // The 41 flows into org become one edge with their summed tonnes.
    REQUIRE(many.edges().size() == 2);
    const auto merged = std::find_if(many.edges().begin(), many.edges().end(), [](const SceneEdge& e) { return e.flowId.empty(); });
    REQUIRE(merged != many.edges().end());
    CHECK(merged->tonnes == Approx(41 * 1.5));
    CHECK(merged->flowCount == 41);
    CHECK(merged->undocumented());
    CHECK_FALSE(many.edgeOfFlow("f3").has_value());
    CHECK(many.edgeOfFlow("out").has_value());
}

TEST_CASE("ChainScene - an expanded organisation shows its picker groups one by one") {
    const ChainScene s = ChainScene::build(orgWithPickers(41), {}, {"org"});
    CHECK(s.aggregateCount() == 0);
    CHECK(s.nodes().size() == 43);
    const SceneNode& p5 = s.nodes()[*s.nodeOfActor("p5")];
    CHECK(p5.kind == NodeKind::Actor);
    CHECK(p5.expandedGroupOf == "org");
    // Laid out left of the organisation, without overlapping each other.
    const SceneNode& org = s.nodes()[*s.nodeOfActor("org")];
    CHECK(p5.box.right() < org.box.x);
    CHECK_FALSE(p5.box.intersects(s.nodes()[*s.nodeOfActor("p6")].box));
}

TEST_CASE("ChainScene - above 2000 actors every organisation's picker groups are aggregated") {
    const model::Project p = nationalChain(120, 20);  // 2400 picker groups, 20 per organisation
    const ChainScene s = ChainScene::build(p, {}, {});
    CHECK(s.aggregateCount() == 120);
    CHECK(s.nodes().size() == p.actors.size() - 120 * 20 + 120);
}

TEST_CASE("ChainScene - a group takes the worst risk level of its members") {
    ActorMarksMap marks{{"p1", {"medium", false, 0}}, {"p2", {"critical", false, 0}}, {"p3", {"low", false, 0}}};
    const ChainScene s = ChainScene::build(orgWithPickers(45), marks, {});
    CHECK(s.nodes()[*s.nodeOfActor("p1")].marks.riskLevel == "critical");
}

TEST_CASE("ChainScene - edge width grows with the square root of tonnes") {
    model::Project p = orgWithPickers(0);
    p.actors.push_back(actor("a", model::ActorKind::Intermediary));
    p.flows.push_back(flow("small", "a", "exp", 25));  // a quarter of the 100 t flow
    const ChainScene s = ChainScene::build(p, {}, {});
    const SceneEdge& big = s.edges()[*s.edgeOfFlow("out")];
    const SceneEdge& small = s.edges()[*s.edgeOfFlow("small")];
    CHECK(big.width == Approx(10.0));
    CHECK(small.width == Approx(1.5 + 8.5 * 0.5));
}

TEST_CASE("ChainScene - hit tests find boxes, flows and what a rectangle touches") {
    model::Project p = orgWithPickers(0);
    p.actors[0].hasPosition = true;  // org at (100, 100), exp at (600, 100)
    p.actors[0].x = 100;
    p.actors[0].y = 100;
    p.actors[1].hasPosition = true;
    p.actors[1].x = 600;
    p.actors[1].y = 100;
    const ChainScene s = ChainScene::build(p, {}, {});
    CHECK(s.nodeAt({100, 100}) == s.nodeOfActor("org"));
    CHECK_FALSE(s.nodeAt({350, 300}).has_value());
    // The flow runs straight from org's right edge to exp's left edge at y = 100.
    CHECK(s.edgeAt({350, 102}, 4) == s.edgeOfFlow("out"));
    CHECK_FALSE(s.edgeAt({350, 140}, 4).has_value());
    CHECK(s.nodesIn({0, 0, 250, 250}).size() == 1);
    CHECK(s.nodesIn({0, 0, 1000, 250}).size() == 2);
}

TEST_CASE("ChainScene - an actor without a position goes below its stage's placed actors") {
    model::Project p = orgWithPickers(0);
    p.actors.push_back(actor("org2", model::ActorKind::PickerOrganisation));
    p.actors[0].hasPosition = true;
    p.actors[0].x = 300;
    p.actors[0].y = 50;
    const ChainScene s = ChainScene::build(p, {}, {});
    const Point c = s.nodes()[*s.nodeOfActor("org2")].box.centre();
    CHECK(c.x == Approx(300));
    CHECK(c.y > 50 + kBoxHeight);
}

TEST_CASE("ChainScene - uncertain and unknown flows, and implausible ones marked, also inside a merged edge") {
    // One flow on its own: its sd as given. 41 picker flows of 1.5 ± 0.3 t merged:
    // the sum's sd for independent flows is 0.3 · √41 = 1.92094 t.
    model::Project p = orgWithPickers(41);
    p.flows[0].sdT = 4;
    for (std::size_t i = 1; i < p.flows.size(); ++i) p.flows[i].sdT = 0.3;
    ChainScene s = ChainScene::build(p, {}, {});
    const SceneEdge& out = s.edges()[*s.edgeOfFlow("out")];
    CHECK(out.sdT == 4);
    CHECK_FALSE(out.tonnesUnknown);
    const auto merged = std::find_if(s.edges().begin(), s.edges().end(), [](const SceneEdge& e) { return e.flowId.empty(); });
    REQUIRE(merged != s.edges().end());
    CHECK(merged->sdT == Approx(0.3 * std::sqrt(41.0)));
    CHECK_FALSE(merged->implausible);

    // f17 (merged) and out implausible: both edges marked; new marks clear the old.
    s.applyFlowMarks(p, {"f17", "out"});
    CHECK(s.edges()[*s.edgeOfFlow("out")].implausible);
    CHECK(merged->implausible);
    s.applyFlowMarks(p, {"out"});
    CHECK_FALSE(merged->implausible);
    s.applyFlowMarks(p, {});
    CHECK_FALSE(s.edges()[*s.edgeOfFlow("out")].implausible);

    // An unknown amount: drawn with what is known (0 t), marked unknown; merged too.
    p.flows[0].tonnesUnknown = true;
    p.flows[0].tonnes = 0;
    p.flows[0].sdT = 0;
    p.flows[5].tonnesUnknown = true;
    p.flows[5].tonnes = 0;
    s = ChainScene::build(p, {}, {});
    CHECK(s.edges()[*s.edgeOfFlow("out")].tonnesUnknown);
    const auto m2 = std::find_if(s.edges().begin(), s.edges().end(), [](const SceneEdge& e) { return e.flowId.empty(); });
    CHECK(m2->tonnesUnknown);
    CHECK(m2->tonnes == Approx(40 * 1.5));
}

TEST_CASE("ChainScene - the plan's flows carry their step and gain; a merged edge its first step and summed gains") {
    // 41 picker groups collapse into one edge: two plan steps inside it (steps 2 and 3), one on "out" (step 1).
    model::Project p = orgWithPickers(41);
    ChainScene s = ChainScene::build(p, {}, {});
    s.applyPlanMarks(p, {{"out", {1, 0.40}}, {"f7", {3, 0.05}}, {"f2", {2, 0.10}}});
    const SceneEdge& out = s.edges()[*s.edgeOfFlow("out")];
    CHECK(out.planStep == 1);
    CHECK(out.planGain == Approx(0.40));
    const auto merged = std::find_if(s.edges().begin(), s.edges().end(), [](const SceneEdge& e) { return e.flowId.empty(); });
    REQUIRE(merged != s.edges().end());
    CHECK(merged->planStep == 2);
    CHECK(merged->planGain == Approx(0.15));
    // New marks replace the old ones; no marks clear them.
    s.applyPlanMarks(p, {{"f2", {1, 0.2}}});
    CHECK(s.edges()[*s.edgeOfFlow("out")].planStep == 0);
    CHECK(merged->planStep == 1);
    s.applyPlanMarks(p, {});
    for (const SceneEdge& e : s.edges()) CHECK(e.planStep == 0);
}

namespace {

// Every box, band and the bounds of two scenes, field by field.
void requireSamePlaces(const ChainScene& a, const ChainScene& b) {
    REQUIRE(a.nodes().size() == b.nodes().size());
    for (std::size_t k = 0; k < a.nodes().size(); ++k) {
        INFO("node " << k << " (" << a.nodes()[k].id << ")");
        CHECK(a.nodes()[k].id == b.nodes()[k].id);
        CHECK(a.nodes()[k].box.x == b.nodes()[k].box.x);
        CHECK(a.nodes()[k].box.y == b.nodes()[k].box.y);
        CHECK(a.nodes()[k].box.w == b.nodes()[k].box.w);
        CHECK(a.nodes()[k].positioned == b.nodes()[k].positioned);
    }
    REQUIRE(a.bands().size() == b.bands().size());
    for (std::size_t k = 0; k < a.bands().size(); ++k) {
        CHECK(a.bands()[k].stage == b.bands()[k].stage);
        CHECK(a.bands()[k].left == b.bands()[k].left);
        CHECK(a.bands()[k].right == b.bands()[k].right);
    }
    CHECK(a.bounds().x == b.bounds().x);
    CHECK(a.bounds().y == b.bounds().y);
    CHECK(a.bounds().w == b.bounds().w);
    CHECK(a.bounds().h == b.bounds().h);
    CHECK(a.edges().size() == b.edges().size());
}

// Two aggregated organisations (one of them expanded when asked), a trader and
// an exporter; nobody placed yet.
model::Project twoOrganisations() {
    model::Project p = orgWithPickers(45);
    p.actors.push_back(actor("org2", model::ActorKind::PickerOrganisation));
    p.actors.push_back(actor("trader", model::ActorKind::Intermediary));
    p.flows.push_back(flow("o2", "org2", "trader", 30));
    p.flows.push_back(flow("t", "trader", "exp", 30));
    for (int i = 0; i < 50; ++i) {
        p.actors.push_back(actor("q" + std::to_string(i), model::ActorKind::WastePicker, 1));
        p.flows.push_back(flow("g" + std::to_string(i), "q" + std::to_string(i), "org2", 0.6, model::Evidence::None, 0));
    }
    return p;
}

}  // namespace

TEST_CASE("ChainScene - moved actors relocate the scene to where a new build puts them") {
    const std::set<std::string> expanded = GENERATE(std::set<std::string>{}, std::set<std::string>{"org2"});
    const model::Project before = twoOrganisations();
    model::Project after = before;
    // Some actors placed (as a first layout or a drag does), the others left to
    // the fallbacks, which depend on where the placed ones are.
    for (std::size_t i = 0; i < after.actors.size(); i += 3) {
        after.actors[i].hasPosition = true;
        after.actors[i].x = 40.0 * static_cast<double>(i % 7) + 300;
        after.actors[i].y = 95.0 * static_cast<double>(i) - 120;
    }
    ChainScene scene = ChainScene::build(before, {}, expanded);
    const ChainScene rebuilt = ChainScene::build(after, {}, expanded);
    REQUIRE_FALSE(scene.nodes().front().box.y == rebuilt.nodes().front().box.y);  // the move is visible
    REQUIRE(scene.relocate(after));
    requireSamePlaces(scene, rebuilt);

    // And back: the positions removed again give the first scene's places.
    REQUIRE(scene.relocate(before));
    requireSamePlaces(scene, ChainScene::build(before, {}, expanded));
}

TEST_CASE("ChainScene - relocating refuses a project with other actors and changes nothing") {
    const model::Project before = twoOrganisations();
    ChainScene scene = ChainScene::build(before, {}, {});
    const ChainScene unchanged = ChainScene::build(before, {}, {});
    model::Project added = before;
    added.actors.push_back(actor("late", model::ActorKind::Exporter));
    added.actors.back().hasPosition = true;
    added.actors.back().y = 5000;
    CHECK_FALSE(scene.relocate(added));
    model::Project renamed = before;
    renamed.actors[1].id = "exp-renamed";
    renamed.actors[1].hasPosition = true;
    renamed.actors[1].y = 5000;
    CHECK_FALSE(scene.relocate(renamed));
    requireSamePlaces(scene, unchanged);
}
