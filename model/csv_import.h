#pragma once
// CSV import of a chain kept in a spreadsheet: one actors file and one flows
// file, each with a header row (columns documented in docs/csv.md). Same
// validation as chain JSON; errors are "file:line:column: reason".
#include <cstdint>
#include <filesystem>

#include "project.h"

namespace traza::model {

/// Throws InvalidInput whose where() is "file:line:column". Imports nothing on error.
Project readProjectCsv(const std::filesystem::path& actorsCsv, const std::filesystem::path& flowsCsv,
                       const Catalogue& catalogue);

/// Largest CSV file accepted (bytes); larger files are refused before reading.
constexpr std::uintmax_t maxCsvBytes = 256ull * 1024 * 1024;

}  // namespace traza::model
