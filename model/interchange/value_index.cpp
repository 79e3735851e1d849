#include "value_index.h"

#include "word_match.h"

namespace traza::model {

ValueIndex::ValueIndex(const SpreadsheetWords& words, const Catalogue& catalogue) {
    for (int v = 0; v < kVocabularies; ++v) {
        auto& table = m_values[v];
        // emplace keeps the first id of a word, as the first match wins in SpreadsheetWords::value.
        words.forEachValueWord(static_cast<Vocabulary>(v), catalogue, [&table](std::string_view word, const std::string& id) {
            if (std::string key = normaliseWord(word); !key.empty()) table.emplace(std::move(key), id);
            return false;
        });
    }
    words.forEachBooleanWord([this](std::string_view word, bool value) {
        m_booleans.emplace(normaliseWord(word), value);
        return false;
    });
}

const std::string* ValueIndex::value(Vocabulary vocabulary, std::string_view text) const {
    const std::string t = normaliseWord(text);
    if (t.empty()) return nullptr;
    const auto& table = m_values[static_cast<int>(vocabulary)];
    auto it = table.find(t);
    return it == table.end() ? nullptr : &it->second;
}

std::optional<bool> ValueIndex::boolean(std::string_view text) const {
    auto it = m_booleans.find(normaliseWord(text));
    if (it == m_booleans.end()) return std::nullopt;
    return it->second;
}

}  // namespace traza::model
