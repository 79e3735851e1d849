#pragma once
// One project seen over a period of its delivery records (issue #19, comparing
// two periods of one project: traza-cli compare P.traza --periods A B, report
// --compare-periods A B). Only records carry dates, so the project of a period
// keeps each flow's records dated in it, and the flow's tonnes and documented
// shares become their summary (record_summary.h); a flow without records has
// no date and is left out, its tonnes reported as undated.
#include <cstddef>
#include <string>

#include "project.h"
#include "series_period.h"

namespace traza::model {

/// Inclusive dates of one period or of a range of periods.
struct PeriodRange {
    std::string label;  ///< as written: "2025-01", "2025-W03", "2025-01..2025-03"
    std::string start;  ///< first day (ISO date)
    std::string end;    ///< last day
};

/// "2025-01", "2025-W03", or an inclusive range "2025-01..2025-03" of periods
/// of one kind. Throws InvalidInput naming `argument` (the option) for bad
/// text, a range of two kinds, or a range whose end comes before its start.
PeriodRange parsePeriodRange(const std::string& text, const std::string& argument);

struct ProjectOfPeriod {
    Project project;
    std::size_t records = 0;       ///< records dated in the period
    std::size_t undatedFlows = 0;  ///< flows without records, left out
    double undatedT = 0;           ///< their tonnes
};

/// The project over `range`: every part but the flows as in `p`; each flow
/// with records dated in the range, holding only those and summarised from
/// them; the assessment period set to the range. Throws InvalidInput naming
/// `argument` when no record is dated in the range.
ProjectOfPeriod projectOfPeriod(const Project& p, const PeriodRange& range, const std::string& argument);

}  // namespace traza::model
