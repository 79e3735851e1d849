#pragma once
// Entries of S⁻¹ on the pattern of S's LDLᵀ factor (the selected inverse, by the
// Takahashi recurrence), without forming S⁻¹: what the measurement test needs
// for every figure at once. A figure's column of A touches at most two rows,
// and S = A V Aᵀ has an entry wherever two rows share a figure, so every
// S⁻¹ entry the tests read lies on that pattern.
#include <cstddef>
#include <vector>

#include <Eigen/SparseCholesky>

namespace traza::risk::reconciliation {

using SparseMatrix = Eigen::SparseMatrix<double>;
using Ldlt = Eigen::SimplicialLDLT<SparseMatrix, Eigen::Lower, Eigen::AMDOrdering<int>>;

class SelectedInverse {
public:
    /// `ldlt` must hold a successful factorisation of an SPD matrix.
    explicit SelectedInverse(const Ldlt& ldlt);

    /// (S⁻¹)_ij for original indices i, j with i == j or S_ij structurally
    /// non-zero; throws std::logic_error for an entry off the factor's pattern.
    double at(std::size_t i, std::size_t j) const;

private:
    double permuted(std::size_t p, std::size_t q) const;  ///< in the factor's order

    std::vector<int> m_perm;  ///< original -> factor order
    const int* m_start = nullptr;
    const int* m_row = nullptr;
    std::vector<double> m_offDiagonal;  ///< aligned with the factor's entries
    std::vector<double> m_diagonal;
};

}  // namespace traza::risk::reconciliation
