#include "trace_breaks.h"

#include <algorithm>
#include <cmath>

#include "text.h"

namespace traza::risk {

std::vector<TraceBreak> findTraceBreaks(const ChainGraph& chain, const std::string& language) {
    const Text text(language);
    const model::Project& project = chain.project();
    // A handful of reasons shared by every break (a Sentence copies no text).
    const Sentence none(text.pick("no documentation", "sin documentación"));
    // "partly documented (evidence 'reported')": one sentence per level.
    Sentence partly[kEvidenceLevels];
    for (int l = 0; l < kEvidenceLevels; ++l)
        partly[l] = Sentence(text.pick("partly documented (evidence '", "documentado en parte (evidencia '") +
                             std::string(model::toString(static_cast<model::Evidence>(l))) + "')");
    // Found breaks as plain numbers, sorted in place: largest first, ties in
    // project order (flow index).
    struct Found {
        double tonnes;
        std::size_t flow;
        int reason;  ///< -1: none, else the evidence level
    };
    std::vector<Found> found;
    found.reserve(project.flows.size());
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        for (std::size_t fi : chain.flowsOf(e)) {
            const model::Flow& f = project.flows[fi];
            const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
            if (f.evidence == model::Evidence::None || documented <= 0)
                found.push_back({f.tonnes, fi, -1});
            else if (documented < f.tonnes)
                found.push_back({f.tonnes - documented, fi, static_cast<int>(f.evidence)});
        }
    }
    std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
        if (a.tonnes != b.tonnes) return a.tonnes > b.tonnes;
        return a.flow < b.flow;
    });
    std::vector<TraceBreak> out(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        out[i].flow = project.flows[found[i].flow].id;
        out[i].tonnes = found[i].tonnes;
        out[i].reason = found[i].reason < 0 ? none : partly[found[i].reason];
    }
    return out;
}

}  // namespace traza::risk
