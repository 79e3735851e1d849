#pragma once
// One xlsx worksheet part (xl/worksheets/sheetN.xml) streamed into a SheetTable.
// Cell types (ECMA-376 18.18.11): n or none (number; a date when the cell's
// style has a date format), s (shared string), inlineStr, str (a formula's
// text result), b (boolean), e (error, kept as its text, e.g. "#DIV/0!"), d
// (ISO 8601 date). A formula cell counts by the result the file saved with it.
#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "sheet_builder.h"
#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

class ZipArchive;
struct XlsxSheetPart;

/// What every sheet of one workbook shares.
struct XlsxSheetContext {
    const std::vector<std::string>& sharedStrings;
    const std::vector<bool>& dateStyles;  ///< by cell style index
    bool date1904 = false;
    const SpreadsheetLimits& limits;
    std::atomic<std::size_t>& cellsUsed;  ///< cells kept in the workbook so far
};

/// Reads one worksheet. Throws InvalidInput naming the cell ("file: Sheet!D7")
/// for a bad value, reference or limit, or the part and line:column for
/// malformed XML. A formula with no saved result reads as Empty and leaves a
/// note on the table. With a `sink`, the rows go to it as they are read and the
/// table comes back without rows (SheetBuilder::setRowSink). With `plainXml`,
/// the part is read by PlainXmlScanner (faster; refuses more, less precisely).
SheetTable readXlsxSheet(ZipArchive& zip, const XlsxSheetPart& sheet, const XlsxSheetContext& context, RowSink sink = {},
                         bool plainXml = false);

}  // namespace traza::model
