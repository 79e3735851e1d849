#pragma once
// Zoom and pan of the canvas: world units <-> window pixels. No wx.
#include "geometry.h"

namespace traza::gui {

class ViewTransform {
public:
    static constexpr double kMinScale = 0.02;
    static constexpr double kMaxScale = 4.0;

    double scale() const { return m_scale; }
    /// The world point shown at the window's top-left pixel.
    Point origin() const { return m_origin; }
    void setOrigin(Point o) { m_origin = o; }

    Point toWorld(Point screen) const { return {m_origin.x + screen.x / m_scale, m_origin.y + screen.y / m_scale}; }
    Point toScreen(Point world) const { return {(world.x - m_origin.x) * m_scale, (world.y - m_origin.y) * m_scale}; }
    /// The world rectangle a window of this size shows.
    Rect visibleWorld(double width, double height) const { return {m_origin.x, m_origin.y, width / m_scale, height / m_scale}; }

    /// Multiply the scale by `factor` (clamped), keeping the world point under `screen` in place.
    void zoomAt(Point screen, double factor);
    /// Move the view by a drag of (dx, dy) pixels (content follows the mouse).
    void panByPixels(double dx, double dy);
    /// Show all of `world` in a window of this size, never enlarging past `maxScale`.
    void fit(const Rect& world, double width, double height, double margin = 30, double maxScale = 1.25);
    /// The first view of a chain: fit() when that keeps the drawing at `readableScale`
    /// or more; otherwise (a national chain is a tall sliver at fit) fit the width,
    /// at most 1:1 and at least what fit() gives, at the top of the drawing, where
    /// the column layout starts every stage (graph_layout.h).
    void fitReadable(const Rect& world, double width, double height, double readableScale, double margin = 30,
                     double maxScale = 1.25);

private:
    double m_scale = 1.0;
    Point m_origin{0, 0};
};

}  // namespace traza::gui
