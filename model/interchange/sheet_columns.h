#pragma once
// What each column of a user's sheet means: the header row read through the
// user's mapping rules, the English and Spanish words, and a unit in brackets.
// The import dialog shows this as its preview; the import uses it to read rows.
#include <string>
#include <vector>

#include "column_mapping.h"
#include "spreadsheet/sheet_table.h"
#include "spreadsheet_words.h"

namespace traza::model {

struct ColumnMeaning {
    std::size_t column = 0;  ///< 1-based
    std::string header;      ///< as written
    std::string field;       ///< field key; empty when ignored or not understood
    double factor = 1;       ///< applied to numbers (a "kg" unit or the user's rule)
    enum class Source { Words, Mapping, Unknown } source = Source::Unknown;
    bool ignored = false;    ///< the user said so, or the column is wholly empty
    /// Why it is not understood, when it is not (names the closest known headers).
    std::string problem;
};

/// One meaning per column of rows[0]. Never throws: problems are in `problem`
/// (unknown header, a field given twice, a unit not understood, a mapping rule
/// naming a field that this sheet does not have).
std::vector<ColumnMeaning> readColumns(const SheetTable&, SheetKind, const ColumnMapping&, const SpreadsheetWords&);

/// What the import summary says of a sheet: its place, its number of data rows
/// and what each column was read as ("\"Destino\" → to", "× 0.001", "(your rule)").
std::string describeColumns(const SheetTable&, std::size_t dataRows, const std::vector<ColumnMeaning>&);

/// The field keys of that sheet kind, in order.
std::vector<std::string> fieldKeys(SheetKind);
/// Whether a field of that kind is a quantity in tonnes.
bool isTonnage(SheetKind, const std::string& field);

}  // namespace traza::model
