#pragma once
// A user's own reading of headers Traza does not know, or reads otherwise:
// "Kg entregados=tonnes/1000" (the column is tonnes, divide by 1000),
// "Peso=tonnes*0.001", "Observaciones=ignore". Given on the command line
// (--map), in a mapping file (one rule a line, '#' comments), or in the import
// dialog; the project remembers the rules for its next import.
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

struct ColumnRule {
    std::string header;  ///< as the user wrote it; compared normalised (normaliseWord)
    std::string field;   ///< a field key ("tonnes"), or empty: ignore the column
    double factor = 1;   ///< cell value × factor (numeric fields only)
    bool operator==(const ColumnRule&) const = default;
};

class ColumnMapping {
public:
    /// One rule "HEADER=FIELD", "HEADER=FIELD/N", "HEADER=FIELD*N" or
    /// "HEADER=ignore". Throws InvalidInput(where, reason) on a malformed rule
    /// (the field key itself is checked when the rule is applied to a sheet).
    static ColumnRule parseRule(std::string_view text, const std::string& where);
    /// Rules one a line; blank lines and lines starting with '#' are skipped.
    /// Errors name "<name>:<line>".
    static ColumnMapping parse(std::string_view text, const std::string& name);

    /// Adds a rule; one for the same header (normalised) is replaced.
    void add(ColumnRule);
    /// Adds every rule of `other`, replacing rules of the same header.
    void merge(const ColumnMapping& other);
    /// The rule for a header, or nullptr.
    const ColumnRule* find(std::string_view header) const;

    const std::vector<ColumnRule>& rules() const { return m_rules; }
    bool empty() const { return m_rules.empty(); }
    /// The rules in parse()'s form, one a line.
    std::string toText() const;
    bool operator==(const ColumnMapping&) const = default;

private:
    std::vector<ColumnRule> m_rules;
};

/// A rule in the form parseRule reads back ("Kg entregados=tonnes/1000").
std::string ruleText(const ColumnRule&);

}  // namespace traza::model
