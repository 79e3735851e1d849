#pragma once
// A workbook file's bytes and what they are. Workbooks are read whole into
// memory (a file is at most limits.maxFileBytes) and recognised by content,
// not by extension: an xlsx or ods is a zip archive; an old binary .xls and a
// password-protected xlsx are both OLE compound files, told apart by the
// streams an encrypted package has.
#include <filesystem>
#include <string>
#include <string_view>

#include "spreadsheet_limits.h"

namespace traza::model {

enum class WorkbookFileKind {
    Zip,              ///< PK header: an xlsx, an ods, or some other zip
    LegacyXls,        ///< OLE compound file: Excel 97-2003 .xls
    EncryptedOoxml,   ///< OLE compound file holding an EncryptedPackage stream
    Other,
};

/// What the bytes start with (and, for OLE files, contain).
WorkbookFileKind sniffWorkbookFile(std::string_view bytes);

/// Throws InvalidInput (where() = fileName) with a message the user can act
/// on unless `bytes` are a zip archive: "old .xls format: save as .xlsx",
/// "encrypted ...", or "not an <expected> file".
void requireZip(std::string_view bytes, const std::string& fileName, const std::string& expected);

/// The whole file. A FIFO or device is refused without blocking (IoError), a
/// file above limits.maxFileBytes by its size alone (InvalidInput).
std::string readWorkbookFile(const std::filesystem::path& file, const SpreadsheetLimits& limits);

}  // namespace traza::model
