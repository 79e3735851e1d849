#pragma once
// Plain 2-D geometry of the canvas in world units (1 unit = 1 point at 100 %
// zoom, y down). No wx: the scene, layout and view maths are tested without a display.
#include <algorithm>
#include <cmath>

namespace traza::gui {

struct Point {
    double x = 0;
    double y = 0;
};

struct Rect {
    double x = 0;
    double y = 0;
    double w = 0;
    double h = 0;

    double right() const { return x + w; }
    double bottom() const { return y + h; }
    Point centre() const { return {x + w / 2, y + h / 2}; }
    bool contains(Point p) const { return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom(); }
    bool intersects(const Rect& o) const {
        return x <= o.right() && o.x <= right() && y <= o.bottom() && o.y <= bottom();
    }
    bool empty() const { return w <= 0 || h <= 0; }
    /// The smallest rectangle holding both (an empty rectangle is ignored).
    Rect united(const Rect& o) const {
        if (empty()) return o;
        if (o.empty()) return *this;
        double l = std::min(x, o.x), t = std::min(y, o.y);
        return {l, t, std::max(right(), o.right()) - l, std::max(bottom(), o.bottom()) - t};
    }
    Rect inflated(double d) const { return {x - d, y - d, w + 2 * d, h + 2 * d}; }
    /// Rectangle spanned by two corners in any order.
    static Rect spanning(Point a, Point b) {
        return {std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
    }
};

}  // namespace traza::gui
