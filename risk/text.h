#pragma once
// Words and numbers in the generated sentences (reasons, red flags, the
// limits statement, warnings), in English or Spanish. Sentences round for
// reading; the JSON output never does.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace traza::risk {

class Text {
public:
    explicit Text(const std::string& language) : m_es(language == "es") {}

    bool spanish() const { return m_es; }
    /// The sentence in the chosen language.
    const char* pick(const char* en, const char* es) const { return m_es ? es : en; }

    /// Tonnes for reading: one decimal ("217.4"; Spanish "217,4"); two
    /// decimals below 1 t so small amounts do not show as 0.
    std::string tonnes(double t) const;
    /// A share 0..1 as a percentage with one decimal ("96.5%"; Spanish "96,5 %").
    std::string percent(double share) const;
    /// A number with a fixed count of decimals, in the language's notation.
    std::string number(double x, int decimals) const;
    /// A plain count with thousands kept unseparated ("60000").
    static std::string count(long long n) { return std::to_string(n); }
    /// "a, b and c" / "a, b y c"; at most `limit` items, then "and N more".
    std::string list(const std::vector<std::string>& items, std::size_t limit = 8) const;

private:
    bool m_es;
};

/// Placeholder values for a catalogue template: {"tonnes", "6.5"}, ...
using TemplateValues = std::vector<std::pair<std::string_view, std::string>>;

/// Replace every {key} of a catalogue template by its value; unknown keys stay.
std::string fillTemplate(const std::string& pattern, const TemplateValues& values);

}  // namespace traza::risk
