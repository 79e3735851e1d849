// reconcile(): the weighted least-squares adjustment and its tests, over the
// system of balance_system.h (the formulas are the spec's).
#include <cmath>
#include <limits>
#include <stdexcept>

#include "balance_system.h"
#include "reconciliation.h"
#include "selected_inverse.h"
#include "significance.h"
#include "unknown_flows.h"

namespace traza::risk {
namespace {

using namespace reconciliation;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Below this share of its variance checked by the balances, a figure counts as
// not redundant: its adjustment is numerical noise, not a test.
constexpr double kMinRedundancy = 1e-10;

}  // namespace

const ReconciledFigure* Reconciliation::flow(std::size_t flowIndex) const {
    for (const ReconciledFigure& f : figures)  // flows come first, in project order
        if (f.kind == FigureKind::Flow && f.index == flowIndex) return &f;
    return nullptr;
}

bool Reconciliation::applies(const model::Project& p) {
    for (const model::Flow& f : p.flows)
        if (f.sdT > 0 || f.tonnesUnknown) return true;
    for (const model::Actor& a : p.actors)
        if (a.stockChangeSdT > 0 || a.lossSdT > 0) return true;
    return false;
}

Reconciliation reconcile(const model::Project& project, const std::vector<char>& isDestination,
                         const ReconcileOptions& options) {
    const BalanceSystem s = buildBalanceSystem(project, isDestination);
    Reconciliation out;
    out.alpha = options.alpha;
    const std::size_t nv = s.vars.size();
    const auto kept = static_cast<Eigen::Index>(s.kept);

    // S = A V Aᵀ over the kept rows, and r.
    std::vector<Eigen::Triplet<double>> entries;
    entries.reserve(nv * 4);
    Eigen::VectorXd r(kept);
    for (std::size_t i = 0; i < s.rows; ++i)
        if (s.keptIndex[i] != kNone) r(static_cast<Eigen::Index>(s.keptIndex[i])) = s.r[i];
    for (const Variable& v : s.vars)
        for (int a = 0; a < 2; ++a) {
            if (v.row[a] == kNone || s.keptIndex[v.row[a]] == kNone) continue;
            for (int b = 0; b < 2; ++b) {
                if (v.row[b] == kNone || s.keptIndex[v.row[b]] == kNone) continue;
                entries.emplace_back(static_cast<int>(s.keptIndex[v.row[a]]), static_cast<int>(s.keptIndex[v.row[b]]),
                                     v.variance * v.coef[a] * v.coef[b]);
            }
        }
    SparseMatrix S(kept, kept);
    S.setFromTriplets(entries.begin(), entries.end());
    Ldlt ldlt;
    Eigen::VectorXd lambda = Eigen::VectorXd::Zero(kept);
    if (kept > 0) {
        ldlt.compute(S);
        // S is a grounded weighted Laplacian with positive weights: positive
        // definite by construction (balance_system.h), so this cannot fail.
        if (ldlt.info() != Eigen::Success) throw std::runtime_error("reconciliation: the balance system is singular");
        lambda = ldlt.solve(r);
    }

    // x̂ = x − V Aᵀ λ; χ² = rᵀ λ, dof = rank(A) = kept rows.
    auto keptRow = [&](const Variable& v, int a) {
        return v.row[a] == kNone ? kNone : s.keptIndex[v.row[a]];
    };
    std::vector<double> xhat(nv);
    for (std::size_t j = 0; j < nv; ++j) {
        const Variable& v = s.vars[j];
        double atl = 0;
        for (int a = 0; a < 2; ++a)
            if (keptRow(v, a) != kNone) atl += v.coef[a] * lambda(static_cast<Eigen::Index>(keptRow(v, a)));
        xhat[j] = v.value - v.variance * atl;
    }
    out.chi2 = kept > 0 ? r.dot(lambda) : 0.0;
    out.dof = static_cast<long>(kept);
    out.pValue = chiSquarePValue(out.chi2, out.dof);
    out.chi2Critical = chiSquareCritical(out.dof, options.alpha);

    // Measurement test: W_jj = V_jj² c_jᵀ S⁻¹ c_j, from the selected inverse.
    std::vector<double> w(nv, 0.0);
    if (kept > 0) {
        const SelectedInverse Z(ldlt);
        for (std::size_t j = 0; j < nv; ++j) {
            const Variable& v = s.vars[j];
            double q = 0;
            for (int a = 0; a < 2; ++a)
                for (int b = 0; b < 2; ++b)
                    if (keptRow(v, a) != kNone && keptRow(v, b) != kNone)
                        q += v.coef[a] * v.coef[b] * Z.at(keptRow(v, a), keptRow(v, b));
            w[j] = v.variance * v.variance * q;
        }
    }

    // Unknown flows, with the variance of a combination g of x̂:
    // gᵀ(V − W)g = gᵀVg − yᵀS⁻¹y with y = A V g.
    auto variance = [&](const Combination& g) {
        double gvg = 0;
        Eigen::VectorXd y = Eigen::VectorXd::Zero(kept);
        for (const auto& [j, c] : g) {
            const Variable& v = s.vars[j];
            gvg += c * c * v.variance;
            for (int a = 0; a < 2; ++a)
                if (keptRow(v, a) != kNone) y(static_cast<Eigen::Index>(keptRow(v, a))) += v.coef[a] * v.variance * c;
        }
        return kept > 0 ? gvg - y.dot(ldlt.solve(y)) : gvg;
    };
    const UnknownFlows unknown = solveUnknownFlows(project, s, xhat, variance, options.maxUnknownSd);

    // Figures: flows in project order (measured and unknown), then actors'.
    std::vector<std::size_t> varOfFlow(project.flows.size(), kNone);
    for (std::size_t j = 0; j < nv; ++j)
        if (s.vars[j].kind == FigureKind::Flow) varOfFlow[s.vars[j].index] = j;
    auto measured = [&](std::size_t j) {
        const Variable& v = s.vars[j];
        ReconciledFigure fig;
        fig.id = v.kind == FigureKind::Flow ? project.flows[v.index].id : project.actors[v.index].id;
        fig.kind = v.kind;
        fig.index = v.index;
        fig.givenT = v.value;
        fig.givenSdT = std::sqrt(v.variance);
        fig.redundancy = std::clamp(w[j] / v.variance, 0.0, 1.0);
        if (fig.redundancy > kMinRedundancy) {
            fig.status = FigureStatus::Adjusted;
            fig.reconciledT = xhat[j];
            fig.sdT = std::sqrt(std::max(0.0, v.variance - w[j]));
            fig.z = (xhat[j] - v.value) / std::sqrt(w[j]);
            ++out.flowTests;
        } else {
            fig.status = FigureStatus::NotRedundant;
            fig.reconciledT = v.value;
            fig.sdT = fig.givenSdT;
            fig.z = kNaN;
            fig.redundancy = 0;
        }
        return fig;
    };
    for (std::size_t f = 0; f < project.flows.size(); ++f) {
        if (varOfFlow[f] != kNone) {
            out.figures.push_back(measured(varOfFlow[f]));
        } else if (project.flows[f].tonnesUnknown) {
            ReconciledFigure fig;
            fig.id = project.flows[f].id;
            fig.index = f;
            fig.givenT = kNaN;
            fig.givenSdT = 0;
            fig.reconciledT = unknown.value[f];
            fig.sdT = unknown.sd[f];
            fig.z = kNaN;
            fig.redundancy = 0;
            fig.status = unknown.determined[f] ? FigureStatus::Computed : FigureStatus::NotDetermined;
            out.figures.push_back(fig);
        }
    }
    for (std::size_t j = 0; j < nv; ++j)
        if (s.vars[j].kind != FigureKind::Flow) out.figures.push_back(measured(j));
    out.flowZCritical = sidakCriticalZ(out.flowTests, options.alpha);
    for (ReconciledFigure& fig : out.figures)
        fig.implausible = std::isfinite(fig.z) && std::fabs(fig.z) > out.flowZCritical;

    // Nodal tests: r_i / √S_ii for an actor balanced on its own.
    std::vector<double> sii(s.rows, 0.0);
    for (const Variable& v : s.vars)
        for (int a = 0; a < 2; ++a)
            if (v.row[a] != kNone) sii[v.row[a]] += v.variance * v.coef[a] * v.coef[a];
    bool inconsistent = false;
    for (std::size_t a = 0; a < s.actorCount; ++a) {
        if (!s.balanced[a]) continue;
        ActorBalanceTest t;
        t.id = project.actors[a].id;
        t.actor = a;
        t.group = s.groupSize[a];
        const std::size_t row = s.actorRow[a];
        t.imbalanceT = row != kNone ? s.r[row] : s.knownBalance[a];
        t.nodalZ = kNaN;
        if (row != kNone) {
            if (t.group == 1 && sii[row] > 0) {
                t.nodalZ = s.r[row] / std::sqrt(sii[row]);
                ++out.nodalTests;
            }
            t.cannotClose = s.cannotClose[row] != 0;
            inconsistent = inconsistent || t.cannotClose;
        }
        out.actors.push_back(t);
    }
    out.nodalZCritical = sidakCriticalZ(out.nodalTests, options.alpha);
    for (ActorBalanceTest& t : out.actors) t.implausible = std::isfinite(t.nodalZ) && std::fabs(t.nodalZ) > out.nodalZCritical;

    out.status = inconsistent ? "inconsistent" : out.dof == 0 ? "not_redundant" : "ok";
    return out;
}

model::Project reconciledProject(const model::Project& project, const Reconciliation& rec) {
    model::Project p = project;
    for (const ReconciledFigure& fig : rec.figures) {
        if (!std::isfinite(fig.reconciledT)) continue;
        switch (fig.kind) {
            case FigureKind::Flow: {
                model::Flow& f = p.flows[fig.index];
                f.tonnes = fig.reconciledT;
                if (f.tonnesUnknown) f.tonnesUnknown = false;
                if (std::isfinite(fig.sdT)) f.sdT = fig.sdT;
                f.documentedT = std::min(f.documentedT, std::max(0.0, f.tonnes));
                break;
            }
            case FigureKind::StockChange:
                p.actors[fig.index].stockChangeT = fig.reconciledT;
                if (std::isfinite(fig.sdT)) p.actors[fig.index].stockChangeSdT = fig.sdT;
                break;
            case FigureKind::Loss:
                p.actors[fig.index].lossT = fig.reconciledT;
                if (std::isfinite(fig.sdT)) p.actors[fig.index].lossSdT = fig.sdT;
                break;
        }
    }
    return p;
}

}  // namespace traza::risk
