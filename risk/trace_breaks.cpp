#include "trace_breaks.h"

#include <algorithm>
#include <cmath>

#include "text.h"

namespace traza::risk {

std::vector<TraceBreak> findTraceBreaks(const ChainGraph& chain, const std::string& language) {
    const Text text(language);
    const model::Project& project = chain.project();
    std::vector<std::pair<std::size_t, TraceBreak>> found;  // flow index keeps ties in project order
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        for (std::size_t fi : chain.edge(e).flows) {
            const model::Flow& f = project.flows[fi];
            const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
            TraceBreak b;
            b.flow = f.id;
            if (f.evidence == model::Evidence::None || documented <= 0) {
                b.tonnes = f.tonnes;
                b.reason = text.pick("no documentation", "sin documentación");
            } else if (documented < f.tonnes) {
                b.tonnes = f.tonnes - documented;
                b.reason = text.tonnes(documented) + text.pick(" of ", " de ") + text.tonnes(f.tonnes) +
                           text.pick(" t documented (evidence '", " t documentadas (evidencia '") +
                           std::string(model::toString(f.evidence)) + "')";
            } else {
                continue;
            }
            found.emplace_back(fi, std::move(b));
        }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        if (a.second.tonnes != b.second.tonnes) return a.second.tonnes > b.second.tonnes;
        return a.first < b.first;
    });
    std::vector<TraceBreak> out;
    out.reserve(found.size());
    for (auto& [index, b] : found) out.push_back(std::move(b));
    return out;
}

}  // namespace traza::risk
