#pragma once
// The parts of computeSeries (series.h), each over the same periods.
#include <string>
#include <vector>

#include "series.h"

namespace traza::risk::series_detail {

/// Index of the period holding `date` (periods in order, covering it).
std::size_t periodIndex(const std::vector<model::PeriodSlot>&, const std::string& date);

/// periodIndex, remembering the last answer: a flow's records mostly come in
/// date order, so the next record is in the same period or the one after, and
/// two comparisons replace a search (870 000 records on a national year).
class PeriodFinder {
public:
    explicit PeriodFinder(const std::vector<model::PeriodSlot>& periods) : m_periods(periods) {}
    std::size_t operator()(const std::string& date) {
        for (std::size_t i = m_last; i < m_last + 2 && i < m_periods.size(); ++i)
            if (m_periods[i].start <= date && (i + 1 == m_periods.size() || date < m_periods[i + 1].start))
                return m_last = i;
        return m_last = periodIndex(m_periods, date);
    }

private:
    const std::vector<model::PeriodSlot>& m_periods;
    std::size_t m_last = 0;
};

/// Tonnes per goal and period, cumulative, thresholds reached, supports placed.
std::vector<GoalSeries> goalSeries(const model::Project&, const std::vector<model::PeriodSlot>&);

/// Documented shares and traced shares per period.
std::vector<EvidencePeriod> evidenceSeries(const model::Project&, const std::vector<model::PeriodSlot>&,
                                           const std::vector<std::string>& destinations, const std::string& language);

}  // namespace traza::risk::series_detail
