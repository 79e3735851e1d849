#pragma once
// The chain as a workbook people fill in Excel or LibreOffice and Traza reads
// back (model/interchange/sheet_import.h): an Instructions sheet, the sheets
// Actors and Flows with one column per field of actorFields()/flowFields()
// headed by its label in the chosen language, drop-down lists of the
// enumerations (values on a hidden Lists sheet), number, date and range checks
// on the columns, and a frozen header with an autofilter. Sheet, column and
// value words come from SpreadsheetWords, so an exported chain imports as the
// same chain. Files are written atomically (a failure leaves `out` as it was);
// rows are streamed (libxlsxwriter's constant-memory mode), so a chain of
// hundreds of thousands of flows is written in bounded memory.
#include <filesystem>
#include <string_view>

#include "catalogue.h"
#include "project.h"

namespace traza::reports {

/// An empty workbook to fill: the value lists are `catalogue`'s, in `lang`
/// ("en" or "es"). Throws InvalidInput("language", ...) for another language,
/// IoError naming `out` when it cannot be written, Error when libxlsxwriter fails.
void writeChainTemplate(const std::filesystem::path& out, std::string_view lang, const model::Catalogue& catalogue);

/// The same workbook with the project's actors and flows, one a row, values in
/// `lang` (enumerations and catalogue values as their labels, numbers as
/// numbers, periods as dates) and the project's own catalogue in the lists.
/// Throws as writeChainTemplate, and InvalidInput naming the actor or flow
/// when a value is longer than an Excel cell holds (32 767 characters).
void writeChainWorkbook(const std::filesystem::path& out, const model::Project& project, std::string_view lang);

}  // namespace traza::reports
