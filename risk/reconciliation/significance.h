#pragma once
// The statistical tests' numbers (Boost.Math): the χ² tail and quantile, and
// the Šidák-corrected critical |z| for many simultaneous normal tests.
#include <cstddef>

namespace traza::risk::reconciliation {

/// P(χ²(dof) > x); NaN when dof is 0.
double chiSquarePValue(double x, long dof);

/// The 1 − alpha quantile of χ²(dof); NaN when dof is 0.
double chiSquareCritical(long dof, double alpha);

/// Critical |z| for `tests` simultaneous two-sided standard-normal tests at
/// family-wise level alpha (Šidák): Φ⁻¹(1 − β/2), β = 1 − (1 − alpha)^(1/tests).
/// For one test (or none) it is the plain two-sided value (1.96 at 5%).
double sidakCriticalZ(std::size_t tests, double alpha);

}  // namespace traza::risk::reconciliation
