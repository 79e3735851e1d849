#include "destination_exposure.h"

#include <algorithm>

namespace traza::risk {

std::vector<double> destinationExposure(const ChainGraph& chain, const DestinationSet& dest,
                                        const MixingSolver& solver, const std::vector<RiskScore>& scores,
                                        bool& exact) {
    const std::size_t n = chain.vertexCount();
    MixingProblem risk, count;
    risk.injection.resize(n);
    count.injection.assign(n, 1.0);
    for (Vertex v = 0; v < n; ++v) risk.injection[v] = scores[v].residual;
    MixingResult r = solver.solve(risk);
    MixingResult c = solver.solve(count);
    exact = exact && r.exact && c.exact;

    std::vector<double> out;
    for (Vertex d : dest.vertices) {
        // What d received is its value minus what d itself adds.
        const double received = r.value[d] - risk.injection[d];
        const double handlers = c.value[d] - 1.0;
        out.push_back(handlers > 1e-12 ? std::clamp(received / handlers, 0.0, 1.0) : 0.0);
    }
    return out;
}

}  // namespace traza::risk
