#pragma once
// LU factorisation with partial pivoting of a small dense matrix. Used only
// inside one strongly connected component of the chain (material going round
// a cycle), never for the whole chain: cycles in real chains are small.
#include <cstddef>
#include <vector>

namespace traza::risk {

class DenseLu {
public:
    /// Factorises the n×n row-major matrix `a` (taken by value: factorised in
    /// place). singular() tells whether a pivot vanished.
    DenseLu(std::vector<double> a, std::size_t n);

    bool singular() const { return m_singular; }
    std::size_t size() const { return m_n; }
    /// Solves A x = b in place (b becomes x).
    void solve(std::vector<double>& b) const;
    /// Solves Aᵀ x = b in place.
    void solveTransposed(std::vector<double>& b) const;
    /// The diagonal of A⁻¹ (n solves of the factorised system).
    std::vector<double> inverseDiagonal() const;

private:
    std::vector<double> m_lu;
    std::vector<std::size_t> m_perm;  ///< row i of PA is row m_perm[i] of A
    std::size_t m_n;
    bool m_singular = false;
};

}  // namespace traza::risk
