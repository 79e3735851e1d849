// Expanded picker groups push their lane aside (expanded_group_room.h). Three
// organisations one row apart (y = 100, 184, 268), 41 picker groups each, so
// each is one box a column to their left; expanding the middle one puts its 41
// boxes in a 20-row grid (1 596 units tall) across the neighbours' boxes.
#include <catch2/catch.hpp>

#include "chain_scene.h"
#include "expanded_group_room.h"
#include "gui_test_support.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

model::Project threeOrganisations() {
    model::Project p;
    p.actors.push_back(actor("exp", model::ActorKind::Exporter));
    for (int o = 0; o < 3; ++o) {
        const std::string org = "org" + std::to_string(o);
        model::Actor a = actor(org, model::ActorKind::PickerOrganisation);
        a.hasPosition = true;
        a.x = 500;
        a.y = 100 + o * 84;
        p.actors.push_back(a);
        p.flows.push_back(flow(org + "-out", org, "exp", 100));
        for (int k = 0; k < 41; ++k) {
            const std::string id = org + "-p" + std::to_string(k);
            p.actors.push_back(actor(id, model::ActorKind::WastePicker, 2));
            p.flows.push_back(flow(id + "-f", id, org, 1.5, model::Evidence::None, 0));
        }
    }
    return p;
}

Rect boxOf(const ChainScene& s, const std::string& id) { return s.nodes()[*s.nodeOfActor(id)].box; }

int overlaps(const ChainScene& s) {
    int n = 0;
    for (std::size_t i = 0; i < s.nodes().size(); ++i)
        for (std::size_t j = i + 1; j < s.nodes().size(); ++j) n += s.nodes()[i].box.intersects(s.nodes()[j].box);
    return n;
}

}  // namespace

TEST_CASE("ExpandedGroupRoom - an expanded group's grid and the group boxes below it move down, none overlapping, and collapse restores them") {
    const model::Project p = threeOrganisations();
    const ChainScene collapsed = ChainScene::build(p, {}, {});
    REQUIRE(collapsed.aggregateCount() == 3);
    CHECK(overlaps(collapsed) == 0);

    const ChainScene expanded = ChainScene::build(p, {}, {"org1"});
    CHECK(expanded.aggregateCount() == 2);
    CHECK(overlaps(expanded) == 0);
    // org0's group box (centre 100) comes first and stays; the grid starts 26 below its bottom (129).
    CHECK(boxOf(expanded, "org0-p0").y == Approx(boxOf(collapsed, "org0-p0").y));
    double gridTop = 1e9, gridBottom = -1e9;
    for (int k = 0; k < 41; ++k) {
        const Rect b = boxOf(expanded, "org1-p" + std::to_string(k));
        gridTop = std::min(gridTop, b.y);
        gridBottom = std::max(gridBottom, b.bottom());
    }
    CHECK(gridTop == Approx(129 + kPushedGap));
    // org2's group box follows the grid, 26 below it.
    CHECK(boxOf(expanded, "org2-p0").y == Approx(gridBottom + kPushedGap));
    // The organisations themselves are in another lane: they stay.
    for (const char* org : {"org0", "org1", "org2"}) CHECK(boxOf(expanded, org).y == Approx(boxOf(collapsed, org).y));

    // Collapsing rebuilds the scene as it was.
    const ChainScene again = ChainScene::build(p, {}, {});
    CHECK(boxOf(again, "org2-p0").y == Approx(boxOf(collapsed, "org2-p0").y));
}

TEST_CASE("ExpandedGroupRoom - with nothing expanded no box moves") {
    std::vector<SceneNode> nodes(2);
    nodes[0].box = {0, 0, kBoxWidth, kBoxHeight};
    nodes[1].box = {0, 20, kBoxWidth, kBoxHeight};  // overlapping, but no group is expanded
    makeRoomForExpandedGroups(nodes);
    CHECK(nodes[1].box.y == 20);
}
