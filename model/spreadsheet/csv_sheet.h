#pragma once
// A CSV file as a spreadsheet program saved it, read into a SheetTable: the
// bytes decoded (text_encoding.h), the separator detected (csv_dialect.h), the
// text split into fields (csv_reader.h), and the decimal mark of its numbers
// detected (locale_number.h). What the cells mean is the importer's business.
// Depends on the standard library and the rest of traza_model.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.h"
#include "sheet_table.h"

namespace traza::model {

/// Largest CSV file accepted (bytes); larger files are refused before reading.
constexpr std::uintmax_t maxCsvBytes = 256ull * 1024 * 1024;

/// A CSV file decoded and split, its fields still as the tokenizer gives them
/// (each record as long as the file wrote it; blank lines skipped).
struct CsvDocument {
    std::vector<CsvRecord> records;
    char separator = ',';
    DecimalMark decimalMark = DecimalMark::Unknown;
    /// True when some numbers show a decimal point and others a decimal comma
    /// (decimalMark is then Unknown too, but the file did show something).
    bool decimalMarksConflict = false;
    /// For the import summary, in this order: the encoding if it was converted
    /// ("read as Windows-1252 and converted to UTF-8"), "separator: semicolon",
    /// the decimal mark if the numbers show one ("decimal mark: comma").
    std::vector<std::string> notes;
};

/// Decodes `bytes`, detects the separator and the decimal mark, and tokenizes.
/// Throws InvalidInput at "<fileName>:line:column" (column: the field's place in
/// its record) for anything parseCsv refuses and for a byte the decoding could
/// not read (an undefined Windows-1252 byte, a file mixing UTF-8 and another
/// encoding, broken UTF-16), at the field where the byte is.
CsvDocument readCsvDocument(std::string_view bytes, const std::string& fileName);

/// readCsvDocument as a SheetTable: cells Kind::Text, or Kind::Empty for an
/// empty field that was not quoted; rows padded with Empty cells to the widest;
/// rows of Empty cells only (";;;" as Excel writes below a table) dropped.
/// `file` is `fileName`, `sheet` empty, decimalMark and notes from the document.
SheetTable csvToSheetTable(std::string_view bytes, const std::string& fileName);

/// The bytes of a CSV file. Throws IoError if it cannot be read and
/// InvalidInput at "<path>:1:1" if it is larger than maxCsvBytes (checked before reading).
std::string readCsvBytes(const std::filesystem::path& path);

/// csvToSheetTable(readCsvBytes(path), path.string()).
SheetTable readCsvSheet(const std::filesystem::path& path);

}  // namespace traza::model
