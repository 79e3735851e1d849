#pragma once
// Every fixed text of the workbook (sheet names, titles, column headers, notes)
// goes through this one table, in English and Spanish, so a language is added in
// one place. Catalogue texts (evidence levels, rules, steps) come from the
// project's catalogue in the same language.
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace traza::reports {

class Labels {
public:
    /// "en" or "es"; throws InvalidInput("language", ...) for anything else.
    explicit Labels(std::string language);

    const std::string& language() const { return m_language; }

    /// The text of `key`. Throws traza::Error for a key missing from the table
    /// (a programming error; the label test walks every key).
    const std::string& operator()(std::string_view key) const;
    /// The text of `key`, or nullptr when the table has no such key.
    const std::string* find(std::string_view key) const;
    /// The text of `key` with "{1}", "{2}", ... replaced by `args` in order.
    std::string format(std::string_view key, std::initializer_list<std::string> args) const;

    /// "low"/"medium"/"high"/"critical" in this language; other values unchanged.
    std::string level(const std::string& level) const;
    /// An item status ("done", ...) in this language.
    std::string status(std::string_view status) const;

    /// All keys of the table (tests).
    static std::vector<std::string_view> keys();
    /// Whether `key` has its own (non-empty) text in `language` (tests).
    static bool translated(std::string_view key, const std::string& language);
    /// The supported languages.
    static std::vector<std::string> languages() { return {"en", "es"}; }

private:
    std::string m_language;
};

}  // namespace traza::reports
