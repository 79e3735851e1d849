#pragma once
// CSV import of a chain kept in a spreadsheet: one actors file and one flows
// file, each with a header row (columns documented in docs/csv.md), in the
// encoding, separator and number format the spreadsheet wrote (spreadsheet/csv_sheet.h).
// Same validation as chain JSON; errors are "file:line:column: reason".
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "project.h"
#include "spreadsheet/csv_sheet.h"  // maxCsvBytes

namespace traza::model {

/// Throws InvalidInput whose where() is "file:line:column". Imports nothing on error.
Project readProjectCsv(const std::filesystem::path& actorsCsv, const std::filesystem::path& flowsCsv,
                       const Catalogue& catalogue);

/// The same import from texts already in memory (pasted text, tests, fuzzing);
/// `actorsName` and `flowsName` stand in for the file names in error locations.
Project projectFromCsv(std::string_view actorsText, std::string_view flowsText, const Catalogue& catalogue,
                       const std::string& actorsName = "actors.csv", const std::string& flowsName = "flows.csv");

}  // namespace traza::model
