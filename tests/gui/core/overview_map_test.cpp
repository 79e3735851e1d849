// The overview's geometry (overview_map.h), worked by hand: a chain whose
// boxes span 1000 x 400 world units is mapped into at most 220 x 150 pixels
// with a 6-pixel padding, in the top-right corner of the window.
#include <catch2/catch.hpp>

#include "overview_map.h"

using namespace traza::gui;

TEST_CASE("Overview - placed top right only when the chain is not all in view, and its pixels map back to the world") {
    const Rect boxes{0, 0, 1000, 400};
    const Rect world = OverviewMap::worldOf(boxes);  // -30, -56, 1060 x 480
    ViewTransform view;
    view.fit(world, 1200, 800);  // everything in view: no map
    CHECK_FALSE(OverviewMap::place(boxes, view, 1200, 800));

    ViewTransform zoomed;
    zoomed.zoomAt({0, 0}, 2);  // scale 1 -> 2 about the window's corner
    zoomed.setOrigin({100, 50});
    REQUIRE(zoomed.scale() == 2);
    const auto map = OverviewMap::place(boxes, zoomed, 1200, 800);
    REQUIRE(map);
    // Scale: min(208 / 1060, 138 / 480) = 0.19623 map pixels per world unit; frame 220 x 100.19 px.
    const double scale = 208.0 / 1060.0;
    CHECK(map->frame().w == Approx(220));
    CHECK(map->frame().h == Approx(480 * scale + 12));
    CHECK(map->frame().right() == Approx(1200 - 10 - 14));
    CHECK(map->frame().y == Approx(10));
    // The world's corner and a box centre land where the scale says, and come back.
    CHECK(map->toMap(Point{-30, -56}).x == Approx(map->frame().x + 6));
    const Point centre{500, 200};
    const Point onMap = map->toMap(centre);
    CHECK(onMap.x == Approx(map->frame().x + 6 + 530 * scale));
    CHECK(map->toWorld(onMap).x == Approx(500));
    CHECK(map->toWorld(onMap).y == Approx(200));
    // The view (600 x 400 world units from 100, 50) on the map.
    const Rect v = map->viewOnMap();
    CHECK(v.w == Approx(600 * scale));
    CHECK(v.h == Approx(400 * scale));
    // A window too small to spare the corner gets no map.
    CHECK_FALSE(OverviewMap::place(boxes, zoomed, 500, 250));
}
