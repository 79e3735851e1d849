// A flow's label on its own arrow (edge_label_place.h), worked by hand on a
// straight arrow from (0, 0) to (400, 0): its point at t is (400 t, 0)
// (control points at 1/3 and 2/3), so a 40 x 10 label at t covers
// 400 t - 20 .. 400 t + 20 by -5 .. 5.
#include <catch2/catch.hpp>

#include "edge_label_place.h"

using namespace traza::gui;

namespace {
const EdgeCurve kStraight{{0, 0}, {400.0 / 3, 0}, {800.0 / 3, 0}, {400, 0}};
}

TEST_CASE("EdgeLabel - at the middle when free, else the nearest free point along the arrow, else none") {
    const auto middle = placeEdgeLabel(kStraight, 40, 10, {});
    REQUIRE(middle);
    CHECK(middle->x == Approx(180));
    CHECK(middle->y == Approx(-5));

    // A box over 170..230: t = 0.5 (180..220), 0.45 (160..200), 0.55 (200..240) and
    // 0.4 (140..180) all meet it; t = 0.6 (220..260) meets it too; 0.35 (120..160) is free.
    const std::vector<Rect> box{{170, -30, 60, 60}};
    const auto moved = placeEdgeLabel(kStraight, 40, 10, box);
    REQUIRE(moved);
    CHECK(moved->x == Approx(120));
    CHECK_FALSE(moved->intersects(box[0]));

    // A box over the whole arrow: no place, no label.
    CHECK_FALSE(placeEdgeLabel(kStraight, 40, 10, {{-10, -30, 420, 60}}));
}
