#include "documentation_plan.h"

#include <algorithm>

namespace traza::risk {

std::vector<NextFlow> nextFlows(const DocumentationGains& gains, model::Evidence level, int stage, std::size_t count,
                                bool& exact) {
    const std::vector<double> toDocument = gains.undocumented(level);
    const GainResult r = gains.compute(gains.edgeFactors(level), toDocument, stage);
    exact = exact && r.exact;
    std::vector<std::size_t> order;
    for (std::size_t f = 0; f < r.gain.size(); ++f)
        if (r.gain[f] > 0) order.push_back(f);
    auto larger = [&](std::size_t a, std::size_t b) { return r.gain[a] > r.gain[b] || (r.gain[a] == r.gain[b] && a < b); };
    const std::size_t keep = std::min(count, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<long>(keep), order.end(), larger);
    order.resize(keep);
    std::vector<NextFlow> out;
    out.reserve(keep);
    const model::Project& project = gains.project();
    for (std::size_t f : order) out.push_back({project.flows[f].id, r.gain[f], toDocument[f]});
    return out;
}

DocumentationPlan planDocumentation(const DocumentationGains& gains, model::Evidence level, int stage, double target,
                                    std::size_t maxSteps, bool& exact) {
    DocumentationPlan plan;
    plan.level = level;
    plan.stage = stage;
    plan.target = target;
    std::vector<double> factor = gains.edgeFactors(level);
    std::vector<double> toDocument = gains.undocumented(level);
    const model::Project& project = gains.project();
    const ChainGraph& chain = gains.chain();
    for (std::size_t step = 0;; ++step) {
        const GainResult r = gains.compute(factor, toDocument, stage);
        exact = exact && r.exact;
        if (step == 0) plan.start = r.traced;
        else plan.steps.back().traced = r.traced;
        if (r.traced >= target - 1e-12) {
            plan.reached = true;
            break;
        }
        if (step == maxSteps) break;
        std::size_t best = r.gain.size();
        for (std::size_t f = 0; f < r.gain.size(); ++f)
            if (r.gain[f] > 1e-15 && (best == r.gain.size() || r.gain[f] > r.gain[best])) best = f;
        if (best == r.gain.size()) break;  // nothing left that adds anything
        const auto e = static_cast<std::size_t>(gains.edgeOfFlow()[best]);
        const EdgeData& edge = chain.edge(e);
        factor[edge.index] = std::min(1.0, factor[edge.index] + toDocument[best] / edge.tonnes);
        plan.steps.push_back({project.flows[best].id, toDocument[best], r.traced + r.gain[best], r.gain[best]});
        plan.tonnes += toDocument[best];
        toDocument[best] = 0;
    }
    return plan;
}

}  // namespace traza::risk
