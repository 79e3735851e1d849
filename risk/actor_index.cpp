#include "actor_index.h"

#include <bit>

namespace traza::risk {

ActorIndex::ActorIndex(const std::vector<model::Actor>& actors) {
    m_idStart.reserve(actors.size() + 1);
    m_idStart.push_back(0);
    for (const model::Actor& a : actors) {
        m_ids += a.id;
        m_idStart.push_back(m_ids.size());
    }
    // At most half full, so probes stay short.
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, actors.size() * 2));
    m_slots.assign(size, Slot{});
    m_mask = size - 1;
    for (std::size_t i = 0; i < actors.size(); ++i) {
        const std::string_view id = idOf(i);
        const std::uint64_t h = hash(id);
        const auto check = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t s = h & m_mask;; s = (s + 1) & m_mask) {
            if (m_slots[s].actor == 0) {
                m_slots[s] = {static_cast<std::uint32_t>(i + 1), check};
                break;
            }
            if (m_slots[s].check == check && idOf(m_slots[s].actor - 1) == id) break;  // a duplicate: the first stays
        }
    }
}

std::size_t ActorIndex::find(std::string_view id) const {
    const std::uint64_t h = hash(id);
    const auto check = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t s = h & m_mask;; s = (s + 1) & m_mask) {
        const Slot slot = m_slots[s];
        if (slot.actor == 0) return kNone;
        if (slot.check == check && idOf(slot.actor - 1) == id) return slot.actor - 1;
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
