// Where the evidence key goes (evidence_key_place.h), worked by hand for a
// window of 1000 x 600 pixels and a key of 150 x 130: bottom-left is
// (10, 460)-(160, 590), bottom-right (840, 460)-(990, 590).
#include <catch2/catch.hpp>

#include "chain_scene.h"
#include "evidence_key_place.h"
#include "gui_test_support.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

// Actors with their box centres at the given points (boxes 176 x 58).
ChainScene sceneWithBoxesAt(std::initializer_list<Point> centres) {
    model::Project p;
    int k = 0;
    for (Point c : centres) {
        model::Actor a = actor("a" + std::to_string(++k), model::ActorKind::Intermediary);
        a.hasPosition = true;
        a.x = c.x;
        a.y = c.y;
        p.actors.push_back(a);
    }
    return ChainScene::build(p, {}, {});
}

}  // namespace

TEST_CASE("EvidenceKey - takes the bottom-left corner, else the bottom-right, where it covers no box") {
    const ViewTransform view;  // 1:1 from the world's origin
    const ChainScene free = sceneWithBoxesAt({{500, 100}});
    CHECK(placeEvidenceKey(free, view, 1000, 600, 150, 130).x == Approx(10));

    // A box at (0..176, 542..600) under the left corner: the key goes right.
    const ChainScene left = sceneWithBoxesAt({{88, 571}});
    const Rect k = placeEvidenceKey(left, view, 1000, 600, 150, 130);
    CHECK(k.x == Approx(840));
    CHECK(k.y == Approx(460));
    CHECK_FALSE(keyCoversBoxes(left, view, k));

    // Boxes under both corners: bottom-left, covering.
    const ChainScene both = sceneWithBoxesAt({{88, 571}, {900, 520}});
    const Rect b = placeEvidenceKey(both, view, 1000, 600, 150, 130);
    CHECK(b.x == Approx(10));
    CHECK(keyCoversBoxes(both, view, b));
}

TEST_CASE("EvidenceKey - a fit that fills both bottom corners is fitted again beside the key") {
    // Boxes in the four corners of a 988 x 600 drawing: fitted whole (scale 0.9) both bottom corners hold a box.
    const ChainScene s = sceneWithBoxesAt({{88, 29}, {900, 29}, {88, 571}, {900, 571}});
    const Rect content = s.bounds();
    REQUIRE(content.w == Approx(988));
    REQUIRE(content.h == Approx(600));
    ViewTransform whole;
    whole.fitReadable(content, 1000, 600, 0.42);
    REQUIRE(whole.scale() == Approx(0.9));
    REQUIRE(keyCoversBoxes(s, whole, placeEvidenceKey(s, whole, 1000, 600, 150, 130)));

    // Beside the key: 840 px wide, scale min(780 / 988, 540 / 600) = 0.7895 (above it: 400 / 600 = 0.667).
    const ViewTransform v = fitBesideKey(s, content, 1000, 600, 150, 130, 0.42);
    CHECK(v.scale() == Approx(780.0 / 988));
    const Rect key = placeEvidenceKey(s, v, 1000, 600, 150, 130);
    CHECK_FALSE(keyCoversBoxes(s, v, key));
    // The drawing starts right of the key (at 160 + 30 px) and ends 30 px from the window's right.
    CHECK(v.toScreen({content.x, 0}).x == Approx(190));
    CHECK(v.toScreen({content.right(), 0}).x == Approx(970));
}
