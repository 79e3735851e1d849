#include "record_validation.h"

#include <cmath>
#include <functional>
#include <future>
#include <sstream>
#include <string_view>

#include "own_entries.h"
#include "start_task.h"

namespace traza::model {

std::string recordNumberText(double v) {
    std::ostringstream s;
    s.precision(15);
    s << v;
    return s.str();
}

Period recordPeriod(const Flow& f, const Period& assessment) {
    return {assessment.start.empty() ? f.periodStart : assessment.start, assessment.end.empty() ? f.periodEnd : assessment.end};
}

bool outsideFlowPeriod(const std::string& date, const Flow& f) {
    return (!f.periodStart.empty() && date < f.periodStart) || (!f.periodEnd.empty() && date > f.periodEnd);
}

bool sameTonnes(double tonnes, double sum) { return std::abs(tonnes - sum) <= 1e-9 * std::max(std::abs(tonnes), std::abs(sum)); }

std::vector<ValidationIssue> validateRecord(const Record& r, const Flow& f, const Period& assessment, const std::string& path,
                                            const Catalogue* cat) {
    std::vector<ValidationIssue> out;
    const auto add = [&](const std::string& field, std::string reason) { out.push_back({path + "." + field, std::move(reason)}); };
    if (r.id.empty()) add("id", "must not be empty");
    if (r.date.empty()) add("date", "missing required date (YYYY-MM-DD)");
    else if (!isCalendarDate(r.date)) add("date", r.date + " is not a date (YYYY-MM-DD that exists)");
    else {
        // ISO dates compare as text; a bound that is no date was reported on the flow or assessment.
        const Period period = recordPeriod(f, assessment);
        const bool early = isCalendarDate(period.start) && r.date < period.start;
        const bool late = isCalendarDate(period.end) && r.date > period.end;
        if (early || late)
            add("date", r.date + " is outside the assessment period (" + (period.start.empty() ? "…" : period.start) + " to " +
                            (period.end.empty() ? "…" : period.end) + ")");
    }
    if (!std::isfinite(r.tonnes) || r.tonnes <= 0) add("tonnes", "must be a finite number greater than 0 (got " + recordNumberText(r.tonnes) + ")");
    else if (r.tonnes > kMaxAmount) add("tonnes", "must be at most " + recordNumberText(kMaxAmount) + " (got " + recordNumberText(r.tonnes) + ")");
    if (!std::isfinite(r.pricePerT) || r.pricePerT < 0) add("price_per_t", "must be a finite number, at least 0");
    else if (r.pricePerT > kMaxAmount) add("price_per_t", "must be at most " + recordNumberText(kMaxAmount));
    for (std::size_t i = 0; i < r.documents.size(); ++i) {
        const std::string dpath = "documents[" + std::to_string(i) + "].type";
        const std::string& type = r.documents[i].type;
        if (type.empty()) add(dpath, "must name a document type");
        else if (cat && !cat->documentType(type))
            add(dpath, "unknown document type \"" + type + "\"" + unknownIdHint(*cat, "document_types", type));
    }
    return out;
}

namespace {

constexpr std::size_t kRecordsWorthAThread = 20000;

// The field issues of a run of flows' records, each with its record's number k.
struct FieldIssues {
    std::vector<std::size_t> record;
    std::vector<ValidationIssue> issues;
};

FieldIssues checkFields(const Project& p, const Catalogue* cat, std::size_t flowBegin, std::size_t flowEnd, std::size_t k) {
    FieldIssues found;
    for (std::size_t i = flowBegin; i < flowEnd; ++i)
        for (const Record& r : p.flows[i].records) {
            // Paths are made only for a record that has issues: a national year has 870 000 records.
            for (ValidationIssue& issue : validateRecord(r, p.flows[i], p.assessment.period, std::string(), cat)) {
                issue.path = "records[" + std::to_string(k) + "]" + issue.path;
                found.record.push_back(k);
                found.issues.push_back(std::move(issue));
            }
            ++k;
        }
    return found;
}

// A record whose id an earlier record already has, and its number k.
struct LaterDuplicate {
    std::size_t k;
    const Record* record;
};

// The later duplicates, in order. An open-addressing table of the ids (a
// node-based set of 870 000 ids was a quarter of opening a national year).
std::vector<LaterDuplicate> laterDuplicates(const Project& p, std::size_t count) {
    std::size_t capacity = 16;
    while (capacity < 2 * count) capacity *= 2;
    std::vector<const std::string*> slots(capacity, nullptr);
    const std::hash<std::string_view> hash;
    std::vector<LaterDuplicate> found;
    std::size_t k = 0;
    for (const Flow& f : p.flows)
        for (const Record& r : f.records) {
            if (!r.id.empty()) {
                for (std::size_t at = hash(r.id) & (capacity - 1);; at = (at + 1) & (capacity - 1)) {
                    if (!slots[at]) {
                        slots[at] = &r.id;
                        break;
                    }
                    if (*slots[at] == r.id) {
                        found.push_back({k, &r});
                        break;
                    }
                }
            }
            ++k;
        }
    return found;
}

}  // namespace

void validateRecords(const Project& p, std::vector<ValidationIssue>& out) {
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    std::size_t count = 0;
    for (const Flow& f : p.flows) count += f.records.size();
    if (count == 0) return;
    // Two halves of the records' field checks and the duplicate ids, as three
    // tasks; the issues come out as one pass would give them: record by record,
    // its fields' issues and then its duplicate id.
    const bool threads = count >= kRecordsWorthAThread;
    std::future<std::vector<LaterDuplicate>> duplicates = startTask(threads, [&] { return laterDuplicates(p, count); });
    std::size_t middle = 0, firstOfMiddle = 0;
    while (middle < p.flows.size() && firstOfMiddle + p.flows[middle].records.size() <= count / 2)
        firstOfMiddle += p.flows[middle++].records.size();
    std::future<FieldIssues> firstHalf = startTask(threads, [&] { return checkFields(p, cat, 0, middle, 0); });
    FieldIssues second = checkFields(p, cat, middle, p.flows.size(), firstOfMiddle);
    FieldIssues first = firstHalf.get();
    const std::vector<LaterDuplicate> later = duplicates.get();

    std::size_t a = 0, b = 0;
    auto fieldIssue = [&](std::size_t& i, FieldIssues& from, std::size_t beforeK) {
        while (i < from.issues.size() && from.record[i] <= beforeK) out.push_back(std::move(from.issues[i++]));
    };
    for (const LaterDuplicate& d : later) {
        fieldIssue(a, first, d.k);
        fieldIssue(b, second, d.k);
        out.push_back({"records[" + std::to_string(d.k) + "].id", "duplicate record id \"" + d.record->id + "\""});
    }
    fieldIssue(a, first, count);
    fieldIssue(b, second, count);
}

}  // namespace traza::model
