#include "order_keys.h"

#include <algorithm>
#include <map>
#include <optional>

namespace traza::model {
namespace {

using Item = std::pair<const ObjectKey*, ObjectRow*>;

// The rows of `kind`, in the order they are read: by key, then id.
template <typename Rows, typename Out>
std::vector<Out> listInOrder(Rows& rows, const std::string& kind) {
    std::vector<Out> items;
    for (auto it = rows.lower_bound({kind, ""}); it != rows.end() && it->first.first == kind; ++it)
        items.push_back({&it->first, &it->second});
    std::sort(items.begin(), items.end(), [](const Out& a, const Out& b) {
        return a.second->ordinal != b.second->ordinal ? a.second->ordinal < b.second->ordinal : a.first->second < b.first->second;
    });
    return items;
}

// Marks the longest subsequence whose held keys strictly rise (patience
// sorting): those objects keep their keys, so a move writes the moved row only.
std::vector<bool> longestRising(const std::vector<std::optional<std::int64_t>>& held) {
    std::vector<std::size_t> tails;  // tails[k]: index ending the best rising run of length k+1
    std::vector<std::size_t> before(held.size(), held.size());
    for (std::size_t i = 0; i < held.size(); ++i) {
        if (!held[i]) continue;
        const auto at = std::lower_bound(tails.begin(), tails.end(), *held[i],
                                         [&](std::size_t t, std::int64_t key) { return *held[t] < key; });
        if (at != tails.begin()) before[i] = *(at - 1);
        if (at == tails.end()) tails.push_back(i);
        else *at = i;
    }
    std::vector<bool> kept(held.size(), false);
    for (std::size_t i = tails.empty() ? held.size() : tails.back(); i < held.size(); i = before[i]) kept[i] = true;
    return kept;
}

// Keys for one group's items, in order; false when two neighbours leave no room.
bool assignGroup(const ObjectRows& held, const std::vector<Item>& items) {
    std::vector<std::optional<std::int64_t>> old(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        if (const auto it = held.find(*items[i].first); it != held.end()) old[i] = it->second.ordinal;
    const std::vector<bool> kept = longestRising(old);
    std::vector<std::int64_t> keys(items.size());
    std::int64_t low = 0;
    for (std::size_t i = 0; i < items.size();) {
        if (kept[i]) {
            low = keys[i] = *old[i];
            ++i;
            continue;
        }
        // A run of moved or new objects between two kept ones (or the list's end).
        std::size_t end = i;
        while (end < items.size() && !kept[end]) ++end;
        const auto count = static_cast<std::int64_t>(end - i);
        const std::int64_t high = end < items.size() ? *old[end] : low + (count + 1) * kOrderGap;
        const std::int64_t step = (high - low) / (count + 1);
        if (step < 1) return false;
        for (std::int64_t k = 0; k < count; ++k) keys[i + static_cast<std::size_t>(k)] = low + step * (k + 1);
        i = end;
    }
    for (std::size_t i = 0; i < items.size(); ++i) items[i].second->ordinal = keys[i];
    return true;
}

}  // namespace

std::vector<std::string> assignOrderKeys(const ObjectRows& held, ObjectRows& after) {
    std::vector<std::string> exhausted;
    for (const std::string& kind : listKinds()) {
        // Records count their order within their flow only (ObjectRow::group).
        std::map<std::string, std::vector<Item>> groups;
        for (const Item& item : listInOrder<ObjectRows, Item>(after, kind)) groups[item.second->group].push_back(item);
        std::vector<std::pair<ObjectRow*, std::int64_t>> fresh;  // to undo a failed assignment
        for (const auto& [group, items] : groups)
            for (const Item& item : items) fresh.emplace_back(item.second, item.second->ordinal);
        bool room = true;
        for (const auto& [group, items] : groups) room = room && assignGroup(held, items);
        if (room) continue;
        // Leave the list as numbered afresh.
        for (const auto& [row, ordinal] : fresh) row->ordinal = ordinal;
        exhausted.push_back(kind);
    }
    return exhausted;
}

ObjectRows renumberedList(const ObjectRows& rows, const std::string& kind) {
    using ConstItem = std::pair<const ObjectKey*, const ObjectRow*>;
    ObjectRows out;
    const std::vector<ConstItem> items = listInOrder<const ObjectRows, ConstItem>(rows, kind);
    for (std::size_t i = 0; i < items.size(); ++i) {
        ObjectRow row = *items[i].second;
        row.ordinal = static_cast<std::int64_t>(i + 1) * kOrderGap;
        out.emplace(*items[i].first, std::move(row));
    }
    return out;
}

}  // namespace traza::model
