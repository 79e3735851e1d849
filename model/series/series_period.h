#pragma once
// The periods of the progress series (issue #19, "Time"): calendar months, or
// ISO 8601 weeks (Monday to Sunday, numbered by the year of their Thursday),
// chosen per project (Assessment::seriesPeriod, chain JSON
// "assessment.series_period"). Pure date arithmetic on ISO dates.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

enum class SeriesPeriod { Monthly, Weekly };

std::string_view toString(SeriesPeriod);  ///< "monthly" / "weekly"
std::optional<SeriesPeriod> parseSeriesPeriod(std::string_view);

/// One period of a series: its key ("2025-03", or "2025-W09") and its first
/// and last days (ISO dates, inclusive).
struct PeriodSlot {
    std::string key;
    std::string start;
    std::string end;
    bool operator==(const PeriodSlot&) const = default;
};

/// The period holding `isoDate` (a valid calendar date "YYYY-MM-DD"); throws
/// InvalidInput naming the date otherwise.
PeriodSlot periodOf(const std::string& isoDate, SeriesPeriod);

/// The period a key names: "2025-03" (a calendar month) or "2025-W09" (an
/// ISO week); throws InvalidInput naming the key for any other text, a month
/// past 12 or a week the year does not have (2025-W53).
PeriodSlot periodNamed(const std::string& key);

/// Every period from the one holding `first` to the one holding `last`, in
/// order (empty when last < first).
std::vector<PeriodSlot> periodsBetween(const std::string& first, const std::string& last, SeriesPeriod);

}  // namespace traza::model
