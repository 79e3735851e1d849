#include "chain_commands.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "error.h"
#include "validation.h"

namespace traza::model {
namespace {

const Catalogue* catalogueOf(const Project& p) { return p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue; }

template <typename T>
std::size_t indexOf(const std::vector<T>& v, const T* item) {
    return static_cast<std::size_t>(item - v.data());
}

// Removes every element matching `pred`, remembering where each stood.
template <typename T, typename Pred>
std::vector<std::pair<std::size_t, T>> extract(std::vector<T>& v, Pred pred) {
    std::vector<std::pair<std::size_t, T>> taken;
    std::vector<T> kept;
    kept.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (pred(v[i])) taken.emplace_back(i, std::move(v[i]));
        else kept.push_back(std::move(v[i]));
    }
    v = std::move(kept);
    return taken;
}

// Puts extracted elements back at their old positions (ascending order).
template <typename T>
void restore(std::vector<T>& v, const std::vector<std::pair<std::size_t, T>>& taken) {
    for (const auto& [i, item] : taken) v.insert(v.begin() + static_cast<long>(std::min(i, v.size())), item);
}

void checkFlowEnds(const Project& p, const Flow& f) {
    if (!p.findActor(f.from)) throw InvalidInput("from", "no actor has id \"" + f.from + "\"");
    if (!p.findActor(f.to)) throw InvalidInput("to", "no actor has id \"" + f.to + "\"");
}

}  // namespace

void AddActor::apply(Project& p) {
    throwIfInvalid(validateActor(m_actor, "", catalogueOf(p)));
    if (p.findActor(m_actor.id) || p.findFlow(m_actor.id)) throw InvalidInput("id", "\"" + m_actor.id + "\" is already used");
    p.actors.push_back(m_actor);
}

void AddActor::revert(Project& p) {
    extract(p.actors, [&](const Actor& a) { return a.id == m_actor.id; });
}

void RemoveActor::apply(Project& p) {
    const Actor* a = p.findActor(m_id);
    if (!a) throw InvalidInput("id", "no actor has id \"" + m_id + "\"");
    m_index = indexOf(p.actors, a);
    m_actor = *a;
    p.actors.erase(p.actors.begin() + static_cast<long>(m_index));
    m_flows = extract(p.flows, [&](const Flow& f) { return f.from == m_id || f.to == m_id; });
    m_checklists = extract(p.checklists, [&](const Checklist& c) { return c.scope == m_id; });
    m_goals = extract(p.goals, [&](const Goal& g) { return g.actor == m_id || g.buyer == m_id; });
    m_supports = extract(p.supports, [&](const Support& s) { return s.actor == m_id; });
}

void RemoveActor::revert(Project& p) {
    p.actors.insert(p.actors.begin() + static_cast<long>(std::min(m_index, p.actors.size())), m_actor);
    restore(p.flows, m_flows);
    restore(p.checklists, m_checklists);
    restore(p.goals, m_goals);
    restore(p.supports, m_supports);
}

void UpdateActor::apply(Project& p) {
    const Actor* current = p.findActor(m_id);
    if (!current) throw InvalidInput("id", "no actor has id \"" + m_id + "\"");
    throwIfInvalid(validateActor(m_new, "", catalogueOf(p)));
    if (m_new.id != m_id && (p.findActor(m_new.id) || p.findFlow(m_new.id)))
        throw InvalidInput("id", "\"" + m_new.id + "\" is already used");
    m_old = *current;
    write(p, m_id, m_new);
}

void UpdateActor::revert(Project& p) { write(p, m_new.id, m_old); }

void UpdateActor::write(Project& p, const std::string& fromId, const Actor& a) {
    *p.findActor(fromId) = a;
    if (fromId == a.id) return;
    for (Flow& f : p.flows) {
        if (f.from == fromId) f.from = a.id;
        if (f.to == fromId) f.to = a.id;
    }
    for (Checklist& c : p.checklists)
        if (c.scope == fromId) c.scope = a.id;
    for (Goal& g : p.goals) {
        if (g.actor == fromId) g.actor = a.id;
        if (g.buyer == fromId) g.buyer = a.id;
    }
    for (Support& s : p.supports)
        if (s.actor == fromId) s.actor = a.id;
}

// A layout moves every actor at once: one id index per call, not a linear
// search per actor (66 000 actors took minutes that way).
static std::unordered_map<std::string_view, Actor*> actorsById(Project& p) {
    std::unordered_map<std::string_view, Actor*> byId;
    byId.reserve(p.actors.size());
    for (Actor& a : p.actors) byId.emplace(a.id, &a);
    return byId;
}

void MoveActors::apply(Project& p) {
    const auto byId = actorsById(p);
    for (const ActorPosition& to : m_to)
        if (!byId.count(to.id)) throw InvalidInput("id", "no actor has id \"" + to.id + "\"");
    m_from.clear();
    m_from.reserve(m_to.size());
    for (const ActorPosition& to : m_to) {
        Actor* a = byId.at(to.id);
        m_from.push_back({a->hasPosition, {a->id, a->x, a->y}});
        a->hasPosition = true;
        a->x = to.x;
        a->y = to.y;
    }
}

void MoveActors::revert(Project& p) {
    const auto byId = actorsById(p);
    for (const auto& [had, pos] : m_from) {
        Actor* a = byId.at(pos.id);
        a->hasPosition = had;
        a->x = pos.x;
        a->y = pos.y;
    }
}

void AddFlow::apply(Project& p) {
    throwIfInvalid(validateFlow(m_flow, "", catalogueOf(p)));
    checkFlowEnds(p, m_flow);
    if (p.findFlow(m_flow.id) || p.findActor(m_flow.id)) throw InvalidInput("id", "\"" + m_flow.id + "\" is already used");
    p.flows.push_back(m_flow);
}

void AddFlow::revert(Project& p) {
    extract(p.flows, [&](const Flow& f) { return f.id == m_flow.id; });
}

void RemoveFlow::apply(Project& p) {
    const Flow* f = p.findFlow(m_id);
    if (!f) throw InvalidInput("id", "no flow has id \"" + m_id + "\"");
    m_index = indexOf(p.flows, f);
    m_flow = *f;
    p.flows.erase(p.flows.begin() + static_cast<long>(m_index));
}

void RemoveFlow::revert(Project& p) {
    p.flows.insert(p.flows.begin() + static_cast<long>(std::min(m_index, p.flows.size())), m_flow);
}

void UpdateFlow::apply(Project& p) {
    const Flow* current = p.findFlow(m_id);
    if (!current) throw InvalidInput("id", "no flow has id \"" + m_id + "\"");
    throwIfInvalid(validateFlow(m_new, "", catalogueOf(p)));
    checkFlowEnds(p, m_new);
    if (m_new.id != m_id && (p.findFlow(m_new.id) || p.findActor(m_new.id)))
        throw InvalidInput("id", "\"" + m_new.id + "\" is already used");
    m_old = *current;
    *p.findFlow(m_id) = m_new;
}

void UpdateFlow::revert(Project& p) { *p.findFlow(m_new.id) = m_old; }

}  // namespace traza::model
