#include "upstream.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <utility>

namespace traza::risk {
namespace {

// A set of tracked ids: a sorted vector while small, a bitset when large,
// and a single id without any allocation (60 000 picker groups pass on just
// themselves).
struct IdSet {
    static constexpr std::uint32_t kNoId = UINT32_MAX;
    std::uint32_t one = kNoId;  ///< the only id, when `ids` is empty and the set is not dense
    std::vector<std::uint32_t> ids;
    std::vector<std::uint64_t> bits;
    bool dense = false;

    template <typename F>
    void forEach(F f) const {
        if (!dense) {
            if (one != kNoId) f(one);
            for (std::uint32_t id : ids) f(id);
            return;
        }
        for (std::size_t w = 0; w < bits.size(); ++w)
            for (std::uint64_t word = bits[w]; word; word &= word - 1)
                f(static_cast<std::uint32_t>(w * 64 + std::countr_zero(word)));
    }
    void add(std::uint32_t id) {
        if (dense) {
            bits[id / 64] |= std::uint64_t{1} << (id % 64);
        } else if (one == kNoId && ids.empty()) {
            one = id;
        } else {
            if (one != kNoId) ids.push_back(std::exchange(one, kNoId));
            auto at = std::lower_bound(ids.begin(), ids.end(), id);
            if (at == ids.end() || *at != id) ids.insert(at, id);
        }
    }
    std::size_t size() const {
        if (!dense) return ids.size() + (one != kNoId);
        std::size_t c = 0;
        for (std::uint64_t w : bits) c += std::popcount(w);
        return c;
    }
};

}  // namespace

Upstream computeUpstream(const ChainGraph& chain) {
    const std::size_t n = chain.vertexCount();
    const auto& comps = chain.components();
    Upstream out;
    out.sources.assign(n, 0);
    out.headcount.assign(n, 0);

    // Tracked ids: sources and actors with a headcount.
    std::vector<long> tracked(n, -1);
    std::vector<char> trackedIsSource;
    std::vector<long long> trackedHeadcount;
    for (Vertex v = 0; v < n; ++v) {
        const int hc = std::max(0, chain.actor(v).headcount);
        if (!chain.isSource(v) && hc == 0) continue;
        tracked[v] = static_cast<long>(trackedIsSource.size());
        trackedIsSource.push_back(chain.isSource(v));
        trackedHeadcount.push_back(hc);
    }
    const std::size_t words = (trackedIsSource.size() + 63) / 64;

    // How many distinct downstream components will read each component's set.
    std::vector<std::size_t> readers(comps.size(), 0), stamp(comps.size(), SIZE_MAX);
    for (std::size_t c = 0; c < comps.size(); ++c)
        for (Vertex v : comps[c].members)
            for (std::size_t e : chain.outEdges(v)) {
                std::size_t d = chain.componentOf(chain.target(e));
                if (d != c && stamp[d] != c) {
                    stamp[d] = c;
                    ++readers[c];
                }
            }

    std::vector<IdSet> passed(comps.size());  // upstream set ∪ own tracked members
    std::fill(stamp.begin(), stamp.end(), SIZE_MAX);
    std::vector<std::size_t> preds;
    for (std::size_t c = 0; c < comps.size(); ++c) {
        preds.clear();
        std::size_t estimate = 0;
        for (Vertex v : comps[c].members)
            for (std::size_t e : chain.inEdges(v)) {
                std::size_t p = chain.componentOf(chain.source(e));
                if (p != c && stamp[p] != c) {
                    stamp[p] = c;
                    preds.push_back(p);
                    estimate += passed[p].dense ? words * 64 : passed[p].size();
                }
            }

        IdSet up;  // strictly upstream of the component
        if (estimate * 16 > trackedIsSource.size() && preds.size() > 1) {
            up.dense = true;
            up.bits.assign(words, 0);
            for (std::size_t p : preds) {
                if (passed[p].dense)
                    for (std::size_t w = 0; w < words; ++w) up.bits[w] |= passed[p].bits[w];
                else
                    passed[p].forEach([&](std::uint32_t id) { up.bits[id / 64] |= std::uint64_t{1} << (id % 64); });
            }
        } else if (preds.size() == 1) {
            // The only reader left takes the set over; otherwise a copy.
            up = readers[preds[0]] == 1 ? std::move(passed[preds[0]]) : passed[preds[0]];
        } else {
            for (std::size_t p : preds) passed[p].forEach([&](std::uint32_t id) { up.ids.push_back(id); });
            std::sort(up.ids.begin(), up.ids.end());
            up.ids.erase(std::unique(up.ids.begin(), up.ids.end()), up.ids.end());
        }

        // Counts for the members: upstream set plus, in a cycle, every member.
        int sources = 0;
        long long heads = 0;
        up.forEach([&](std::uint32_t id) {
            sources += trackedIsSource[id];
            heads += trackedHeadcount[id];
        });
        long long own = 0;
        for (Vertex v : comps[c].members) own += std::max(0, chain.actor(v).headcount);
        for (Vertex v : comps[c].members) {
            out.sources[v] = sources;
            out.headcount[v] = heads + own;
        }

        for (std::size_t p : preds)
            if (--readers[p] == 0) passed[p] = IdSet{};
        if (readers[c] > 0) {
            passed[c] = std::move(up);
            for (Vertex v : comps[c].members) {
                if (tracked[v] < 0) continue;
                passed[c].add(static_cast<std::uint32_t>(tracked[v]));
            }
        }
    }
    return out;
}

}  // namespace traza::risk
