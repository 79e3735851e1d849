#include "finding_validation.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace traza::model {
namespace {

class Issues {
public:
    Issues(std::vector<ValidationIssue>& out, std::size_t index)
        : m_out(out), m_base("findings[" + std::to_string(index) + "].") {}
    void add(const char* field, std::string reason) { m_out.push_back({m_base + field, std::move(reason)}); }
    void date(const char* field, const std::string& v) {
        if (!v.empty() && !isCalendarDate(v)) add(field, "must be a date YYYY-MM-DD that exists (got \"" + v + "\")");
    }

private:
    std::vector<ValidationIssue>& m_out;
    std::string m_base;
};

}  // namespace

std::vector<ValidationIssue> validateFindings(const Project& p) {
    std::vector<ValidationIssue> out;
    if (p.findings.empty()) return out;  // the id sets below cost time on a national chain
    std::unordered_set<std::string_view> subjects;
    subjects.reserve(p.actors.size() + p.flows.size());
    for (const Actor& a : p.actors) subjects.insert(a.id);
    for (const Flow& f : p.flows) subjects.insert(f.id);
    const Catalogue& cat = p.catalogue;
    const std::vector<std::string_view> severities = findingSeverityNames();

    std::unordered_set<std::string_view> ids;
    for (std::size_t i = 0; i < p.findings.size(); ++i) {
        const Finding& f = p.findings[i];
        Issues c(out, i);
        if (f.id.empty()) c.add("id", "missing (every finding needs an id, e.g. \"F1\")");
        else if (!ids.insert(f.id).second) c.add("id", "duplicate id \"" + f.id + "\"");

        const bool fromFlag = f.source == FindingSource::RedFlag;
        const bool fromItem = f.source == FindingSource::ChecklistItem;
        if (fromFlag && f.rule.empty()) c.add("rule", "required for a finding from a red flag (the rule's id)");
        if (!fromFlag && !f.rule.empty()) c.add("rule", "only a finding from a red flag names a rule");
        if (fromFlag && !f.rule.empty() && !cat.redFlagRules.empty() && !cat.redFlagRule(f.rule))
            c.add("rule", "not a red-flag rule of the catalogue (\"" + f.rule + "\")");
        if (fromItem && f.item.empty()) c.add("item", "required for a finding from a checklist item (e.g. \"2.3\")");
        if (!fromItem && !f.item.empty()) c.add("item", "only a finding from a checklist item names an item");
        // The item belongs to the template of the subject's checklist (issue #18).
        const ChecklistTemplate* tmpl = fromItem ? p.checklistTemplateOf(f.subject.empty() ? Checklist::kAssessmentScope : f.subject) : nullptr;
        if (fromItem && !f.item.empty() && tmpl && !tmpl->item(f.item))
            c.add("item", "not an item of the checklist template \"" + tmpl->id + "\" (\"" + f.item + "\")");

        if (fromFlag && f.subject.empty()) c.add("subject", "required for a finding from a red flag (the flagged actor or flow)");
        if (!f.subject.empty() && !subjects.count(f.subject))
            c.add("subject", "no actor or flow has id \"" + f.subject + "\"");
        if (std::find(severities.begin(), severities.end(), f.severity) == severities.end())
            c.add("severity", "unknown value \"" + f.severity + "\"; " + allowedValues(severities));

        c.date("due", f.due);
        c.date("closed_on", f.closedOn);
        if (f.isClosed()) {
            if (f.closedOn.empty()) c.add("closed_on", "required for a closed finding (the date it was closed)");
            if (f.evidence.empty()) c.add("evidence", "required for a closed finding (what shows the action was taken)");
        } else if (!f.closedOn.empty()) {
            c.add("closed_on", "only a closed finding has a closing date (status is \"" + std::string(toString(f.status)) + "\")");
        }
    }
    return out;
}

}  // namespace traza::model
