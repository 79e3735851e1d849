#include "chain_layout.h"

#include <algorithm>
#include <limits>

#include "command.h"

namespace traza::gui {

bool needsInitialLayout(const model::Project& p) {
    const auto placed = std::count_if(p.actors.begin(), p.actors.end(), [](const model::Actor& a) { return a.hasPosition; });
    return !p.actors.empty() && static_cast<std::size_t>(placed) * 2 < p.actors.size();
}

std::vector<model::ActorPosition> computeLayout(const ChainScene& scene, Point origin, const LayoutOptions& opt) {
    std::vector<LayoutNode> nodes;
    nodes.reserve(scene.nodes().size());
    for (const SceneNode& n : scene.nodes()) nodes.push_back({n.id + (n.kind == NodeKind::PickerGroup ? "\x1fgroup" : ""), n.stage, n.box.w, n.box.h});
    std::vector<LayoutEdge> edges;
    edges.reserve(scene.edges().size());
    for (const SceneEdge& e : scene.edges()) edges.push_back({nodes[e.from].id, nodes[e.to].id, e.tonnes});

    const LayoutResult placed = layoutLayered(nodes, edges, opt);
    // Shift so the drawing's top-left corner sits at `origin`.
    double left = std::numeric_limits<double>::max(), top = left;
    for (const LayoutNode& n : nodes) {
        const Point c = placed.at(n.id);
        left = std::min(left, c.x - n.width / 2);
        top = std::min(top, c.y - n.height / 2);
    }
    std::vector<model::ActorPosition> out;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (scene.nodes()[i].kind != NodeKind::Actor) continue;
        const Point c = placed.at(nodes[i].id);
        out.push_back({scene.nodes()[i].id, c.x - left + origin.x, c.y - top + origin.y});
    }
    return out;
}

std::unique_ptr<model::Command> makeLayoutCommand(std::vector<model::ActorPosition> positions) {
    auto c = std::make_unique<model::CompositeCommand>("Layout chain");
    c->add(std::make_unique<model::MoveActors>(std::move(positions)));
    return c;
}

}  // namespace traza::gui
