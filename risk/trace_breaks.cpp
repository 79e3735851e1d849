#include "trace_breaks.h"

#include <algorithm>
#include <cmath>

#include "text.h"

namespace traza::risk {

std::vector<TraceBreak> findTraceBreaks(const ChainGraph& chain, const std::string& language) {
    const Text text(language);
    const model::Project& project = chain.project();
    const std::string none = text.pick("no documentation", "sin documentación");
    // "partly documented (evidence 'reported')": one sentence per level, shared.
    std::string partly[kEvidenceLevels];
    for (int l = 0; l < kEvidenceLevels; ++l)
        partly[l] = text.pick("partly documented (evidence '", "documentado en parte (evidencia '") +
                    std::string(model::toString(static_cast<model::Evidence>(l))) + "')";
    std::vector<std::pair<std::size_t, TraceBreak>> found;  // flow index keeps ties in project order
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        for (std::size_t fi : chain.flowsOf(e)) {
            const model::Flow& f = project.flows[fi];
            const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
            TraceBreak b;
            b.flow = f.id;
            if (f.evidence == model::Evidence::None || documented <= 0) {
                b.tonnes = f.tonnes;
                b.reason = none;
            } else if (documented < f.tonnes) {
                b.tonnes = f.tonnes - documented;
                b.reason = partly[static_cast<int>(f.evidence)];
            } else {
                continue;
            }
            found.emplace_back(fi, std::move(b));
        }
    }
    std::vector<std::size_t> order(found.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (found[a].second.tonnes != found[b].second.tonnes) return found[a].second.tonnes > found[b].second.tonnes;
        return found[a].first < found[b].first;
    });
    std::vector<TraceBreak> out;
    out.reserve(found.size());
    for (std::size_t i : order) out.push_back(std::move(found[i].second));
    return out;
}

}  // namespace traza::risk
