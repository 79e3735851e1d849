#pragma once
// The answers of a returned questionnaire as lines people read (traza-cli
// answers, the GUI's import dialog): item by item and flow by flow, old -> new,
// with statuses and evidence levels in the chosen language.
#include <string>
#include <string_view>

#include "answers_reader.h"

namespace traza::reports {

/// One line per change after a head line naming the file, the supplier and the
/// questionnaire's date, then a count (or "no changes"). `lang` "es" or English.
std::string describeAnswers(const model::questionnaire::Answers&, const model::Project&, const std::string& fileName,
                            std::string_view lang);

}  // namespace traza::reports
