#pragma once
// Uncertainty on a generated chain, for the reconciliation benchmarks: every
// first-mile flow (sent by a picker group, whose deliveries nobody weighs one
// by one) gets sd_t = relative × tonnes, and its tonnes are redrawn around the
// true figure with that sd (so χ² ≈ dof), from the seed.
#include <cstdint>

#include "project.h"

namespace traza::bench {

/// Returns the number of flows given an sd.
std::size_t addFirstMileUncertainty(model::Project&, double relative, std::uint64_t seed);

}  // namespace traza::bench
