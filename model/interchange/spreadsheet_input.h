#pragma once
// A chain from the user's files, whatever they are: one workbook (.xlsx, .ods)
// or two files of one table each (CSV in any dialect, or a one-sheet workbook). The one entry the command line and the
// workbench share; both then show SheetImport::summary.
#include <filesystem>
#include <string>

#include "sheet_import.h"

namespace traza::model {

/// True for a workbook, by its first bytes (a zip archive) or, when the file
/// cannot be read, by its extension (.xlsx, .xlsm, .ods). An old binary .xls
/// (an OLE compound file) also counts, so that the reader can say what to do.
bool isSpreadsheetFile(const std::filesystem::path&);

/// Reads the workbook and imports its actors and flows sheets (named, or found
/// by their English or Spanish names). Throws InvalidInput / SheetImportError.
SheetImport importWorkbookFile(const std::filesystem::path&, const std::string& actorsSheet, const std::string& flowsSheet,
                               const Catalogue&, const ColumnMapping& rules);

/// importWorkbookFile, and the project (remembering `rules` for the next
/// import) saved to `target` as ProjectStore::save saves it. A large xlsx
/// workbook is written while it is read, on a second core. On any error,
/// of the workbook or of the save, there is no new file and `target` is as
/// it was; the workbook's errors come first, as with importWorkbookFile.
SheetImport importWorkbookFileTo(const std::filesystem::path& target, const std::filesystem::path& workbook,
                                 const std::string& actorsSheet, const std::string& flowsSheet, const Catalogue&,
                                 const ColumnMapping& rules);

/// Reads two files, each a CSV file (separator, encoding and decimal mark
/// detected) or a workbook whose first sheet is the table, and imports them.
SheetImport importTableFiles(const std::filesystem::path& actors, const std::filesystem::path& flows, const Catalogue&,
                           const ColumnMapping& rules);

}  // namespace traza::model
