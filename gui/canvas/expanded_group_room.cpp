#include "expanded_group_room.h"

#include <algorithm>
#include <map>
#include <string>

namespace traza::gui {
namespace {

// Picker-group boxes are drawn as a stack reaching 8 units above their box:
// boxes nearer than that look overlapped.
constexpr double kTouching = 8;

// One thing that moves as a whole: a single box, or an expanded group's boxes.
struct Block {
    std::vector<std::size_t> nodes;
    Rect box;  ///< the union of the nodes' boxes
};

bool sameColumn(const Rect& a, const Rect& b) { return a.x < b.right() && b.x < a.right(); }

}  // namespace

void makeRoomForExpandedGroups(std::vector<SceneNode>& nodes) {
    std::map<std::string, Block> groups;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (!nodes[i].expandedGroupOf.empty()) {
            Block& b = groups[nodes[i].expandedGroupOf];
            b.nodes.push_back(i);
            b.box = b.box.united(nodes[i].box);
        }
    if (groups.empty()) return;

    // The lane: every box sharing a column with a group, and the boxes sharing
    // a column with those (columns of a hand-made layout need not line up).
    std::vector<Block> blocks;
    std::vector<bool> taken(nodes.size(), false);
    for (auto& [org, b] : groups) {
        for (std::size_t i : b.nodes) taken[i] = true;
        blocks.push_back(std::move(b));
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (taken[i]) continue;
            const bool inLane = std::any_of(blocks.begin(), blocks.end(),
                                            [&](const Block& b) { return sameColumn(b.box, nodes[i].box); });
            if (!inLane) continue;
            taken[i] = true;
            blocks.push_back({{i}, nodes[i].box});
            grew = true;
        }
    }

    // In the order the blocks stand (by their middles: a group's grid reaches far
    // above its organisation), each goes just below any earlier block it overlaps.
    std::stable_sort(blocks.begin(), blocks.end(),
                     [](const Block& a, const Block& b) { return a.box.centre().y < b.box.centre().y; });
    for (std::size_t k = 0; k < blocks.size(); ++k) {
        Block& b = blocks[k];
        double dy = 0;
        for (bool moved = true; moved;) {
            moved = false;
            for (std::size_t j = 0; j < k; ++j) {
                const Rect& above = blocks[j].box;
                const double top = b.box.y + dy;
                if (!sameColumn(above, b.box) || top >= above.bottom() + kTouching || above.y >= top + b.box.h + kTouching)
                    continue;
                dy = above.bottom() + kPushedGap - b.box.y;
                moved = true;
            }
        }
        if (dy == 0) continue;
        b.box.y += dy;
        for (std::size_t i : b.nodes) nodes[i].box.y += dy;
    }
}

}  // namespace traza::gui
