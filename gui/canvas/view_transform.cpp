#include "view_transform.h"

#include <algorithm>

namespace traza::gui {

void ViewTransform::zoomAt(Point screen, double factor) {
    const Point anchor = toWorld(screen);
    m_scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    m_origin = {anchor.x - screen.x / m_scale, anchor.y - screen.y / m_scale};
}

void ViewTransform::panByPixels(double dx, double dy) {
    m_origin.x -= dx / m_scale;
    m_origin.y -= dy / m_scale;
}

void ViewTransform::fit(const Rect& world, double width, double height, double margin, double maxScale) {
    if (world.empty() || width <= 2 * margin || height <= 2 * margin) {
        m_origin = {world.x - margin, world.y - margin};
        return;
    }
    m_scale = std::clamp(std::min((width - 2 * margin) / world.w, (height - 2 * margin) / world.h), kMinScale, maxScale);
    const Point c = world.centre();
    m_origin = {c.x - width / 2 / m_scale, c.y - height / 2 / m_scale};
}

void ViewTransform::fitReadable(const Rect& world, double width, double height, double readableScale, double margin,
                                double maxScale) {
    fit(world, width, height, margin, maxScale);
    if (world.empty() || width <= 2 * margin || height <= 2 * margin || m_scale >= readableScale) return;
    m_scale = std::clamp((width - 2 * margin) / world.w, m_scale, std::min(1.0, maxScale));
    m_origin = {world.centre().x - width / 2 / m_scale, world.y - margin / m_scale};
}

}  // namespace traza::gui
