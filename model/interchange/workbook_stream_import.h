#pragma once
// The fast import of an xlsx workbook: each row of the actors and flows sheets
// becomes a record as soon as the parser has it, so a 300 000-flow workbook's
// seven million cells are never held at once (issue #14: ≤ 600 MB, ≤ 5 s).
// It only ever accepts: the first problem of any kind (a bad cell, a header it
// does not know, a refused file, a validation issue) makes it give up, and the
// import of whole tables (importSheets) then reads the workbook again and says
// precisely what is wrong, cell by cell, in the usual order. A workbook that
// is accepted gives the same project and summary both ways.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "sheet_import.h"
#include "spreadsheet/spreadsheet_limits.h"

namespace traza::model {

class ProjectFileWriter;

/// The import of xlsx workbook `file` (sheets named or found by their English
/// or Spanish names, as chainSheets does), or nullopt when it is not an xlsx
/// or anything about it would be refused. Never throws for the file's content;
/// throws only what cannot be blamed on it (std::bad_alloc).
///
/// With a `writer`, the project is also written into it as it is read: the
/// actors as soon as their sheet is read (while the flows are still being
/// parsed), the flows while the whole project is validated. The caller then
/// only has to commit it. A failure of the writer makes this give up too
/// (nullopt, writer->failed()); so does the workbook, and the writer may
/// then hold some of it: the caller must not commit it.
std::optional<SheetImport> importXlsxStreamed(const std::filesystem::path& file, const std::string& actorsSheet,
                                              const std::string& flowsSheet, const Catalogue&, const ColumnMapping& rules,
                                              const SpreadsheetWords& words = SpreadsheetWords::installed(),
                                              const SpreadsheetLimits& limits = {}, ProjectFileWriter* writer = nullptr);

/// The same from the workbook's bytes (tests, fuzzing); `fileName` stands in for the file name.
std::optional<SheetImport> importXlsxStreamed(std::string_view bytes, const std::string& fileName, const std::string& actorsSheet,
                                              const std::string& flowsSheet, const Catalogue&, const ColumnMapping& rules,
                                              const SpreadsheetWords& words = SpreadsheetWords::installed(),
                                              const SpreadsheetLimits& limits = {}, ProjectFileWriter* writer = nullptr);

}  // namespace traza::model
