#pragma once
// Parsing untrusted JSON text into a DOM with limits, before any field is read:
// binary data, invalid UTF-8, duplicate keys, nesting deeper than a limit and
// numbers outside the double range are refused, and every error names where it
// happened (a JSON path when one is known, else "byte N").
#include <string_view>

#include <nlohmann/json.hpp>

namespace traza::model {

/// Deepest nesting of objects and arrays accepted by parseJsonDocument.
constexpr int kMaxJsonDepth = 64;

/// Parse a complete JSON text. Throws InvalidInput: where() is "byte N" (1-based
/// offset) for syntax, encoding and truncation errors, or the JSON path
/// ("flows[0].tonnes") for problems with a value (duplicate key, number overflow,
/// nesting too deep). A leading UTF-8 byte-order mark is allowed.
nlohmann::json parseJsonDocument(std::string_view text, int maxDepth = kMaxJsonDepth);

}  // namespace traza::model
