#include "record_validation.h"

#include <cmath>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "own_entries.h"

namespace traza::model {
namespace {

std::string fmt(double v) {
    std::ostringstream s;
    s.precision(15);
    s << v;
    return s.str();
}

}  // namespace

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
    if (!std::isfinite(r.tonnes) || r.tonnes <= 0) add("tonnes", "must be a finite number greater than 0 (got " + fmt(r.tonnes) + ")");
    else if (r.tonnes > kMaxAmount) add("tonnes", "must be at most " + fmt(kMaxAmount) + " (got " + fmt(r.tonnes) + ")");
    if (!std::isfinite(r.pricePerT) || r.pricePerT < 0) add("price_per_t", "must be a finite number, at least 0");
    else if (r.pricePerT > kMaxAmount) add("price_per_t", "must be at most " + fmt(kMaxAmount));
    for (std::size_t i = 0; i < r.documents.size(); ++i) {
        const std::string dpath = "documents[" + std::to_string(i) + "].type";
        const std::string& type = r.documents[i].type;
        if (type.empty()) add(dpath, "must name a document type");
        else if (cat && !cat->documentType(type))
            add(dpath, "unknown document type \"" + type + "\"" + unknownIdHint(*cat, "document_types", type));
    }
    return out;
}

void validateRecords(const Project& p, std::vector<ValidationIssue>& out) {
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    std::unordered_set<std::string_view> ids;
    std::size_t k = 0;
    for (const Flow& f : p.flows)
        for (const Record& r : f.records) {
            const std::string path = "records[" + std::to_string(k++) + "]";
            for (ValidationIssue& issue : validateRecord(r, f, p.assessment.period, path, cat)) out.push_back(std::move(issue));
            if (!r.id.empty() && !ids.insert(r.id).second) out.push_back({path + ".id", "duplicate record id \"" + r.id + "\""});
        }
}

}  // namespace traza::model
