#pragma once
// The overview (issue #17): a small map of the whole chain in the top-right
// corner of the canvas, with the window's view on it as a rectangle; a click
// or a drag on it moves the view there. No wx: the geometry only.
#include <optional>

#include "geometry.h"
#include "view_transform.h"

namespace traza::gui {

class OverviewMap {
public:
    /// For a window of `width` x `height` pixels showing `view` of a chain whose
    /// boxes cover `boxes` (the map adds the stage bands' margins). Nothing when
    /// the whole chain is in the window already, or the window is too small to
    /// spare the corner.
    static std::optional<OverviewMap> place(const Rect& boxes, const ViewTransform& view, double width, double height);
    /// What the map covers: the boxes and the stage bands around them.
    static Rect worldOf(const Rect& boxes) { return {boxes.x - 30, boxes.y - 56, boxes.w + 60, boxes.h + 80}; }

    /// The map's frame, in window pixels.
    const Rect& frame() const { return m_frame; }
    /// The chain's drawing inside the frame (the frame keeps the chain's proportions).
    Rect toMap(const Rect& world) const;
    Point toMap(Point world) const;
    /// The world point a pixel of the map stands for.
    Point toWorld(Point pixel) const;
    /// The view's rectangle on the map.
    Rect viewOnMap() const { return toMap(m_visible); }

private:
    Rect m_frame;
    Rect m_world;
    Rect m_visible;
    double m_scale = 1;  ///< map pixels per world unit
    Point m_offset;      ///< where the world's top-left lands in window pixels
};

}  // namespace traza::gui
