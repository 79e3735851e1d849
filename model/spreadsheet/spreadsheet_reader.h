#pragma once
// One entry point for a workbook the user picked, whatever its extension
// says: the content decides. A zip archive with a spreadsheet mimetype is an
// ods, one with an xlsx workbook part is an xlsx; an old .xls or a
// password-protected workbook is refused with what to do about it.
#include <filesystem>
#include <string>
#include <string_view>

#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

/// readXlsx or readOds, chosen by content. Throws IoError or InvalidInput as they do,
/// and InvalidInput for a zip archive that is neither.
Workbook readSpreadsheet(const std::filesystem::path& file, const SpreadsheetLimits& limits = {});

/// The same from bytes in memory; `fileName` stands in for the file name.
Workbook workbookFromSpreadsheet(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits = {});

}  // namespace traza::model
