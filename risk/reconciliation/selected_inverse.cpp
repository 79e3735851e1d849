#include "selected_inverse.h"

#include <algorithm>
#include <stdexcept>

namespace traza::risk::reconciliation {

SelectedInverse::SelectedInverse(const Ldlt& ldlt) {
    const SparseMatrix& L = ldlt.matrixL().nestedExpression();  // strictly lower, unit diagonal implied
    const auto& d = ldlt.vectorD();
    const std::size_t n = static_cast<std::size_t>(L.cols());
    m_perm.resize(n);
    for (std::size_t i = 0; i < n; ++i) m_perm[i] = ldlt.permutationP().indices()(static_cast<Eigen::Index>(i));
    m_start = L.outerIndexPtr();
    m_row = L.innerIndexPtr();
    const double* lx = L.valuePtr();
    m_offDiagonal.assign(static_cast<std::size_t>(L.nonZeros()), 0.0);
    m_diagonal.assign(n, 0.0);
    // Z = D⁻¹L⁻¹ + (I − Lᵀ)Z, from the last column to the first: each entry
    // needs only entries of later columns on the pattern (which the
    // elimination makes a clique per column).
    for (std::size_t jj = n; jj-- > 0;) {
        const int begin = m_start[jj], end = m_start[jj + 1];
        for (int a = begin; a < end; ++a) {
            double sum = 0;
            for (int b = begin; b < end; ++b)
                sum += lx[b] * permuted(static_cast<std::size_t>(m_row[a]), static_cast<std::size_t>(m_row[b]));
            m_offDiagonal[static_cast<std::size_t>(a)] = -sum;
        }
        double diag = 1.0 / d(static_cast<Eigen::Index>(jj));
        for (int a = begin; a < end; ++a) diag -= lx[a] * m_offDiagonal[static_cast<std::size_t>(a)];
        m_diagonal[jj] = diag;
    }
}

double SelectedInverse::permuted(std::size_t p, std::size_t q) const {
    if (p == q) return m_diagonal[p];
    const std::size_t col = std::min(p, q), row = std::max(p, q);
    const int* first = m_row + m_start[col];
    const int* last = m_row + m_start[col + 1];
    const int* it = std::lower_bound(first, last, static_cast<int>(row));
    if (it == last || *it != static_cast<int>(row)) throw std::logic_error("selected inverse: entry off the factor's pattern");
    return m_offDiagonal[static_cast<std::size_t>(it - m_row)];
}

double SelectedInverse::at(std::size_t i, std::size_t j) const {
    return permuted(static_cast<std::size_t>(m_perm[i]), static_cast<std::size_t>(m_perm[j]));
}

}  // namespace traza::risk::reconciliation
