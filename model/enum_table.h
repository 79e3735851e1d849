#pragma once
// An enumeration's values beside their spellings in chain JSON and the file,
// one table per enumeration, and the three look-ups every such table needs.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace traza::model::enum_table {

template <typename E, std::size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

template <typename E, std::size_t N>
std::string_view nameOf(const Table<E, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse(const Table<E, N>& table, std::string_view text) {
    for (const auto& [v, name] : table)
        if (name == text) return v;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::vector<std::string_view> namesOf(const Table<E, N>& table) {
    std::vector<std::string_view> out;
    for (const auto& entry : table) out.push_back(entry.second);
    return out;
}

}  // namespace traza::model::enum_table
