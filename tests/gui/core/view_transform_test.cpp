#include <catch2/catch.hpp>

#include "view_transform.h"

using namespace traza::gui;

TEST_CASE("ViewTransform - zooming keeps the point under the mouse in place") {
    ViewTransform v;
    v.setOrigin({100, 50});
    const Point mouse{400, 300};
    const Point before = v.toWorld(mouse);  // (500, 350)
    CHECK(before.x == Approx(500));
    v.zoomAt(mouse, 2.0);
    CHECK(v.scale() == Approx(2.0));
    const Point after = v.toWorld(mouse);
    CHECK(after.x == Approx(before.x));
    CHECK(after.y == Approx(before.y));
    const Point back = v.toScreen(before);
    CHECK(back.x == Approx(400));
    CHECK(back.y == Approx(300));
}

TEST_CASE("ViewTransform - zoom is clamped") {
    ViewTransform v;
    for (int i = 0; i < 100; ++i) v.zoomAt({0, 0}, 2);
    CHECK(v.scale() == Approx(ViewTransform::kMaxScale));
    for (int i = 0; i < 100; ++i) v.zoomAt({0, 0}, 0.5);
    CHECK(v.scale() == Approx(ViewTransform::kMinScale));
}

TEST_CASE("ViewTransform - panning moves the content with the mouse") {
    ViewTransform v;
    v.zoomAt({0, 0}, 0.5);
    v.panByPixels(50, -20);  // drag right and up by (50, -20) px at 50 %
    CHECK(v.origin().x == Approx(-100));
    CHECK(v.origin().y == Approx(40));
}

TEST_CASE("ViewTransform - fit shows the whole drawing, centred") {
    ViewTransform v;
    const Rect drawing{0, 0, 2000, 500};
    v.fit(drawing, 1030, 600, 15);  // (1030 - 30) / 2000 = 0.5 limits
    CHECK(v.scale() == Approx(0.5));
    const Rect seen = v.visibleWorld(1030, 600);
    CHECK(seen.x <= 0);
    CHECK(seen.right() >= 2000);
    CHECK(seen.centre().x == Approx(1000));
    CHECK(seen.centre().y == Approx(250));
    // A tiny drawing is not blown up past the maximum.
    v.fit({0, 0, 100, 50}, 1000, 800, 15, 1.25);
    CHECK(v.scale() == Approx(1.25));
}

TEST_CASE("ViewTransform - the first view of a tall sliver fits its width at its top, a small chain is fitted whole") {
    ViewTransform v;
    // Six stage columns 1 600 wide, 420 000 tall (a national chain laid out):
    // fit() would show it at 0.02, boxes a pixel high.
    const Rect national{0, 0, 1600, 420000};
    v.fitReadable(national, 1030, 600, 0.42, 15);
    CHECK(v.scale() == Approx(1000.0 / 1600));  // (1030 - 30) / 1600: every column across the window
    const Rect seen = v.visibleWorld(1030, 600);
    CHECK(seen.x <= 0);
    CHECK(seen.right() >= 1600);
    CHECK(seen.y == Approx(-15 * 1600 / 1000.0));  // the top (and the margin), where every stage column starts
    CHECK(seen.centre().x == Approx(800));
    // Fit already readable: unchanged from fit().
    ViewTransform whole, fitted;
    whole.fitReadable({0, 0, 2000, 500}, 1030, 600, 0.42, 15);
    fitted.fit({0, 0, 2000, 500}, 1030, 600, 15);
    CHECK(whole.scale() == Approx(fitted.scale()));
    CHECK(whole.origin().x == Approx(fitted.origin().x));
    CHECK(whole.origin().y == Approx(fitted.origin().y));
    // A narrow tall drawing is not blown up past 1:1.
    v.fitReadable({0, 0, 200, 100000}, 1030, 600, 0.42, 15);
    CHECK(v.scale() == Approx(1.0));
}
