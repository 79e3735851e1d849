#include "actor_index.h"

#include <bit>

namespace traza::risk {

ActorIndex::ActorIndex(const std::vector<model::Actor>& actors) : m_actors(actors) {
    // At most half full, so probes stay short.
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, actors.size() * 2));
    m_slots.assign(size, 0);
    m_mask = size - 1;
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const std::string_view id = actors[i].id;
        for (std::size_t s = hash(id) & m_mask;; s = (s + 1) & m_mask) {
            if (m_slots[s] == 0) {
                m_slots[s] = static_cast<std::uint32_t>(i + 1);
                break;
            }
            if (m_actors[m_slots[s] - 1].id == id) break;  // a duplicate id: the first stays
        }
    }
}

std::size_t ActorIndex::find(std::string_view id) const {
    for (std::size_t s = hash(id) & m_mask;; s = (s + 1) & m_mask) {
        const std::uint32_t slot = m_slots[s];
        if (slot == 0) return kNone;
        if (m_actors[slot - 1].id == id) return slot - 1;
    }
}

// FNV-1a, then the high bits folded down: ids are short and often differ only
// in their last digits.
std::uint64_t ActorIndex::hash(std::string_view id) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    return h ^ (h >> 29);
}

}  // namespace traza::risk
