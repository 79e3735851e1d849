#include "traceability.h"

#include <algorithm>

namespace traza::risk {

int lastTracedStage(const ChainGraph& chain, const DestinationSet& dest) {
    int top = 0;
    for (Vertex d : dest.vertices) top = std::max(top, chain.stage(d));
    return std::max(0, top - 1);
}

Traceability computeTraceability(const ChainGraph& chain, const DestinationSet& dest, const MixingSolver& solver,
                                 double theta, bool& exact) {
    const std::size_t n = chain.vertexCount();
    const int lastStage = lastTracedStage(chain, dest);
    Traceability out;
    out.threshold = theta;

    // Every (level, stage) problem is solved in one pass over the condensation:
    // a level's problems share its edge factors, a stage's its fixed actors.
    constexpr int kFirst = static_cast<int>(model::Evidence::SelfDeclared);
    constexpr int kLast = static_cast<int>(model::Evidence::Verified);
    std::vector<std::vector<double>> edgeFactor(kLast - kFirst + 1, std::vector<double>(chain.edgeCount()));
    for (int li = kFirst; li <= kLast; ++li)
        for (std::size_t e = 0; e < chain.edgeCount(); ++e)
            edgeFactor[li - kFirst][e] = documentedFraction(chain.edge(e), static_cast<model::Evidence>(li));
    // Actors at stage ≤ k are where the trace may stop; sources above k are
    // unfixed with no inflow, so τ = 0 there.
    std::vector<std::vector<char>> fixed(static_cast<std::size_t>(std::max(lastStage, 0)), std::vector<char>(n));
    for (int k = 1; k <= lastStage; ++k)
        for (Vertex v = 0; v < n; ++v) fixed[k - 1][v] = chain.stage(v) <= k;
    const std::vector<double> one(n, 1.0);
    std::vector<MixingInputs> problems;
    for (int li = kFirst; li <= kLast; ++li)
        for (int k = 1; k <= lastStage; ++k) problems.push_back({fixed[k - 1], one, {}, edgeFactor[li - kFirst]});
    const std::vector<MixingResult> solved = solver.solveMany(problems);

    for (int li = kFirst; li <= kLast; ++li) {
        const auto level = static_cast<model::Evidence>(li);
        TraceLevel tl;
        tl.level = level;
        const std::vector<double>& factor = edgeFactor[li - kFirst];
        for (int k = 1; k <= lastStage; ++k) {
            const MixingResult& tau = solved[static_cast<std::size_t>((li - kFirst) * lastStage + (k - 1))];
            exact = exact && tau.exact;
            double traced = 0;
            if (dest.totalT > 0) {
                for (Vertex d : dest.vertices)
                    for (std::size_t e : chain.inEdges(d))
                        traced += factor[chain.edge(e).index] * chain.edge(e).tonnes * tau.value[chain.source(e)];
                traced /= dest.totalT;
            }
            traced = std::clamp(traced, 0.0, 1.0);
            tl.byStage[k] = traced;
            if (!tl.horizon && traced >= theta - 1e-12) tl.horizon = k;
        }
        out.levels.push_back(std::move(tl));
    }
    return out;
}

}  // namespace traza::risk
