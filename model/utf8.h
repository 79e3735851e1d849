#pragma once
// UTF-8 well-formedness, shared by the JSON and CSV readers: a JSON file that is
// not UTF-8 text is refused with a byte position instead of being half-understood;
// for CSV it decides whether the bytes are read as UTF-8 or as Windows-1252
// (spreadsheet/text_encoding.h).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace traza::model {

/// 0-based offset of the first byte that does not start or continue a well-formed
/// UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF are
/// ill-formed); std::nullopt when the whole text is valid.
std::optional<std::size_t> firstInvalidUtf8(std::string_view text);

/// Appends the UTF-8 form of a code point (at most U+10FFFF; the caller checks).
void appendUtf8(std::string& out, char32_t codePoint);

}  // namespace traza::model
