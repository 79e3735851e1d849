#include "evidence_key_place.h"

#include <algorithm>

namespace traza::gui {

bool keyCoversBoxes(const ChainScene& scene, const ViewTransform& view, const Rect& key) {
    const Point a = view.toWorld({key.x, key.y}), b = view.toWorld({key.right(), key.bottom()});
    return !scene.nodesIn(Rect::spanning(a, b)).empty();
}

Rect placeEvidenceKey(const ChainScene& scene, const ViewTransform& view, double width, double height, double keyWidth,
                      double keyHeight) {
    const Rect left{kKeyMargin, height - keyHeight - kKeyMargin, keyWidth, keyHeight};
    const Rect right{width - keyWidth - kKeyMargin, left.y, keyWidth, keyHeight};
    if (!keyCoversBoxes(scene, view, left) || right.x < left.right()) return left;
    return keyCoversBoxes(scene, view, right) ? left : right;
}

ViewTransform fitBesideKey(const ChainScene& scene, const Rect& content, double width, double height, double keyWidth,
                           double keyHeight, double readableScale) {
    ViewTransform whole;
    whole.fitReadable(content, width, height, readableScale);
    auto free = [&](const ViewTransform& v) {
        const Rect key = placeEvidenceKey(scene, v, width, height, keyWidth, keyHeight);
        return !keyCoversBoxes(scene, v, key);
    };
    if (free(whole)) return whole;
    // Beside the key: the drawing in the window right of it. Above it: in the window over it.
    const double besideWidth = width - keyWidth - kKeyMargin, aboveHeight = height - keyHeight - kKeyMargin;
    ViewTransform beside, above;
    beside.fitReadable(content, besideWidth, height, readableScale);
    beside.setOrigin({beside.origin().x - (keyWidth + kKeyMargin) / beside.scale(), beside.origin().y});
    above.fitReadable(content, width, aboveHeight, readableScale);
    const double needed = std::min(readableScale, whole.scale());
    const ViewTransform* best = nullptr;
    for (const ViewTransform* v : {&beside, &above})
        if (v->scale() >= needed - 1e-9 && free(*v) && (!best || v->scale() > best->scale())) best = v;
    return best ? *best : whole;
}

}  // namespace traza::gui
