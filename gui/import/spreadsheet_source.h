#pragma once
// Where the import dialog's sheets come from: a user's xlsx or ods workbook, or
// CSV files (each one sheet). The one place the workbench calls the spreadsheet
// readers, so that switching readers touches nothing else. No wx.
#include <filesystem>
#include <vector>

#include "spreadsheet/sheet_table.h"

namespace traza::gui {

/// Every sheet of an .xlsx or .ods workbook, or the one table of a .csv file.
/// Throws traza::InvalidInput naming the file (and the cell) when it cannot be read.
model::Workbook openSpreadsheetFile(const std::filesystem::path&);

/// Two CSV files (actors, flows) as a workbook of two sheets, in that order.
model::Workbook openCsvPair(const std::filesystem::path& actors, const std::filesystem::path& flows);

/// What the dialog calls a sheet: its name, or its file name for CSV.
std::string sheetDisplayName(const model::SheetTable&);

/// Whether the file is read as CSV: it is not a workbook (model::isSpreadsheetFile).
bool isCsvFile(const std::filesystem::path&);

}  // namespace traza::gui
