#pragma once
// Performance goals and the supports paid against them (the CARE pilot's scheme).
#include <string>
#include <vector>

namespace traza::model {

/// Agreed tonnage thresholds of one organisation towards one buyer; the last
/// threshold is the goal. Delivered tonnes are derived from the flows (GoalProgress).
struct Goal {
    std::string actor;
    std::string buyer;
    std::vector<double> thresholdsT;  ///< ascending, > 0
    std::string notes;  ///< e.g. where a source's figure differs from the computed one
    bool operator==(const Goal&) const = default;
};

/// Support delivered once a threshold was reached.
struct Support {
    std::string actor;
    std::string type;  ///< e.g. "equipment"
    int threshold = 0; ///< 1-based threshold number it is linked to (0 = none)
    std::string region;
    int count = 0;
    int beneficiaries = 0;
    double cost = 0;  ///< in the assessment currency; 0 = unknown
    std::string notes;
    bool operator==(const Support&) const = default;
};

}  // namespace traza::model
