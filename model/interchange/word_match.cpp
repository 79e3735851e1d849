#include "word_match.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace traza::model {
namespace {

// The accented letters of Spanish, Portuguese and French in UTF-8 (2-byte forms
// U+00C0..U+00FF), folded to their base letter in lower case.
char foldLatin1(unsigned char second) {
    static const char kFold[64] = {
        'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // C0-CF
        'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   's',  // D0-DF
        'a', 'a', 'a', 'a', 'a', 'a', 'a', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',  // E0-EF
        'd', 'n', 'o', 'o', 'o', 'o', 'o', 0,   'o', 'u', 'u', 'u', 'u', 'y', 0,   'y',  // F0-FF
    };
    return second >= 0x80 && second <= 0xBF ? kFold[second - 0x80] : 0;
}

bool isSeparator(char c) { return c == ' ' || c == '\t' || c == '_' || c == '-' || c == '.' || c == '/' || c == '\n' || c == '\r'; }

std::string_view withoutBracketUnit(std::string_view s, std::string_view* unit) {
    std::size_t end = s.find_last_not_of(" \t");
    if (end == std::string_view::npos) return s;
    const char close = s[end];
    if (close != ')' && close != ']') return s;
    const std::size_t open = s.rfind(close == ')' ? '(' : '[', end);
    if (open == std::string_view::npos || open == 0) return s;
    if (unit) *unit = s.substr(open + 1, end - open - 1);
    return s.substr(0, open);
}

}  // namespace

std::string normaliseWord(std::string_view raw) {
    const std::string_view s = withoutBracketUnit(raw, nullptr);
    std::string out;
    out.reserve(s.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        char letter = 0;
        if (c == 0xC3 && i + 1 < s.size()) {
            letter = foldLatin1(static_cast<unsigned char>(s[i + 1]));
            if (letter) ++i;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ++i;  // no-break space
            pendingSpace = !out.empty();
            continue;
        }
        if (!letter) {
            if (isSeparator(static_cast<char>(c))) {
                pendingSpace = !out.empty();
                continue;
            }
            // ASCII only, without std::tolower's per-character locale lookup (the import normalises every enumeration cell).
            letter = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += letter;
    }
    return out;
}

std::string bracketUnit(std::string_view header) {
    std::string_view unit;
    withoutBracketUnit(header, &unit);
    return normaliseWord(unit);
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::vector<std::string> closestWords(std::string_view word, const std::vector<std::string>& known, std::size_t count) {
    const std::string w = normaliseWord(word);
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& k : known) {
        const std::size_t d = editDistance(w, normaliseWord(k));
        if (d * 2 <= std::max(w.size(), normaliseWord(k).size())) scored.emplace_back(d, k);
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (const auto& [d, k] : scored) {
        if (out.size() == count) break;
        if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    }
    return out;
}

}  // namespace traza::model
