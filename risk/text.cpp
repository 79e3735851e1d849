#include "text.h"

#include "sentence.h"

#include <algorithm>
#include <cmath>
#include <charconv>

namespace traza::risk {

std::string Text::number(double x, int decimals) const {
    if (!std::isfinite(x)) return "?";
    char buf[400];  // fixed notation of the largest double fits
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::fixed, decimals);
    if (ec != std::errc()) return "?";
    std::string s(buf, end);
    if (s == "-0.0" || s == "-0.00") s = s.substr(1);
    if (m_es)
        for (char& c : s)
            if (c == '.') c = ',';
    return s;
}

std::string Text::tonnes(double t) const { return number(t, std::fabs(t) < 1 && t != 0 ? 2 : 1); }

std::string Text::percent(double share) const {
    std::string p = number(share * 100, 1);
    return m_es ? p + " %" : p + "%";
}

std::string Text::list(const std::vector<std::string>& items, std::size_t limit) const {
    const std::string conj = m_es ? " y " : " and ";
    std::size_t shown = std::min(items.size(), limit);
    std::string out;
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) out += (i + 1 == shown && shown == items.size()) ? conj : ", ";
        out += items[i];
    }
    if (shown < items.size())
        out += conj + std::to_string(items.size() - shown) + (m_es ? " más" : " more");
    return out;
}

std::string fillTemplate(const std::string& pattern, const TemplateValues& values) {
    std::string out;
    out.reserve(pattern.size() + 48);
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string::npos) break;
        const std::size_t close = pattern.find('}', open);
        if (close == std::string::npos) break;
        out.append(pattern, i, open - i);
        const std::string_view key(pattern.data() + open + 1, close - open - 1);
        auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == key; });
        if (it != values.end())
            out += it->second;
        else
            out.append(pattern, open, close - open + 1);  // unknown keys stay
        i = close + 1;
    }
    out.append(pattern, i, std::string::npos);
    return out;
}

namespace {
// Finished words, shared by every copy.
class FixedText final : public SentenceSource {
public:
    explicit FixedText(std::string text) : m_text(std::move(text)) {}
    std::string render() const override { return m_text; }

private:
    std::string m_text;
};
}  // namespace

Sentence::Sentence(std::string text) : m_source(std::make_shared<const FixedText>(std::move(text))) {}

std::vector<std::string> texts(const std::vector<Sentence>& sentences) {
    std::vector<std::string> out;
    out.reserve(sentences.size());
    for (const Sentence& s : sentences) out.push_back(s.text());
    return out;
}

}  // namespace traza::risk
