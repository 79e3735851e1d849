#include "locale_number.h"

#include <charconv>

namespace traza::model {
std::optional<double> parseLocaleNumber(std::string_view text, DecimalMark mark, std::string* whyNot) {
    std::string t(text);
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(0, 1);
    if (mark == DecimalMark::Comma) {
        std::string u;
        for (char c : t) if (c != '.') u += (c == ',' ? '.' : c);
        t = u;
    }
    double v = 0;
    const char* first = t.data() + (!t.empty() && t[0] == '+' ? 1 : 0);
    auto [end, ec] = std::from_chars(first, t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size() || t.empty()) {
        if (whyNot) *whyNot = "";
        return std::nullopt;
    }
    return v;
}
}  // namespace traza::model
