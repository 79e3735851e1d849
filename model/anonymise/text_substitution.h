#pragma once
// Replaces known strings inside a free text (an anonymised title): names
// anywhere, ids and regions only as whole words, so "org1" is not found inside
// "org10" nor "Cali" inside "Calidad". Longer strings win over the shorter ones
// they contain.
#include <array>
#include <string>
#include <vector>

namespace traza::model {

class TextSubstitution {
public:
    enum class Match { Anywhere, WholeWord };
    /// Empty `from` is ignored.
    void add(std::string from, std::string to, Match);
    std::string apply(const std::string& text) const;

private:
    struct Rule {
        std::string from;
        std::string to;
        Match match;
    };
    void index() const;

    mutable std::vector<Rule> m_rules;
    /// Rules by the first byte of `from`, longest first (a national chain's
    /// title is checked against some 200 000 rules).
    mutable std::array<std::vector<const Rule*>, 256> m_byFirstByte;
    mutable bool m_indexed = true;
};

}  // namespace traza::model
