#pragma once
// Numerically stable solves on one strongly connected group of actors, by
// state reduction (Grassmann–Taksar–Heyman): members are eliminated one by
// one, and each pivot is computed as the sum of the tonnes its member still
// receives from others and from outside ("leak"), never as 1 − self-return.
// Every operation adds or multiplies non-negative numbers, so a cycle fed by
// 1e-82 t beside 450 t circulating inside it is solved to full relative
// precision, where (I − M) is singular in floating point (docs/security.md).
//
// A group is described in tonnes: weight(i, j) = tonnes member i receives
// from member j (i ≠ j), leak(i) = tonnes i receives that carry no unknown
// (from outside the group, or the undocumented part of a flow), so that
// in(i) = leak(i) + Σ_j weight(i, j). Cost O(m³) for m members.
#include <cstddef>
#include <vector>

namespace traza::risk {

class CycleSystem {
public:
    explicit CycleSystem(std::size_t members) : m_n(members), m_weight(members * members, 0.0), m_leak(members, 0.0) {}

    std::size_t size() const { return m_n; }
    double& weight(std::size_t to, std::size_t from) { return m_weight[to * m_n + from]; }
    double weight(std::size_t to, std::size_t from) const { return m_weight[to * m_n + from]; }
    double& leak(std::size_t i) { return m_leak[i]; }
    double leak(std::size_t i) const { return m_leak[i]; }

    /// Forward mixing: solves in(i)·x(i) = rhs(i) + Σ_j weight(i, j)·x(j).
    /// A member whose pivot vanishes (no material from outside reaches it)
    /// gets x = 0, the minimal solution.
    std::vector<double> solveMixing(std::vector<double> rhs) const;

    struct Adjoint {
        std::vector<double> value;     ///< y(i): the full solution
        std::vector<double> absorbed;  ///< y′(i): same, with what returns to i not counted again
    };
    /// Adjoint (flow share): y(i) = h(i) + Σ_j weight(j, i)·y(j)/in(j), for
    /// every member i also y′(i), the value when i absorbs what comes back to
    /// it. y′ is computed by eliminating all other members (divide and
    /// conquer, O(m³) in all), so no ratio of two huge numbers is formed.
    Adjoint solveAdjoint(std::vector<double> h) const;

private:
    std::size_t m_n;
    std::vector<double> m_weight;  ///< row-major, to × from; diagonal unused
    std::vector<double> m_leak;
};

}  // namespace traza::risk
