#pragma once
// One cell of a user's sheet read as the value of one field: numbers in the
// file's decimal convention or as the sheet typed them, yes/no and enumeration
// values in English or Spanish, lists split on ';' (or ',' or a line break),
// dates as the sheet typed them or written YYYY-MM-DD.
#include <string>

#include "catalogue.h"
#include "chain_fields.h"
#include "spreadsheet/sheet_table.h"
#include "value_index.h"

namespace traza::model {

struct CellReading {
    FieldType type = FieldType::Text;
    Vocabulary vocabulary = Vocabulary::None;
    double factor = 1;
    DecimalMark decimalMark = DecimalMark::Unknown;
};

/// The value, or throws InvalidInput(table.location(cell), "<header>: reason").
/// An Empty cell is never passed here (the caller keeps the field's default).
FieldValue readCell(const SheetTable&, const SheetCell&, const std::string& header, const CellReading&, const ValueIndex&);

/// A number as a text cell shows it: shortest round-trip form, "101" not "101.0".
std::string numberAsText(double);

/// A date as a person types it: YYYY-MM-DD, or day/month/year (also with '-'
/// or '.') when the day cannot be taken for the month. Empty, with `why` set
/// to the reason, when it is no date or an ambiguous one ("03/04/2025").
std::string typedDate(const std::string& text, std::string& why);

/// The calendar date of a 1900-system serial day number ("YYYY-MM-DD"); empty
/// when out of the range 1..2958465 (years 1900 to 9999).
std::string serialToIsoDate(double serial);

}  // namespace traza::model
