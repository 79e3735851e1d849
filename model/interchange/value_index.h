#pragma once
// The enumeration and yes/no words of SpreadsheetWords, normalised once into
// hash tables for one import: a workbook of 300 000 flows looks up a million
// values, and normalising every known word again for each of them was a third
// of the import's time. Answers exactly as SpreadsheetWords::value and
// ::boolean do (same words, same order: the first word that matches wins).
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "catalogue.h"
#include "spreadsheet_words.h"

namespace traza::model {

class ValueIndex {
public:
    ValueIndex(const SpreadsheetWords&, const Catalogue&);
    /// As SpreadsheetWords::value; the file spelling, or nullptr.
    const std::string* value(Vocabulary, std::string_view text) const;
    /// As SpreadsheetWords::boolean.
    std::optional<bool> boolean(std::string_view text) const;

private:
    static constexpr int kVocabularies = static_cast<int>(Vocabulary::Typology) + 1;
    std::unordered_map<std::string, std::string> m_values[kVocabularies];  // normalised word -> file spelling
    std::unordered_map<std::string, bool> m_booleans;                      // normalised word -> value
};

}  // namespace traza::model
