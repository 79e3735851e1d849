#pragma once
// A sheet of cells as read from a user's file, whatever the file was: an xlsx or
// ods worksheet, or a CSV text. Readers produce it; the tabular import
// (model/interchange/) gives the cells their meaning. Every cell knows where it
// came from, so that an error can name "cadena.xlsx: Flujos!D7" or
// "actores.csv:12:3".
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace traza::model {

/// One cell's value, typed as the source typed it. CSV cells are always Text.
/// 56 bytes: a 300 000-flow workbook holds 7.5 million of them while it is
/// read, so the place is kept in 32-bit numbers (rows and CSV lines stay far
/// below 4 billion: spreadsheet_limits.h, the CSV file size limit).
struct SheetCell {
    enum class Kind : std::uint8_t { Empty, Text, Number, Boolean, Date };
    Kind kind = Kind::Empty;
    /// Text: the string (UTF-8). Date: "YYYY-MM-DD" (time of day dropped).
    /// Number and Boolean: the value as the source wrote it ("173.8", "TRUE"), for messages.
    std::string text;
    /// Number: the value; Boolean: 0 or 1; Date: the serial day number in the 1900 system.
    double number = 0;
    /// 1-based. CSV: the physical line where the field starts. Sheet: the row number.
    std::uint32_t line = 0;
    /// 1-based column (A = 1).
    std::uint32_t column = 0;
};

/// How decimals are written in the text cells of a table (CSV only; sheet cells
/// carry numbers). Unknown: nothing in the file told; a text that could be read
/// two ways ("1.234", "1,234") is then an error naming the cell.
enum class DecimalMark { Unknown, Point, Comma };

/// One sheet or one CSV file. rows[0] is whatever the first non-empty row is
/// (the header, to the importer). Rows are padded with Empty cells to the same
/// width; wholly empty rows are dropped.
struct SheetTable {
    std::string file;   ///< file name as the user gave it
    std::string sheet;  ///< worksheet name; empty for CSV
    std::vector<std::vector<SheetCell>> rows;
    DecimalMark decimalMark = DecimalMark::Unknown;
    /// What the reader did that the user should know ("read as Windows-1252,
    /// converted to UTF-8", "separator: semicolon"), for the import summary.
    std::vector<std::string> notes;

    /// Where a cell is: "file: Sheet!D7" for a sheet, "file:line:column" for CSV.
    std::string location(const SheetCell& cell) const;
    /// The same for a place without a cell (a missing column: row and column 1-based).
    std::string location(std::size_t line, std::size_t column) const;
};

/// A whole workbook: its sheets in workbook order.
struct Workbook {
    std::string file;
    std::vector<SheetTable> sheets;
    /// Index of the sheet named `name` (exact, then case-insensitively); -1 if none.
    int find(const std::string& name) const;
};

/// "A", "B", ..., "Z", "AA", ... for 1-based column numbers.
std::string columnLetters(std::size_t column);

}  // namespace traza::model
