#pragma once
// The parts of computeSeries (series.h), each over the same periods.
#include <string>
#include <vector>

#include "series.h"

namespace traza::risk::series_detail {

/// Index of the period holding `date` (periods in order, covering it).
std::size_t periodIndex(const std::vector<model::PeriodSlot>&, const std::string& date);

/// Tonnes per goal and period, cumulative, thresholds reached, supports placed.
std::vector<GoalSeries> goalSeries(const model::Project&, const std::vector<model::PeriodSlot>&);

/// Documented shares and traced shares per period.
std::vector<EvidencePeriod> evidenceSeries(const model::Project&, const std::vector<model::PeriodSlot>&,
                                           const std::vector<std::string>& destinations, const std::string& language);

}  // namespace traza::risk::series_detail
