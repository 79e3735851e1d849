#include "overview_map.h"

#include <algorithm>

namespace traza::gui {
namespace {
constexpr double kMaxW = 220, kMaxH = 150, kMargin = 10, kPad = 6;
}  // namespace

std::optional<OverviewMap> OverviewMap::place(const Rect& boxes, const ViewTransform& view, double width, double height) {
    const Rect world = worldOf(boxes);
    if (world.w <= 0 || world.h <= 0 || width < 3 * kMaxW || height < 2 * kMaxH) return std::nullopt;
    const Rect visible = view.visibleWorld(width, height);
    if (visible.x <= world.x && visible.y <= world.y && visible.right() >= world.right() && visible.bottom() >= world.bottom())
        return std::nullopt;
    OverviewMap m;
    m.m_world = world;
    m.m_visible = visible;
    m.m_scale = std::min((kMaxW - 2 * kPad) / world.w, (kMaxH - 2 * kPad) / world.h);
    const double w = world.w * m.m_scale + 2 * kPad, h = world.h * m.m_scale + 2 * kPad;
    m.m_frame = {width - w - kMargin - 14, kMargin, w, h};  // 14: clear of the vertical scrollbar's edge
    m.m_offset = {m.m_frame.x + kPad, m.m_frame.y + kPad};
    return m;
}

Point OverviewMap::toMap(Point p) const {
    return {m_offset.x + (p.x - m_world.x) * m_scale, m_offset.y + (p.y - m_world.y) * m_scale};
}

Rect OverviewMap::toMap(const Rect& r) const {
    const Point a = toMap(Point{r.x, r.y});
    return {a.x, a.y, r.w * m_scale, r.h * m_scale};
}

Point OverviewMap::toWorld(Point pixel) const {
    return {m_world.x + (pixel.x - m_offset.x) / m_scale, m_world.y + (pixel.y - m_offset.y) / m_scale};
}

}  // namespace traza::gui
