#pragma once
// Delivered tonnes against a goal, derived from the flows (never typed in), as
// in the CARE pilot's table: compliance = delivered / goal (the last threshold).
#include <vector>

#include "project.h"

namespace traza::model {

struct GoalProgress {
    const Goal* goal = nullptr;
    double deliveredT = 0;     ///< sum of flows actor -> buyer (any buyer if none set)
    double goalT = 0;          ///< the last threshold
    double compliance = 0;     ///< deliveredT / goalT (1.16 = 116%)
    int thresholdsReached = 0; ///< how many thresholds deliveredT meets or exceeds
};

struct GoalTable {
    std::vector<GoalProgress> rows;
    std::vector<double> thresholdTotalsT;  ///< column sums of thresholds
    double deliveredT = 0;
    double goalT = 0;
    double compliance = 0;  ///< total delivered / total goal
};

GoalTable goalTable(const Project&);

}  // namespace traza::model
