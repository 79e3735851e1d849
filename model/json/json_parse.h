#pragma once
// Parsing untrusted JSON text into a DOM with limits, before any field is read:
// binary data, invalid UTF-8, duplicate keys, nesting deeper than a limit and
// numbers outside the double range are refused, and every error names where it
// happened (a JSON path when one is known, else "byte N").
#include <cstddef>
#include <functional>
#include <string>
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

/// Takes the elements of one top-level array member as they are parsed, so
/// that a long list never builds up in the DOM (issue #19: a year of records).
struct JsonElementSink {
    std::string key;  ///< the member of the top-level object ("records")
    /// Called with element `index` once complete; it is then left out of the
    /// DOM (the member stays, as an empty array). Limits, duplicate keys and
    /// paths are checked as for the rest of the document.
    std::function<void(nlohmann::json&& element, std::size_t index)> take;
};

/// As above, with the elements of `sink.key` handed to the sink.
nlohmann::json parseJsonDocument(std::string_view text, const JsonElementSink& sink, int maxDepth = kMaxJsonDepth);

}  // namespace traza::model
