#pragma once
// The one due-diligence assessment a project file holds.
#include <string>

#include "series/series_period.h"

namespace traza::model {

struct Period {
    std::string start;  ///< ISO date "YYYY-MM-DD", or empty when unknown
    std::string end;
    bool operator==(const Period&) const = default;
};

struct Assessment {
    std::string title;
    std::string assessor;
    std::string organisation;
    std::string purpose;   ///< free text; the sample uses "chain_map"
    std::string material;  ///< e.g. "UBC" (used beverage cans)
    std::string country;   ///< ISO 3166 alpha-2
    Period period;
    std::string currency;  ///< ISO 4217, e.g. "COP"
    std::string notes;
    // Sign-off (issue 16): who reviewed the assessment, and when each signed (ISO dates or empty).
    std::string assessedOn;
    std::string reviewer;
    std::string reviewedOn;
    /// The period of the progress series (issue #19): monthly unless chosen weekly.
    SeriesPeriod seriesPeriod = SeriesPeriod::Monthly;
    bool operator==(const Assessment&) const = default;
};

}  // namespace traza::model
