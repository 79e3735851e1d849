#include "edge_label_place.h"

#include <algorithm>

namespace traza::gui {

std::optional<Rect> placeEdgeLabel(const EdgeCurve& curve, double width, double height, const std::vector<Rect>& taken) {
    // From the middle outwards in steps of 0.05; the ends are inside the boxes the arrow joins.
    for (int k = 0; k <= 14; ++k) {
        const double t = 0.5 + (k % 2 ? -1 : 1) * 0.05 * ((k + 1) / 2);
        const Point p = curve.at(t);
        const Rect r{p.x - width / 2, p.y - height / 2, width, height};
        if (std::none_of(taken.begin(), taken.end(), [&](const Rect& o) { return o.intersects(r); })) return r;
    }
    return std::nullopt;
}

}  // namespace traza::gui
