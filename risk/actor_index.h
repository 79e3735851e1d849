#pragma once
// Actor ids to vertices, for building the chain graph: an open-addressing
// table of vertex numbers keyed by the actors' ids, which are copied into one
// block of text so that a look-up touches the table and that block, never the
// actors themselves (66 000 of them do not fit in the cache; 170 000 look-ups
// would each miss it). The first actor wins on a duplicate id, as validation
// reports duplicates and the analysis must not fail on them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "project.h"

namespace traza::risk {

class ActorIndex {
public:
    static constexpr std::size_t kNone = SIZE_MAX;

    explicit ActorIndex(const std::vector<model::Actor>& actors);

    /// Position of the first actor with this id, or kNone.
    std::size_t find(std::string_view id) const;

private:
    struct Slot {
        std::uint32_t actor = 0;  ///< actor position + 1; 0 = empty
        std::uint32_t check = 0;  ///< high bits of the id's hash, compared before the text
    };
    static std::uint64_t hash(std::string_view id);
    std::string_view idOf(std::size_t actor) const {
        return {m_ids.data() + m_idStart[actor], m_idStart[actor + 1] - m_idStart[actor]};
    }

    std::string m_ids;                   ///< every actor's id, one after the other
    std::vector<std::size_t> m_idStart;  ///< per actor, into m_ids; one past the end last
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

}  // namespace traza::risk
