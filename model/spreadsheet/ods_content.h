#pragma once
// The tables of an ods file's content.xml, streamed into SheetTables.
#include <vector>

#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

class ZipArchive;

/// Reads content.xml of `zip`. Throws InvalidInput naming the cell
/// ("file: Sheet!D7") or the part and line:column.
std::vector<SheetTable> readOdsContent(ZipArchive& zip, const SpreadsheetLimits& limits);

}  // namespace traza::model
