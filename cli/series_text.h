#pragma once
// The short "Progress" section of `traza-cli analyze` (issue #19): per goal the
// period each threshold was reached, and the documented share per period.
#include <ostream>

#include "analysis.h"

namespace traza::cli {

/// Prints nothing when the analysis has no series (no delivery records).
void printSeries(const model::Project&, const risk::Analysis&, bool es, std::ostream&);

}  // namespace traza::cli
