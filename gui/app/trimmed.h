#pragma once
// What a user typed into an editor cell, without the spaces and line breaks
// around it (the checklist and goals editors read their fields through it).
#include <string>
#include <string_view>

namespace traza::gui {

inline std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

}  // namespace traza::gui
