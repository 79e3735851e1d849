#pragma once
// The Records sheet of a chain workbook (issue #19): one row per document of a
// delivery record. Columns (English or Spanish headers, spreadsheet_words.json
// "records"): record id, flow, date, tonnes, evidence, document type, document
// number, payment, price per tonne, notes; the first four are required.
//
// The rule for several documents: the first row of a record id gives the
// record; each further row with the same record id adds one document (its
// document type and number), and its other cells must be empty or repeat the
// first row's values. A record without documents is one row with both document
// cells empty.
#include "interchange/sheet_import.h"
#include "project.h"
#include "spreadsheet/sheet_table.h"
#include "spreadsheet_words.h"

namespace traza::model {

/// The workbook's sheet whose name means records ("Records", "Registros"), or nullptr.
const SheetTable* recordsSheet(const Workbook&, const SpreadsheetWords& = SpreadsheetWords::installed());

/// Reads the sheet's records into the flows of `p` (the workbook's actors and
/// flows, already imported and valid) and checks them as chain JSON does:
/// a known flow, a date inside the assessment period, tonnes > 0, unique ids,
/// and each flow's tonnes equal to its records' sum (relative 1e-9; a flow's
/// documented tonnes and evidence then become the records' summary). Throws
/// SheetImportError naming each cell ("cadena.xlsx: Records!C7") and its
/// header, and leaves `p` unchanged, on any problem.
void importRecordsSheet(const SheetTable&, Project& p, const SpreadsheetWords& = SpreadsheetWords::installed());

}  // namespace traza::model
