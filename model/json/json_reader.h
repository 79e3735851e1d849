#pragma once
// Strict reading of one JSON object of an interchange file: every key must be
// one the format knows, every value must have the expected type, and each error
// names the JSON path of the offending value ("actors[2].colour").
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "error.h"
#include "validation.h"

namespace traza::model {

/// Joins a path and a key: ("actors[2]", "id") -> "actors[2].id"; ("", "format") -> "format".
std::string jsonPath(const std::string& base, std::string_view key);
/// ("actors", 2) -> "actors[2]".
std::string jsonPath(const std::string& base, std::size_t index);

class JsonObjectReader {
public:
    /// Throws InvalidInput(path, ...) if `value` is not an object or has a key
    /// outside `allowedKeys` (the message suggests the nearest allowed key).
    JsonObjectReader(const nlohmann::json& value, std::string path, std::initializer_list<std::string_view> allowedKeys);
    JsonObjectReader(const nlohmann::json& value, std::string path, const std::vector<std::string_view>& allowedKeys);

    const std::string& path() const { return m_path; }
    std::string pathOf(std::string_view key) const { return jsonPath(m_path, key); }
    bool has(std::string_view key) const;

    /// Each accessor returns `fallback` when the key is absent (or throws
    /// "missing required field" when `required`), and throws on a wrong type.
    std::string text(std::string_view key, bool required = false) const;
    double number(std::string_view key, bool required = false) const;
    int integer(std::string_view key, int fallback = 0) const;
    bool boolean(std::string_view key) const;
    std::vector<std::string> texts(std::string_view key) const;
    std::vector<double> numbers(std::string_view key) const;
    /// The array at `key` (empty when absent).
    const nlohmann::json& array(std::string_view key) const;
    /// The value at `key`, or nullptr when absent.
    const nlohmann::json* find(std::string_view key) const;

    /// An enumeration spelled as in enums.h; unknown values list the allowed ones.
    template <typename E, typename Parse>
    E enumeration(std::string_view key, E fallback, Parse parse, const std::vector<std::string_view>& names) const {
        if (!has(key)) return fallback;
        const std::string s = text(key);
        if (auto v = parse(s)) return *v;
        fail(key, "unknown value \"" + s + "\"; " + allowedValues(names));
    }

    [[noreturn]] void fail(std::string_view key, const std::string& reason) const;

private:
    template <typename Keys>
    void checkKeys(const Keys& allowed) const;

    const nlohmann::json& m_value;
    std::string m_path;
};

}  // namespace traza::model
