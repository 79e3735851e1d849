#pragma once
// A supplier questionnaire (issue #18): a workbook that goes out to one
// supplier and comes back with its answers (model/questionnaire/answers_reader.h
// reads it). Instructions, then Checklist (the supplier's checklist items of
// supplier-scope steps: status drop-down, evidence, documents, owner, due date)
// and Flows (its flows in and out: tonnes, documented tonnes, evidence
// drop-down, documents), then a hidden identification sheet. Every sheet is
// protected; only answer cells are unlocked. Layout: questionnaire_layout.h.
#include <filesystem>
#include <string>
#include <string_view>

#include "project.h"

namespace traza::reports {

/// Writes the questionnaire of `supplier` in `lang` ("en" or "es") to `out`,
/// atomically; `generated` (ISO date) is recorded in it. Throws InvalidInput
/// ("supplier") when no actor has that id, InvalidInput("language") for another
/// language, IoError naming `out` when it cannot be written, Error when
/// libxlsxwriter fails.
void writeQuestionnaire(const std::filesystem::path& out, const model::Project& project, const std::string& supplier,
                        std::string_view lang, const std::string& generated);

/// "questionnaire-org1.xlsx": the file name of a supplier's questionnaire when
/// several are written into one folder (characters a file name may not hold become '_').
std::string questionnaireFileName(const std::string& supplier);

}  // namespace traza::reports
