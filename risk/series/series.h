#pragma once
// Progress series (issue #19, "Time"): what the delivery records say period by
// period (months, or ISO weeks: Assessment::seriesPeriod). Only records carry
// dates, so every series is computed over the records dated in each period; a
// flow without records has no date and is left out of every series (its tonnes
// are reported as undated). docs/methodology.md, "Progress series".
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chain_graph.h"
#include "project.h"
#include "series/series_period.h"

namespace traza::risk {

struct GoalPeriod {
    double deliveredT = 0;   ///< records of actor -> buyer dated in the period
    double cumulativeT = 0;  ///< delivered up to the end of the period
    int supports = 0;        ///< Σ count of the supports whose threshold was reached in the period
};

struct GoalSeries {
    std::string actor;
    std::string buyer;  ///< empty: any buyer (as GoalProgress)
    std::vector<double> thresholdsT;
    std::vector<GoalPeriod> periods;  ///< one per Series::periods
    /// Per threshold, the index of the period in which the cumulative tonnes
    /// first met it (same 1e-9 tolerance as goalTable), or nullopt.
    std::vector<std::optional<std::size_t>> reachedIn;
    double undatedT = 0;        ///< tonnes of this goal's flows without records
    int supportsUnplaced = 0;   ///< supports linked to no threshold or one not reached by the records
};

struct EvidencePeriod {
    double recordsT = 0;  ///< Σ t_r of the records dated in the period
    /// documentedT[L]: Σ { t_r : evidence(r) ≥ L, r has a document } (index by Evidence).
    std::array<double, kEvidenceLevels> documentedT{};
    /// documentedShare[L] for L = self_declared..verified: documentedT[L] / recordsT (0 when no record).
    std::array<double, kEvidenceLevels> documentedShare{};
    double destinationsT = 0;  ///< T of the period's chain (inflow of its destinations)
    /// traced[L][k] over the chain of the period's records (traceability.h),
    /// index L - SelfDeclared; stages 1..(highest destination stage − 1).
    std::vector<std::map<int, double>> traced;
};

struct Series {
    model::SeriesPeriod kind = model::SeriesPeriod::Monthly;
    std::vector<model::PeriodSlot> periods;
    std::vector<GoalSeries> goals;  ///< in project order
    std::vector<EvidencePeriod> evidence;  ///< one per period
    double undatedT = 0;  ///< tonnes of the flows without records, left out of every series
};

/// True when some flow has delivery records (the series exist only then).
bool projectHasRecords(const model::Project&);

/// The periods run from the assessment period's start (or the first record)
/// to its end (or the last record), always covering every record; when the
/// assessment's bounds are no dates, or would give more than 600 periods, the
/// records' own range.
/// `destinations` as AnalysisOptions::destinations; when empty, each period's
/// chain picks its own: the refiners that received records in the period, else
/// the actors that received records and sent none (records often stop before
/// the refiner). Throws InvalidInput for a record date that is
/// no calendar date.
Series computeSeries(const model::Project&, const std::vector<std::string>& destinations, const std::string& language);

}  // namespace traza::risk
