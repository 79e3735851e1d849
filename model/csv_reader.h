#pragma once
// An RFC 4180 CSV tokenizer for user files: comma-separated fields, records
// ending in CRLF, LF or CR, fields in double quotes may hold commas, line breaks
// and doubled quotes (""). A UTF-8 byte-order mark is skipped; fields must be
// UTF-8 and free of NUL bytes. It knows nothing of what the columns mean.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

struct CsvField {
    std::string value;     ///< unescaped text; unquoted fields are trimmed of spaces and tabs
    std::size_t line = 0;  ///< 1-based line where the field starts
    std::size_t column = 0;  ///< 1-based position of the field in its record (spreadsheet column)
    bool quoted = false;
};

struct CsvRecord {
    std::size_t line = 0;  ///< 1-based line where the record starts
    std::vector<CsvField> fields;
};

/// Tokenize a whole CSV text. Lines that are entirely empty are skipped.
/// Throws InvalidInput whose where() is "<fileName>:line:column" for a quote
/// inside an unquoted field, text after a closing quote, an unclosed quote,
/// a NUL byte or invalid UTF-8.
std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& fileName);

/// "<fileName>:<line>:<column>", the where() of every CSV error.
std::string csvLocation(const std::string& fileName, std::size_t line, std::size_t column);

}  // namespace traza::model
