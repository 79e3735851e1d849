#include "legend.h"

#include <algorithm>

#include "error.h"

namespace traza::reports {

namespace {

const char* prefix(Legend::Group g) {
    switch (g) {
    case Legend::Group::RiskFactors: return "F";
    case Legend::Group::RiskReasons: return "R";
    case Legend::Group::BreakReason: return "B";
    default: return nullptr;
    }
}

}  // namespace

const std::string& Legend::code(Group g, const std::string& meaning) {
    if (meaning.empty()) return m_none;
    const char* p = prefix(g);
    if (!p) throw Error("report legend: group without numbered codes");
    std::lock_guard lock(m_mutex);
    auto& index = m_index[static_cast<int>(g)];
    auto [it, added] = index.try_emplace(meaning, m_entries.size());
    if (added) m_entries.push_back({g, p + std::to_string(index.size()), meaning, 0});
    Entry& e = m_entries[it->second];
    ++e.uses;
    return e.code;
}

const std::string& Legend::id(Group g, const std::string& id, const std::function<std::string()>& meaning) {
    if (id.empty()) return m_none;
    if (prefix(g)) throw Error("report legend: group of numbered codes used with an id");
    std::lock_guard lock(m_mutex);
    auto& index = m_index[static_cast<int>(g)];
    auto [it, added] = index.try_emplace(id, m_entries.size());
    if (added) m_entries.push_back({g, id, meaning(), 0});
    Entry& e = m_entries[it->second];
    ++e.uses;
    return e.code;
}

std::vector<const Legend::Entry*> Legend::entries() const {
    std::vector<const Entry*> out;
    out.reserve(m_entries.size());
    for (const Entry& e : m_entries) out.push_back(&e);
    // Stable: within a group, the order of first use (F1, F2, ...).
    std::stable_sort(out.begin(), out.end(), [](const Entry* a, const Entry* b) { return a->group < b->group; });
    return out;
}

}  // namespace traza::reports
