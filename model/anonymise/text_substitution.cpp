#include "text_substitution.h"

#include <algorithm>

namespace traza::model {
namespace {

// Bytes of a word: ASCII letters and digits, '_' and '-' (ids use them) and every
// byte of a multi-byte UTF-8 character (letters such as "á").
bool wordByte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-' ||
           c >= 0x80;
}

}  // namespace

void TextSubstitution::add(std::string from, std::string to, Match match) {
    if (from.empty()) return;
    m_rules.push_back({std::move(from), std::move(to), match});
    m_indexed = false;
}

void TextSubstitution::index() const {
    std::stable_sort(m_rules.begin(), m_rules.end(),
                     [](const Rule& a, const Rule& b) { return a.from.size() > b.from.size(); });
    for (auto& bucket : m_byFirstByte) bucket.clear();
    for (const Rule& r : m_rules) m_byFirstByte[static_cast<unsigned char>(r.from[0])].push_back(&r);
    m_indexed = true;
}

std::string TextSubstitution::apply(const std::string& text) const {
    if (!m_indexed) index();
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const Rule* hit = nullptr;
        for (const Rule* rule : m_byFirstByte[static_cast<unsigned char>(text[i])]) {
            const Rule& r = *rule;
            if (text.compare(i, r.from.size(), r.from) != 0) continue;
            if (r.match == Match::WholeWord) {
                const std::size_t end = i + r.from.size();
                if (i > 0 && wordByte(static_cast<unsigned char>(text[i - 1]))) continue;
                if (end < text.size() && wordByte(static_cast<unsigned char>(text[end]))) continue;
            }
            hit = &r;
            break;
        }
        if (hit) {
            out += hit->to;
            i += hit->from.size();
        } else {
            out += text[i++];
        }
    }
    return out;
}

}  // namespace traza::model
