#pragma once
// Reads one entry of a catalogue file or of chain JSON's "catalogue" section;
// every accessor names the file and JSON path of a wrong value (InvalidInput).
#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <string>
#include <utility>

#include "catalogue.h"
#include "error.h"

namespace traza::model {

class EntryReader {
    using json = nlohmann::json;

public:
    EntryReader(std::string file, const json& entry, std::size_t index, const char* array = "entries")
        : m_file(std::move(file)), m_entry(entry), m_path(std::string(array) + "[" + std::to_string(index) + "]") {}
    /// An entry that is not in a file: messages name `path` alone.
    EntryReader(const json& entry, std::string path) : m_entry(entry), m_path(std::move(path)) {}
    /// An entry below another one (a template's steps and items): `path` is its whole JSON path.
    EntryReader(std::string file, const json& entry, std::string path)
        : m_file(std::move(file)), m_entry(entry), m_path(std::move(path)) {}

    const std::string& file() const { return m_file; }
    const std::string& path() const { return m_path; }
    const json& entry() const { return m_entry; }

    std::string text(const char* key, bool required = true) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end()) {
            if (required) fail(key, "missing");
            return {};
        }
        if (!it->is_string()) fail(key, "must be a string");
        return it->get<std::string>();
    }
    LocalText local(const char* key, bool required = true) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end()) {
            if (required) fail(key, "missing");
            return {};
        }
        // A plain string is the one language the user wrote in: both languages show it.
        if (it->is_string()) return {it->get<std::string>(), {}};
        if (!it->is_object() || !it->contains("en") || !(*it)["en"].is_string())
            fail(key, "must be a string or {\"en\": ..., \"es\": ...}");
        LocalText t{(*it)["en"].get<std::string>(), {}};
        if (it->contains("es") && (*it)["es"].is_string()) t.es = (*it)["es"].get<std::string>();
        return t;
    }
    double number(const char* key, double fallback) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end() || it->is_null()) return fallback;
        if (!it->is_number()) fail(key, "must be a number");
        return it->get<double>();
    }
    /// A whole number that fits an int (a project file's copy may hold any number here).
    int integer(const char* key, int fallback) const {
        const double v = number(key, fallback);
        if (v != std::floor(v) || v < INT_MIN || v > INT_MAX) fail(key, "must be a whole number");
        return static_cast<int>(v);
    }
    bool boolean(const char* key) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end()) return false;
        if (!it->is_boolean()) fail(key, "must be true or false");
        return it->get<bool>();
    }
    std::string rawJson(const char* key) const {
        auto it = m_entry.find(key);
        return it == m_entry.end() ? std::string("{}") : it->dump();
    }
    CatalogueEntry base() const {
        CatalogueEntry e{text("id"), local("name"), local("description", false), boolean("retired")};
        if (e.id.empty()) fail("id", "must not be empty");
        return e;
    }

    [[noreturn]] void fail(const char* key, const std::string& reason) const {
        throw InvalidInput((m_file.empty() ? "" : m_file + ": ") + (m_path.empty() ? std::string() : m_path + ".") + key, reason);
    }

private:
    // A copy: callers pass string literals ("checklist_template.json"), and a
    // reference to that temporary dangled by the time an error named the file
    // (a heap-use-after-free the project_open fuzzer found).
    std::string m_file;
    const json& m_entry;
    std::string m_path;
};

}  // namespace traza::model
