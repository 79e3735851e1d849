#pragma once
// The fixed texts of a supplier questionnaire (questionnaire_workbook.h) and of
// the answers diff (answers_text.h), in English and Spanish. Sheet names and
// status words are model::questionnaire's, so what is written is read back.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace traza::reports {

/// The text of `key` in `lang` ("es", else English), with "{1}", "{2}", ...
/// replaced by `args`. Throws traza::Error for an unknown key (a programming error).
std::string questionnaireText(std::string_view key, std::string_view lang, std::initializer_list<std::string> args = {});

/// All keys (tests check both languages are filled).
std::vector<std::string_view> questionnaireTextKeys();

}  // namespace traza::reports
