#include "period_project.h"

#include "error.h"
#include "records/record_summary.h"

namespace traza::model {

namespace {

bool weekly(const std::string& key) { return key.find('W') != std::string::npos; }

PeriodSlot named(const std::string& key, const std::string& text, const std::string& argument) {
    try {
        return periodNamed(key);
    } catch (const InvalidInput& e) {
        throw InvalidInput(argument, "\"" + text + "\": " + e.reason());
    }
}

}  // namespace

PeriodRange parsePeriodRange(const std::string& text, const std::string& argument) {
    const std::size_t dots = text.find("..");
    if (dots == std::string::npos) {
        const PeriodSlot slot = named(text, text, argument);
        return {text, slot.start, slot.end};
    }
    const std::string firstKey = text.substr(0, dots), lastKey = text.substr(dots + 2);
    const PeriodSlot first = named(firstKey, text, argument), last = named(lastKey, text, argument);
    if (weekly(firstKey) != weekly(lastKey))
        throw InvalidInput(argument, "\"" + text + "\": a range runs from a month to a month or from a week to a week");
    if (last.start < first.start)
        throw InvalidInput(argument, "\"" + text + "\": the range is reversed (" + lastKey + " comes before " + firstKey + ")");
    return {text, first.start, last.end};
}

ProjectOfPeriod projectOfPeriod(const Project& p, const PeriodRange& range, const std::string& argument) {
    ProjectOfPeriod out;
    Project& q = out.project;
    // Everything but the flows, copied part by part (the flows' records are most of a national project).
    q.assessment = p.assessment;
    q.assessment.period = {range.start, range.end};
    q.actors = p.actors;
    q.checklists = p.checklists;
    q.goals = p.goals;
    q.supports = p.supports;
    q.findings = p.findings;
    q.catalogue = p.catalogue;
    q.importRules = p.importRules;
    std::string first, last;  // the records' dates, for the error
    for (const Flow& f : p.flows) {
        if (f.records.empty()) {
            ++out.undatedFlows;
            out.undatedT += f.tonnes;
            continue;
        }
        Flow g;
        for (const Record& r : f.records) {
            if (first.empty() || r.date < first) first = r.date;
            if (last.empty() || r.date > last) last = r.date;
            if (r.date >= range.start && r.date <= range.end) g.records.push_back(r);  // ISO dates order as text
        }
        if (g.records.empty()) continue;
        out.records += g.records.size();
        std::vector<Record> records = std::move(g.records);
        g = f;  // every other field of the flow as it is
        g.records = std::move(records);
        applyRecordSummary(g);
        q.flows.push_back(std::move(g));
    }
    if (out.records == 0)
        throw InvalidInput(argument, first.empty() ? "the project has no delivery records, so it has no periods to compare"
                                                   : "no delivery record is dated in " + range.label + " (" + range.start +
                                                         " to " + range.end + "; the records run from " + first + " to " +
                                                         last + ")");
    return out;
}

}  // namespace traza::model
