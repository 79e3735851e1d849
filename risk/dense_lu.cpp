#include "dense_lu.h"

#include <cmath>
#include <numeric>
#include <utility>

namespace traza::risk {

DenseLu::DenseLu(std::vector<double> a, std::size_t n) : m_lu(std::move(a)), m_perm(n), m_n(n) {
    std::iota(m_perm.begin(), m_perm.end(), std::size_t{0});
    auto at = [&](std::size_t r, std::size_t c) -> double& { return m_lu[r * n + c]; };
    for (std::size_t k = 0; k < n; ++k) {
        std::size_t pivot = k;
        for (std::size_t r = k + 1; r < n; ++r)
            if (std::fabs(at(r, k)) > std::fabs(at(pivot, k))) pivot = r;
        if (std::fabs(at(pivot, k)) < 1e-300) {
            m_singular = true;
            return;
        }
        if (pivot != k) {
            for (std::size_t c = 0; c < n; ++c) std::swap(at(k, c), at(pivot, c));
            std::swap(m_perm[k], m_perm[pivot]);
        }
        const double inv = 1.0 / at(k, k);
        for (std::size_t r = k + 1; r < n; ++r) {
            double f = at(r, k) * inv;
            at(r, k) = f;
            if (f == 0) continue;
            for (std::size_t c = k + 1; c < n; ++c) at(r, c) -= f * at(k, c);
        }
    }
}

void DenseLu::solve(std::vector<double>& b) const {
    const std::size_t n = m_n;
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) {
        double s = b[m_perm[i]];
        for (std::size_t j = 0; j < i; ++j) s -= m_lu[i * n + j] * y[j];
        y[i] = s;
    }
    for (std::size_t i = n; i-- > 0;) {
        double s = y[i];
        for (std::size_t j = i + 1; j < n; ++j) s -= m_lu[i * n + j] * y[j];
        y[i] = s / m_lu[i * n + i];
    }
    b = std::move(y);
}

void DenseLu::solveTransposed(std::vector<double>& b) const {
    // PA = LU, so Aᵀ = Uᵀ Lᵀ P: solve Uᵀ z = b, then Lᵀ w = z, then x = Pᵀ w.
    const std::size_t n = m_n;
    std::vector<double> z(b);
    for (std::size_t i = 0; i < n; ++i) {
        double s = z[i];
        for (std::size_t j = 0; j < i; ++j) s -= m_lu[j * n + i] * z[j];
        z[i] = s / m_lu[i * n + i];
    }
    for (std::size_t i = n; i-- > 0;) {
        double s = z[i];
        for (std::size_t j = i + 1; j < n; ++j) s -= m_lu[j * n + i] * z[j];
        z[i] = s;
    }
    for (std::size_t i = 0; i < n; ++i) b[m_perm[i]] = z[i];
}

std::vector<double> DenseLu::inverseDiagonal() const {
    std::vector<double> diag(m_n);
    std::vector<double> col(m_n);
    for (std::size_t k = 0; k < m_n; ++k) {
        std::fill(col.begin(), col.end(), 0.0);
        col[k] = 1.0;
        solve(col);
        diag[k] = col[k];
    }
    return diag;
}

}  // namespace traza::risk
