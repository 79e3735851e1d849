#include "series.h"

#include <algorithm>

#include "error.h"
#include "series_parts.h"

namespace traza::risk {

namespace {
// An assessment period of decades in weeks would give thousands of empty periods.
constexpr std::size_t kMaxWidenedPeriods = 600;
}  // namespace

namespace series_detail {

std::size_t periodIndex(const std::vector<model::PeriodSlot>& periods, const std::string& date) {
    // ISO dates order as strings; the last period starting on or before `date`.
    auto it = std::upper_bound(periods.begin(), periods.end(), date,
                               [](const std::string& d, const model::PeriodSlot& p) { return d < p.start; });
    return it == periods.begin() ? 0 : static_cast<std::size_t>(it - periods.begin() - 1);
}

}  // namespace series_detail

bool projectHasRecords(const model::Project& p) {
    return std::any_of(p.flows.begin(), p.flows.end(), [](const model::Flow& f) { return !f.records.empty(); });
}

Series computeSeries(const model::Project& p, const std::vector<std::string>& destinations, const std::string& language) {
    Series s;
    s.kind = p.assessment.seriesPeriod;
    std::string first, last;
    for (const model::Flow& f : p.flows) {
        if (f.records.empty()) {
            s.undatedT += f.tonnes;
            continue;
        }
        for (const model::Record& r : f.records) {
            if (first.empty() || r.date < first) first = r.date;
            if (last.empty() || r.date > last) last = r.date;
        }
    }
    if (first.empty()) return s;
    s.periods = model::periodsBetween(first, last, s.kind);
    // The assessment period widens the range (months without records show as 0),
    // when its bounds are dates and the range stays of a size to read.
    try {
        std::string from = first, to = last;
        if (!p.assessment.period.start.empty() && p.assessment.period.start < from) from = p.assessment.period.start;
        if (!p.assessment.period.end.empty() && p.assessment.period.end > to) to = p.assessment.period.end;
        model::periodOf(from, s.kind);  // throws for a bound that is no date
        model::periodOf(to, s.kind);
        const int years = std::stoi(to.substr(0, 4)) - std::stoi(from.substr(0, 4));
        if ((from != first || to != last) && years <= 12) {
            std::vector<model::PeriodSlot> wide = model::periodsBetween(from, to, s.kind);
            if (wide.size() <= kMaxWidenedPeriods) s.periods = std::move(wide);
        }
    } catch (const InvalidInput&) {  // an assessment bound that is no date: the records' range
    }
    s.goals = series_detail::goalSeries(p, s.periods);
    s.evidence = series_detail::evidenceSeries(p, s.periods, destinations, language);
    return s;
}

}  // namespace traza::risk
