#include "trace_breaks.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cmath>

#include "text.h"
#include "catalogue_words.h"

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
                             evidenceWord(project.catalogue, static_cast<model::Evidence>(l), language) + "')");
    // Found breaks as plain integer pairs, sorted in place: largest tonnes
    // first, ties in project order. Undocumented tonnes are positive finite
    // doubles, whose bit patterns order like their values, so the complement
    // of the bits sorts descending and the pair compares without floating point.
    auto undocumented = [](const model::Flow& f) {
        const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
        return f.evidence == model::Evidence::None || documented <= 0 ? f.tonnes : f.tonnes - documented;
    };
    std::vector<std::pair<std::uint64_t, std::uint64_t>> found;  // (~bits of tonnes, flow index)
    found.reserve(project.flows.size());
    {
        // In project order (the tie order), only the flows the graph kept.
        std::vector<char> analysed(project.flows.size(), 0);
        for (std::size_t e = 0; e < chain.edgeCount(); ++e)
            for (std::size_t fi : chain.flowsOf(e)) analysed[fi] = 1;
        for (std::size_t fi = 0; fi < project.flows.size(); ++fi) {
            if (!analysed[fi]) continue;
            const double t = undocumented(project.flows[fi]);
            if (t > 0) found.emplace_back(~std::bit_cast<std::uint64_t>(t), fi);
        }
    }
    // A stable radix sort on the key, a byte at a time (bytes that every key
    // shares are skipped): no comparisons, so no mispredicted branches on
    // 85 000 random keys, and ties stay in project order.
    {
        std::vector<std::pair<std::uint64_t, std::uint64_t>> buffer(found.size());
        for (int shift = 0; shift < 64; shift += 8) {
            std::size_t count[257] = {};
            for (const auto& k : found) ++count[((k.first >> shift) & 0xff) + 1];
            if (std::find(count + 1, count + 257, found.size()) != count + 257) continue;  // one byte value for all
            for (int b = 0; b < 256; ++b) count[b + 1] += count[b];
            for (const auto& k : found) buffer[count[(k.first >> shift) & 0xff]++] = k;
            found.swap(buffer);
        }
    }
    std::vector<TraceBreak> out(found.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const model::Flow& f = project.flows[found[i].second];
        const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
        out[i].flow = f.id;
        out[i].tonnes = std::bit_cast<double>(~found[i].first);
        out[i].reason = f.evidence == model::Evidence::None || documented <= 0 ? none : partly[static_cast<int>(f.evidence)];
    }
    return out;
}

}  // namespace traza::risk
