#include "state_reduction.h"

#include <cmath>
#include <utility>

namespace traza::risk {
namespace {

// A group during reduction: the members still active, in tonnes.
struct Work {
    std::size_t n = 0;
    std::vector<double> w;  // n × n, to × from
    std::vector<double> d;  // leak
    std::vector<double> h;  // adjoint right-hand side
    std::vector<std::size_t> ids;  // member numbers in the original group
};

// Eliminates member k from the adjoint system y = h + Σ (weights) y over the
// active members. The pivot is the sum of what k still receives (GTH), so it
// is exact to rounding however close k's return weight is to all of in(k).
void eliminateAdjoint(Work& s, std::vector<char>& active, std::size_t k, std::vector<double>& r) {
    const std::size_t n = s.n;
    active[k] = 0;
    double pivot = s.d[k];
    for (std::size_t j = 0; j < n; ++j)
        if (active[j]) pivot += s.w[k * n + j];
    if (!(pivot > 0)) {
        // Nothing reaches k any more (only after underflow): it carries no
        // value, so what it sends counts as material of no concern.
        for (std::size_t i = 0; i < n; ++i)
            if (active[i]) s.d[i] += s.w[i * n + k];
        return;
    }
    for (std::size_t j = 0; j < n; ++j) r[j] = active[j] ? s.w[k * n + j] / pivot : 0.0;  // each ≤ 1
    const double hk = s.h[k], dk = s.d[k] / pivot;
    for (std::size_t j = 0; j < n; ++j)
        if (r[j] > 0) s.h[j] += r[j] * hk;
    for (std::size_t i = 0; i < n; ++i) {
        const double c = active[i] ? s.w[i * n + k] : 0.0;
        if (!(c > 0)) continue;
        for (std::size_t j = 0; j < n; ++j)
            if (r[j] > 0 && j != i) s.w[i * n + j] += c * r[j];
        s.d[i] += c * dk;
    }
}

// The group reduced to the members at positions [first, last) of s.
Work keepOnly(const Work& s, std::size_t first, std::size_t last) {
    Work t = s;
    std::vector<char> active(s.n, 1);
    std::vector<double> r(s.n);
    for (std::size_t k = 0; k < s.n; ++k)
        if (k < first || k >= last) eliminateAdjoint(t, active, k, r);
    Work out;
    out.n = last - first;
    out.w.assign(out.n * out.n, 0.0);
    for (std::size_t i = 0; i < out.n; ++i) {
        for (std::size_t j = 0; j < out.n; ++j) out.w[i * out.n + j] = t.w[(first + i) * s.n + first + j];
        out.d.push_back(t.d[first + i]);
        out.h.push_back(t.h[first + i]);
        out.ids.push_back(s.ids[first + i]);
    }
    return out;
}

// Leave-one-out by halving: reducing to each half costs O(n³) and the halves
// are independent, so all n single-member reductions cost O(n³) in all.
void reduceToEach(const Work& s, const std::vector<double>& in, CycleSystem::Adjoint& out) {
    if (s.n == 1) {
        const std::size_t id = s.ids[0];
        out.absorbed[id] = s.h[0];
        // The member alone: pivot = leak, so y = in · h / leak.
        out.value[id] = s.d[0] > 0 ? in[id] * (s.h[0] / s.d[0]) : 0.0;
        return;
    }
    const std::size_t half = s.n / 2;
    reduceToEach(keepOnly(s, 0, half), in, out);
    reduceToEach(keepOnly(s, half, s.n), in, out);
}

}  // namespace

std::vector<double> CycleSystem::solveMixing(std::vector<double> rhs) const {
    const std::size_t n = m_n;
    std::vector<double> w = m_weight, d = m_leak, pivot(n, 0.0);
    // Forward elimination in member order; row k keeps, for the columns
    // j > k, what back-substitution needs.
    for (std::size_t k = 0; k < n; ++k) {
        double p = d[k];
        for (std::size_t j = k + 1; j < n; ++j) p += w[k * n + j];
        pivot[k] = p;
        if (!(p > 0)) {
            // k receives only from itself: a closed loop, x(k) = 0 (minimal solution).
            for (std::size_t i = k + 1; i < n; ++i) d[i] += w[i * n + k];
            continue;
        }
        const double xk = rhs[k] / p, dk = d[k] / p;
        for (std::size_t i = k + 1; i < n; ++i) {
            const double c = w[i * n + k];
            if (!(c > 0)) continue;
            for (std::size_t j = k + 1; j < n; ++j)
                if (j != i && w[k * n + j] > 0) w[i * n + j] += c * (w[k * n + j] / p);
            d[i] += c * dk;
            rhs[i] += c * xk;
        }
    }
    std::vector<double> x(n, 0.0);
    for (std::size_t k = n; k-- > 0;) {
        if (!(pivot[k] > 0)) continue;
        double s = rhs[k];
        for (std::size_t j = k + 1; j < n; ++j) s += w[k * n + j] * x[j];
        x[k] = s / pivot[k];
    }
    return x;
}

CycleSystem::Adjoint CycleSystem::solveAdjoint(std::vector<double> h) const {
    Adjoint out;
    out.value.assign(m_n, 0.0);
    out.absorbed.assign(m_n, 0.0);
    if (m_n == 0) return out;
    std::vector<double> in(m_leak);
    for (std::size_t i = 0; i < m_n; ++i)
        for (std::size_t j = 0; j < m_n; ++j)
            if (j != i) in[i] += m_weight[i * m_n + j];
    Work s;
    s.n = m_n;
    s.w = m_weight;
    for (std::size_t i = 0; i < m_n; ++i) s.w[i * m_n + i] = 0.0;
    s.d = m_leak;
    s.h = std::move(h);
    for (std::size_t i = 0; i < m_n; ++i) s.ids.push_back(i);
    reduceToEach(s, in, out);
    return out;
}

}  // namespace traza::risk
