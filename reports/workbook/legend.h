#pragma once
// The codes of the national layout. Above ReportOptions::nationalLayoutFlows the
// tables write text that thousands of rows share as a short code instead:
// catalogue entries (actor kinds, document types, typologies, red-flag rules) as
// their catalogue id, and sets of risk factors, sets of risk reasons and
// trace-break reasons as a numbered code (F1, R1, B1, ...). The Legend sheet
// lists every code used, once, with its meaning and how many rows use it, so
// each cell can still be read and checked. Sheets filled on two threads share
// one Legend: its look-ups take turns (each group is used by one sheet, so the
// numbering does not depend on which thread comes first).
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace traza::reports {

class Legend {
public:
    /// The kinds of code, in the order the Legend sheet lists them.
    enum class Group { Kind, RiskFactors, RiskReasons, Document, Typology, BreakReason, Rule };
    static constexpr int kGroups = 7;

    /// `aboveFlows`: the flow count above which the layout was chosen (said on the Summary).
    explicit Legend(std::size_t aboveFlows) : m_aboveFlows(aboveFlows) {}
    std::size_t aboveFlows() const { return m_aboveFlows; }

    struct Entry {
        Group group;
        std::string code;
        std::string meaning;
        std::size_t uses = 0;
    };

    /// The numbered code of `meaning` in a numbered group (RiskFactors "F",
    /// RiskReasons "R", BreakReason "B"): the same meaning always gets the same
    /// code, numbered in order of first use. Counts one use. Empty meaning: "".
    const std::string& code(Group, const std::string& meaning);
    /// Catalogue id `id` of a catalogue group (Kind, Document, Typology, Rule),
    /// returned as is; `meaning` is asked once, on the id's first use. Counts one use.
    const std::string& id(Group, const std::string& id, const std::function<std::string()>& meaning);

    /// Returned references stay valid for the Legend's lifetime.
    /// Every code used, by group in the order above, then in order of first use.
    std::vector<const Entry*> entries() const;
    bool empty() const { return m_entries.empty(); }

private:
    std::deque<Entry> m_entries;  ///< a deque: returned codes stay valid as entries are added
    std::unordered_map<std::string, std::size_t> m_index[kGroups];  ///< meaning or id -> entry
    const std::string m_none;
    std::size_t m_aboveFlows = 0;
    std::mutex m_mutex;
};

}  // namespace traza::reports
