#pragma once
// Actor ids to vertices, for building the chain graph: an open-addressing
// table of vertex numbers keyed by the actors' own id strings (no node per
// actor, one short hash per look-up). The first actor wins on a duplicate id,
// as validation reports duplicates and the analysis must not fail on them.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "project.h"

namespace traza::risk {

class ActorIndex {
public:
    static constexpr std::size_t kNone = SIZE_MAX;

    /// Indexes `actors`, which must outlive the index and not change.
    explicit ActorIndex(const std::vector<model::Actor>& actors);

    /// Position of the first actor with this id, or kNone.
    std::size_t find(std::string_view id) const;

private:
    static std::uint64_t hash(std::string_view id);

    const std::vector<model::Actor>& m_actors;
    std::vector<std::uint32_t> m_slots;  ///< actor position + 1; 0 = empty
    std::size_t m_mask = 0;
};

}  // namespace traza::risk
