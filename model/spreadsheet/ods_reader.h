#pragma once
// Reading an OpenDocument spreadsheet (.ods, LibreOffice's own format) into a
// Workbook: content.xml's tables in order, cells typed by office:value-type
// (float, percentage and currency are numbers; date, boolean, string), placed
// by row and column. Repeated rows and cells (table:number-rows-repeated,
// table:number-columns-repeated) are expanded only when they hold something:
// LibreOffice ends every sheet with a million empty repeated rows, which cost
// nothing here. Same limits and errors as the xlsx reader (xlsx_reader.h).
#include <filesystem>
#include <string>
#include <string_view>

#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

/// Reads workbook file `file`; the tables' file name is file.string(). Throws
/// IoError when the file cannot be read, InvalidInput for its content (not a
/// zip, not a spreadsheet, damaged, malformed XML, a bad value, a limit).
Workbook readOds(const std::filesystem::path& file, const SpreadsheetLimits& limits = {});

/// The same from bytes in memory; `fileName` stands in for the file name.
Workbook workbookFromOds(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits = {});

}  // namespace traza::model
