#include "chain_search.h"

#include <algorithm>

#include "row_order.h"

namespace traza::gui {
namespace {
bool holds(const std::string& field, const std::string& folded) {
    return !field.empty() && foldForSearch(field).find(folded) != std::string::npos;
}
}  // namespace

std::vector<ItemRef> searchChain(const model::Project& p, const std::string& query) {
    std::vector<ItemRef> hits;
    const std::string folded = foldForSearch(query);
    if (std::all_of(folded.begin(), folded.end(), [](char c) { return c == ' ' || c == '\t'; })) return hits;
    for (const model::Actor& a : p.actors)
        if (holds(a.id, folded) || holds(a.name, folded) || holds(a.region, folded) || holds(a.notes, folded))
            hits.push_back({ItemKind::Actor, a.id});
    for (const model::Flow& f : p.flows)
        if (holds(f.id, folded) || holds(f.material, folded) || holds(f.notes, folded)) hits.push_back({ItemKind::Flow, f.id});
    return hits;
}

void SearchCursor::reset(std::vector<ItemRef> hits) {
    m_hits = std::move(hits);
    m_current = -1;
}

void SearchCursor::resume(const ItemRef& hit) {
    auto it = std::find(m_hits.begin(), m_hits.end(), hit);
    if (it != m_hits.end()) m_current = static_cast<int>(it - m_hits.begin());
}

const ItemRef* SearchCursor::next() {
    if (m_hits.empty()) return nullptr;
    m_current = (m_current + 1) % static_cast<int>(m_hits.size());
    return &m_hits[static_cast<std::size_t>(m_current)];
}

const ItemRef* SearchCursor::previous() {
    if (m_hits.empty()) return nullptr;
    const int n = static_cast<int>(m_hits.size());
    m_current = m_current < 0 ? n - 1 : (m_current + n - 1) % n;
    return &m_hits[static_cast<std::size_t>(m_current)];
}

}  // namespace traza::gui
