#pragma once
// Which separator a CSV text uses. Excel writes ',' in an English locale, ';'
// where the comma is the decimal mark (Spanish, Portuguese, French, German...),
// TAB for "Unicode text"; '|' turns up in exports from other systems.
// Depends on the standard library only.
#include <cstddef>
#include <string>
#include <string_view>

namespace traza::model {

/// The separators tried, in the order that breaks a tie: ',' ';' TAB '|'.
inline constexpr std::string_view kCsvSeparators = ",;\t|";

/// How many records (the header included) detection looks at.
inline constexpr std::size_t kSeparatorSampleRecords = 20;

/// The separator of a UTF-8 CSV text. For each candidate the first
/// kSeparatorSampleRecords non-blank records are split, respecting double
/// quotes (a separator or line break inside quotes does not count). A candidate
/// must split the header (the first record) into two fields or more; among those,
/// the one whose sampled records most often have the header's field count wins;
/// then the one giving more header fields; then the order of kCsvSeparators.
/// With no candidate (a one-column file, an empty text) the answer is ','.
/// Never throws: malformed quoting is left to the tokenizer.
char detectCsvSeparator(std::string_view text);

/// "comma", "semicolon", "tab", "vertical bar", for notes and messages.
std::string separatorName(char separator);

}  // namespace traza::model
