#pragma once
// Reading an Excel workbook (.xlsx, Office Open XML) into a Workbook: every
// worksheet in workbook order, each cell typed as Excel typed it (text, number,
// boolean, date by its style's number format) and placed by its sheet row and
// column. Formulas count by the result saved with them. Strict and bounded:
// the file is untrusted, every limit is in SpreadsheetLimits, every refusal
// is one InvalidInput naming the file and, when known, the part and
// line:column ("cadena.xlsx: xl/sharedStrings.xml:3:15") or the cell
// ("cadena.xlsx: Flujos!D7"). Depends on libzip and expat, never on wx.
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sheet_builder.h"
#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

/// Reads workbook file `file`; the tables' file name is file.string().
/// Throws IoError when the file cannot be read (or is a FIFO or device),
/// InvalidInput for everything about its content: an old .xls ("old .xls
/// format: save as .xlsx"), a password-protected workbook, a damaged or
/// truncated archive, a missing part, malformed XML, a DOCTYPE, a bad cell
/// value or reference, or a limit passed.
Workbook readXlsx(const std::filesystem::path& file, const SpreadsheetLimits& limits = {});

/// The same from bytes in memory (tests, fuzzing); `fileName` stands in for
/// the file name in the tables and in errors.
Workbook workbookFromXlsx(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits = {});

/// Chooses, from the sheet names in workbook order (known before any cell is
/// read), which sheets give their rows to a sink as they are read: one RowSink
/// per sheet, empty for a sheet kept whole. Sinks of different sheets may run
/// at the same time, on different threads.
using SheetSinks = std::function<std::vector<RowSink>(const std::vector<std::string>& sheetNames)>;

/// Told, on the reading thread, that sheet `index` (in workbook order) has been
/// read whole and passed every check, before that thread takes another sheet.
/// What it throws is that sheet's error.
using SheetRead = std::function<void(std::size_t index)>;

/// workbookFromXlsx with some sheets streamed: their tables come back without
/// rows. Every check and limit is the same, and so is the error reported,
/// unless `plainXml`: then the streamed sheets are read by PlainXmlScanner,
/// several times faster than expat but refusing (PlainXmlRefusal, without a
/// line and column) whatever is beyond plain XML; only for a caller that then
/// reads the workbook again the usual way (the streamed import).
Workbook workbookFromXlsx(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits,
                          const SheetSinks& sinks, bool plainXml = false, const SheetRead& sheetRead = {});

}  // namespace traza::model
