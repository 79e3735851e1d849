#include "period_comparison.h"

#include "series/period_project.h"

namespace traza::risk {

namespace {

ComparedPeriod described(const model::PeriodRange& range, const model::ProjectOfPeriod& p) {
    return {range.label, range.start, range.end, p.records, p.undatedFlows, p.undatedT};
}

}  // namespace

ChainComparison comparePeriods(const model::Project& project, const std::string& before, const std::string& after,
                               const AnalysisOptions& options, const std::string& argument) {
    // Both texts are read before anything is computed, so a bad second one is refused at once.
    const model::PeriodRange first = model::parsePeriodRange(before, argument);
    const model::PeriodRange second = model::parsePeriodRange(after, argument);
    const model::ProjectOfPeriod a = model::projectOfPeriod(project, first, argument);
    const model::ProjectOfPeriod b = model::projectOfPeriod(project, second, argument);
    const Analysis analysisA = analyze(a.project, options);
    const Analysis analysisB = analyze(b.project, options);
    ChainComparison c = compareChains(a.project, analysisA, b.project, analysisB);
    c.periods = {described(first, a), described(second, b)};
    return c;
}

}  // namespace traza::risk
