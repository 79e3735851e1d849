#include "json_reader.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include "interchange/word_match.h"

namespace traza::model {
namespace {

using nlohmann::json;

const json& emptyArray() {
    static const json empty = json::array();
    return empty;
}

std::string typeName(const json& v) {
    if (v.is_number()) return "a number";
    if (v.is_string()) return "a string";
    if (v.is_boolean()) return "true/false";
    if (v.is_array()) return "an array";
    if (v.is_object()) return "an object";
    return "null";
}

}  // namespace

std::string jsonPath(const std::string& base, std::string_view key) {
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}
std::string jsonPath(const std::string& base, std::size_t index) { return base + "[" + std::to_string(index) + "]"; }

JsonObjectReader::JsonObjectReader(const json& value, std::string path, std::initializer_list<std::string_view> allowed)
    : m_value(value), m_path(std::move(path)) {
    checkKeys(allowed);
}

JsonObjectReader::JsonObjectReader(const json& value, std::string path, const std::vector<std::string_view>& allowed)
    : m_value(value), m_path(std::move(path)) {
    checkKeys(allowed);
}

template <typename Keys>
void JsonObjectReader::checkKeys(const Keys& allowed) const {
    if (!m_value.is_object())
        throw InvalidInput(m_path, "must be an object {...} (got " + typeName(m_value) + ")");
    for (const auto& [key, v] : m_value.items()) {
        if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
        std::string_view nearest;
        std::size_t best = 3;  // suggest only close matches
        for (std::string_view a : allowed)
            if (std::size_t d = editDistance(key, a); d < best) best = d, nearest = a;
        fail(key, nearest.empty() ? std::string("unknown field") : "unknown field (did you mean \"" + std::string(nearest) + "\"?)");
    }
}

bool JsonObjectReader::has(std::string_view key) const { return m_value.contains(key); }

const json* JsonObjectReader::find(std::string_view key) const {
    auto it = m_value.find(key);
    return it == m_value.end() ? nullptr : &*it;
}

std::string JsonObjectReader::text(std::string_view key, bool required) const {
    const json* v = find(key);
    if (!v) {
        if (required) fail(key, "missing required field");
        return {};
    }
    if (!v->is_string()) fail(key, "must be a string (got " + typeName(*v) + ")");
    return v->get<std::string>();
}

double JsonObjectReader::number(std::string_view key, bool required) const {
    const json* v = find(key);
    if (!v) {
        if (required) fail(key, "missing required field");
        return 0;
    }
    if (!v->is_number()) fail(key, "must be a number (got " + typeName(*v) + ")");
    return v->get<double>();
}

int JsonObjectReader::integer(std::string_view key, int fallback) const {
    const json* v = find(key);
    if (!v) return fallback;
    if (!v->is_number()) fail(key, "must be a whole number (got " + typeName(*v) + ")");
    // 2.0 is accepted (some tools write every number as a double); 2.5 and
    // anything outside int are not.
    const double d = v->get<double>();
    if (v->is_number_float() && d != std::floor(d)) fail(key, "must be a whole number (got " + v->dump() + ")");
    if (d < INT_MIN || d > INT_MAX) fail(key, "is out of range (" + v->dump() + ")");
    return v->is_number_float() ? static_cast<int>(d) : v->get<int>();
}

bool JsonObjectReader::boolean(std::string_view key) const {
    const json* v = find(key);
    if (!v) return false;
    if (!v->is_boolean()) fail(key, "must be true or false (got " + typeName(*v) + ")");
    return v->get<bool>();
}

const json& JsonObjectReader::array(std::string_view key) const {
    const json* v = find(key);
    if (!v) return emptyArray();
    if (!v->is_array()) fail(key, "must be an array [...] (got " + typeName(*v) + ")");
    return *v;
}

std::vector<std::string> JsonObjectReader::texts(std::string_view key) const {
    std::vector<std::string> out;
    const json& a = array(key);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_string()) throw InvalidInput(jsonPath(pathOf(key), i), "must be a string (got " + typeName(a[i]) + ")");
        out.push_back(a[i].get<std::string>());
    }
    return out;
}

std::vector<double> JsonObjectReader::numbers(std::string_view key) const {
    std::vector<double> out;
    const json& a = array(key);
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!a[i].is_number()) throw InvalidInput(jsonPath(pathOf(key), i), "must be a number (got " + typeName(a[i]) + ")");
        out.push_back(a[i].get<double>());
    }
    return out;
}

void JsonObjectReader::fail(std::string_view key, const std::string& reason) const { throw InvalidInput(pathOf(key), reason); }

}  // namespace traza::model
