#pragma once
// An RFC 4180 CSV tokenizer for user files: fields separated by a comma (or the
// separator given: ';', TAB, '|'), records ending in CRLF, LF or CR, fields in
// double quotes may hold separators, line breaks and doubled quotes (""). A UTF-8
// byte-order mark is skipped; fields must be UTF-8 and free of NUL bytes. It
// knows nothing of what the columns mean, nor of encodings other than UTF-8
// (spreadsheet/csv_sheet.h decodes and detects the separator first).
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

/// A place in the text that must be refused with the reason given, whatever
/// field it falls in (a byte the decoder could not read: spreadsheet/text_encoding.h).
struct CsvTextFault {
    std::size_t offset = 0;  ///< byte offset into the text
    std::string reason;
};

/// Tokenize a whole CSV text. Lines that are entirely empty are skipped.
/// Throws InvalidInput whose where() is "<fileName>:line:column" for a quote
/// inside an unquoted field, text after a closing quote, an unclosed quote,
/// a NUL byte, invalid UTF-8 or reaching `fault`, whichever comes first.
std::vector<CsvRecord> parseCsv(std::string_view text, const std::string& fileName, char separator = ',',
                                const CsvTextFault* fault = nullptr);

/// "<fileName>:<line>:<column>", the where() of every CSV error.
std::string csvLocation(const std::string& fileName, std::size_t line, std::size_t column);

}  // namespace traza::model
