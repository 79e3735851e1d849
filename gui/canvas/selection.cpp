#include "selection.h"

#include <unordered_set>

namespace traza::gui {

bool Selection::contains(const ItemRef& r) const {
    const auto& s = r.kind == ItemKind::Actor ? m_actors : m_flows;
    return s.count(r.id) > 0;
}

void Selection::clear() {
    if (empty()) return;
    m_actors.clear();
    m_flows.clear();
    m_primary.reset();
    changed.emit();
}

void Selection::set(const ItemRef& r) {
    if (m_primary == r && m_actors.size() + m_flows.size() == 1) return;
    m_actors.clear();
    m_flows.clear();
    setOf(r.kind).insert(r.id);
    m_primary = r;
    changed.emit();
}

void Selection::add(const ItemRef& r) {
    setOf(r.kind).insert(r.id);
    m_primary = r;
    changed.emit();
}

void Selection::toggle(const ItemRef& r) {
    auto& s = setOf(r.kind);
    if (s.erase(r.id) == 0) {
        s.insert(r.id);
        m_primary = r;
    }
    fixPrimary();
    changed.emit();
}

void Selection::assign(std::set<std::string> actors, std::set<std::string> flows) {
    m_actors = std::move(actors);
    m_flows = std::move(flows);
    fixPrimary();
    changed.emit();
}

void Selection::rename(const ItemRef& from, const std::string& newId) {
    auto& s = setOf(from.kind);
    if (s.erase(from.id) == 0) return;
    s.insert(newId);
    if (m_primary == from) m_primary->id = newId;
    changed.emit();
}

void Selection::prune(const model::Project& p) {
    if (m_actors.empty() && m_flows.empty()) return;  // every edit prunes: keep the usual case free
    std::unordered_set<std::string> actorIds, flowIds;
    for (const auto& a : p.actors) actorIds.insert(a.id);
    for (const auto& f : p.flows) flowIds.insert(f.id);
    std::size_t before = m_actors.size() + m_flows.size();
    std::erase_if(m_actors, [&](const std::string& id) { return !actorIds.count(id); });
    std::erase_if(m_flows, [&](const std::string& id) { return !flowIds.count(id); });
    if (before == m_actors.size() + m_flows.size()) return;
    fixPrimary();
    changed.emit();
}

void Selection::fixPrimary() {
    if (m_primary && contains(*m_primary)) return;
    m_primary.reset();
    if (!m_actors.empty()) m_primary = ItemRef{ItemKind::Actor, *m_actors.begin()};
    else if (!m_flows.empty()) m_primary = ItemRef{ItemKind::Flow, *m_flows.begin()};
}

}  // namespace traza::gui
