#include "row_order.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace traza::gui {
namespace {
constexpr std::size_t npos = static_cast<std::size_t>(-1);

// The base letter of each UTF-8 "C3 xx" character (U+00C0..U+00FF), lower case;
// '\0' keeps the character as it is (× and ÷).
constexpr char kLatin1Base[] = "aaaaaaaceeeeiiiidnooooo\0ouuuuyts" "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
}  // namespace

std::string foldForSearch(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF && kLatin1Base[next - 0x80] != '\0') {
                out.push_back(kLatin1Base[next - 0x80]);
                ++i;
                continue;
            }
        }
        out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c));
    }
    return out;
}

void RowOrder::rebuild(std::size_t records, int columns, const Filter& filter, const Sort& sort, const CellText& text,
                       const CellNumber& number) {
    m_rows.clear();
    m_rows.reserve(records);
    const std::string wanted = foldForSearch(filter.text);
    for (std::size_t r = 0; r < records; ++r) {
        bool keep = wanted.empty();
        for (int c = filter.column < 0 ? 0 : filter.column; !keep && c < (filter.column < 0 ? columns : filter.column + 1); ++c)
            keep = foldForSearch(text(r, c)).find(wanted) != std::string::npos;
        if (keep) m_rows.push_back(r);
    }
    if (sort.column >= 0 && sort.column < columns) {
        // Keys made once per row, not once per comparison.
        if (sort.numeric) {
            std::vector<double> key(records);
            for (std::size_t r : m_rows) key[r] = number(r, sort.column);
            std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::size_t a, std::size_t b) {
                return sort.ascending ? key[a] < key[b] : key[b] < key[a];
            });
        } else {
            std::vector<std::string> key(records);
            for (std::size_t r : m_rows) key[r] = foldForSearch(text(r, sort.column));
            std::stable_sort(m_rows.begin(), m_rows.end(), [&](std::size_t a, std::size_t b) {
                return sort.ascending ? key[a] < key[b] : key[b] < key[a];
            });
        }
    }
    m_rowOfRecord.assign(records, npos);
    for (std::size_t row = 0; row < m_rows.size(); ++row) m_rowOfRecord[m_rows[row]] = row;
}

std::optional<std::size_t> RowOrder::rowOf(std::size_t record) const {
    if (record >= m_rowOfRecord.size() || m_rowOfRecord[record] == npos) return std::nullopt;
    return m_rowOfRecord[record];
}

}  // namespace traza::gui
