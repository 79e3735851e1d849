#pragma once
// Two periods of one project side by side (issue #19): each period's project
// (model/series/period_project.h: the records dated in it, flows without
// records left out) analysed as any project, then compared (chain_comparison.h).
#include <string>

#include "analysis.h"
#include "chain_comparison.h"

namespace traza::risk {

/// `before` and `after` as parsePeriodRange reads them; errors name `argument`
/// (the option: "--periods", "--compare-periods"). The comparison's `periods`
/// say what each side held and how many tonnes were undated.
ChainComparison comparePeriods(const model::Project&, const std::string& before, const std::string& after,
                               const AnalysisOptions&, const std::string& argument);

}  // namespace traza::risk
