#include "significance.h"

#include <cmath>
#include <limits>

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/normal.hpp>

namespace traza::risk::reconciliation {

double chiSquarePValue(double x, long dof) {
    if (dof <= 0 || !std::isfinite(x)) return std::numeric_limits<double>::quiet_NaN();
    const boost::math::chi_squared dist(static_cast<double>(dof));
    return boost::math::cdf(boost::math::complement(dist, std::max(0.0, x)));
}

double chiSquareCritical(long dof, double alpha) {
    if (dof <= 0) return std::numeric_limits<double>::quiet_NaN();
    const boost::math::chi_squared dist(static_cast<double>(dof));
    return boost::math::quantile(boost::math::complement(dist, alpha));
}

double sidakCriticalZ(std::size_t tests, double alpha) {
    const double n = static_cast<double>(std::max<std::size_t>(tests, 1));
    // β = 1 − (1 − α)^(1/n), computed without cancellation for large n.
    const double beta = -std::expm1(std::log1p(-alpha) / n);
    const boost::math::normal standard;
    return boost::math::quantile(boost::math::complement(standard, beta / 2));
}

}  // namespace traza::risk::reconciliation
