#include "chain_focus.h"

#include <deque>
#include <unordered_map>
#include <vector>

namespace traza::gui {

ActorSet neighbourhood(const model::Project& p, const ActorSet& from, FocusDirection direction, int hops) {
    // Breadth first over the flows, by distance, so `hops` cuts at the right ring.
    std::unordered_map<std::string_view, std::vector<std::string_view>> next;
    const bool up = direction != FocusDirection::Downstream, down = direction != FocusDirection::Upstream;
    for (const model::Flow& f : p.flows) {
        if (down) next[f.from].push_back(f.to);
        if (up) next[f.to].push_back(f.from);
    }
    ActorSet seen;
    std::deque<std::pair<std::string_view, int>> queue;
    for (const std::string& id : from)
        if (p.findActor(id) && seen.insert(id).second) queue.emplace_back(*seen.find(id), 0);
    while (!queue.empty()) {
        const auto [id, distance] = queue.front();
        queue.pop_front();
        if (hops > 0 && distance >= hops) continue;
        const auto it = next.find(id);
        if (it == next.end()) continue;
        for (std::string_view n : it->second) {
            auto [at, fresh] = seen.emplace(n);
            if (fresh) queue.emplace_back(*at, distance + 1);
        }
    }
    return seen;
}

ActorSet ruleActors(const model::Project& p, const risk::Analysis& a, const std::string& rule) {
    ActorSet actors;
    for (const risk::RedFlag& flag : a.redFlags) {
        if (flag.rule != rule) continue;
        if (!flag.actor.empty() && p.findActor(flag.actor)) actors.insert(flag.actor);
        if (const model::Flow* f = flag.flow.empty() ? nullptr : p.findFlow(flag.flow)) {
            actors.insert(f->from);
            actors.insert(f->to);
        }
    }
    return actors;
}

model::Project focusedProject(const model::Project& p, const ActorSet& actors) {
    model::Project out;
    out.assessment = p.assessment;
    out.catalogue = p.catalogue;
    for (const model::Actor& a : p.actors)
        if (actors.count(a.id)) out.actors.push_back(a);
    for (const model::Flow& f : p.flows)
        if (actors.count(f.from) && actors.count(f.to)) out.flows.push_back(f);
    return out;
}

}  // namespace traza::gui
