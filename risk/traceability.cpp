#include "traceability.h"

#include <algorithm>

namespace traza::risk {

int lastTracedStage(const ChainGraph& chain, const DestinationSet& dest) {
    int top = 0;
    for (Vertex d : dest.vertices) top = std::max(top, chain.stage(d));
    return std::max(0, top - 1);
}

double documentedFraction(const EdgeData& e, model::Evidence level) {
    return e.tonnes > 0 ? std::min(1.0, e.documentedAtLeast[static_cast<int>(level)] / e.tonnes) : 0.0;
}

Traceability computeTraceability(const ChainGraph& chain, const DestinationSet& dest, const MixingSolver& solver,
                                 double theta, bool& exact) {
    const std::size_t n = chain.vertexCount();
    const int lastStage = lastTracedStage(chain, dest);
    Traceability out;
    out.threshold = theta;

    for (int li = static_cast<int>(model::Evidence::SelfDeclared); li <= static_cast<int>(model::Evidence::Verified);
         ++li) {
        const auto level = static_cast<model::Evidence>(li);
        TraceLevel tl;
        tl.level = level;
        MixingProblem p;
        p.edgeFactor.resize(chain.edgeCount());
        for (std::size_t e = 0; e < chain.edgeCount(); ++e) p.edgeFactor[e] = documentedFraction(chain.edge(e), level);
        p.fixed.assign(n, 0);
        p.fixedValue.assign(n, 1.0);
        for (int k = 1; k <= lastStage; ++k) {
            // Actors at stage ≤ k are where the trace may stop; sources above k
            // are unfixed with no inflow, so τ = 0 there.
            for (Vertex v = 0; v < n; ++v) p.fixed[v] = chain.stage(v) <= k;
            MixingResult tau = solver.solve(p);
            exact = exact && tau.exact;
            double traced = 0;
            if (dest.totalT > 0) {
                for (Vertex d : dest.vertices)
                    for (std::size_t e : chain.inEdges(d))
                        traced += p.edgeFactor[chain.edge(e).index] * chain.edge(e).tonnes * tau.value[chain.source(e)];
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
