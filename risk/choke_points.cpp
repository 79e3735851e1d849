#include "choke_points.h"

#include <algorithm>
#include <numeric>

#include "catalogue_words.h"
#include "item_names.h"
#include "text.h"

namespace traza::risk {

double documentedSalesShare(const ChainGraph& chain, Vertex v, model::Evidence level) {
    if (chain.outT(v) <= 0) return 0;
    double documented = 0;
    for (std::size_t e : chain.outEdges(v))
        documented += chain.edge(e).documentedAtLeast[static_cast<int>(level)];
    return std::min(1.0, documented / chain.outT(v));
}

namespace {

// Actors with a path to some destination (destinations included).
std::vector<char> feedingDestinations(const ChainGraph& chain, const DestinationSet& dest) {
    std::vector<char> seen(chain.vertexCount(), 0);
    std::vector<Vertex> stack(dest.vertices.begin(), dest.vertices.end());
    for (Vertex d : stack) seen[d] = 1;
    while (!stack.empty()) {
        Vertex v = stack.back();
        stack.pop_back();
        for (std::size_t e : chain.inEdges(v)) {
            Vertex u = chain.source(e);
            if (!seen[u]) seen[u] = 1, stack.push_back(u);
        }
    }
    return seen;
}

// The strongest evidence level on any of an actor's sales.
model::Evidence bestSalesEvidence(const ChainGraph& chain, Vertex v) {
    auto best = model::Evidence::None;
    for (std::size_t e : chain.outEdges(v))
        for (std::size_t fi : chain.flowsOf(e)) best = std::max(best, chain.project().flows[fi].evidence);
    return best;
}

}  // namespace

std::vector<ChokePoint> rankChokePoints(const ChokeInputs& in, double threshold, bool onDominance,
                                        const std::string& language) {
    const Text text(language);
    const model::Catalogue& catalogue = in.chain.project().catalogue;
    const std::string documentedWord = evidenceWord(catalogue, model::Evidence::Documented, language);
    const ChainGraph& chain = in.chain;
    const std::size_t n = chain.vertexCount();
    std::vector<ChokePoint> out(n);

    const std::vector<char> feeding = feedingDestinations(chain, in.destinations);
    int totalSources = 0;
    long long totalHeadcount = 0;
    for (Vertex v = 0; v < n; ++v) {
        if (!feeding[v]) continue;
        totalSources += chain.isSource(v);
        totalHeadcount += std::max(0, chain.actor(v).headcount);
    }
    const double total = in.destinations.totalT;
    const auto docLevel = model::Evidence::Documented;

    std::vector<Vertex> ranked;
    for (Vertex v = 0; v < n; ++v) {
        if (chain.isSource(v) || in.destinations.contains[v]) continue;
        const auto& dominated = in.dominance.dominates[v];
        const double share = in.flowShare[v];
        if (!((onDominance && !dominated.empty()) || share >= threshold)) continue;
        ChokePoint& c = out[v];
        c.isChokePoint = true;
        ranked.push_back(v);

        const int sources = in.upstream.sources[v];
        const long long heads = in.upstream.headcount[v];
        double aggregation = totalSources > 0 ? static_cast<double>(sources) / totalSources : 0.0;
        if (totalHeadcount > 0) aggregation = 0.5 * (aggregation + static_cast<double>(heads) / totalHeadcount);
        const double documented = documentedSalesShare(chain, v, docLevel);
        double dominatedT = 0;
        for (Vertex d : dominated) dominatedT += chain.inT(d);
        const double dominance = total > 0 ? dominatedT / total : 0.0;
        const RiskWeights& w = in.weights;
        c.score = w.chokeShareWeight * share + w.chokeAggregationWeight * std::min(1.0, aggregation) +
                  w.chokeDocumentationWeight * documented + w.chokeDominanceWeight * dominance;

        c.reasons.push_back(text.pick("carries ", "lleva el ") + text.percent(share) +
                            text.pick(" of destination input", " de la entrada a los destinos"));
        for (Vertex d : dominated)
            c.reasons.push_back(text.pick("dominates ", "domina ") + actorNamed(chain.actor(d)) + " (" +
                                kindWord(catalogue, chain.actor(d).kind, language) + ")" +
                                text.pick(": every tonne it receives passes through it",
                                          ": cada tonelada que recibe pasa por este actor"));
        std::string agg = text.pick("aggregates ", "agrupa ") + Text::count(sources) +
                          (sources == 1 ? text.pick(" upstream source", " fuente aguas arriba")
                                        : text.pick(" upstream sources", " fuentes aguas arriba"));
        if (heads > 0)
            agg += text.pick(" and ", " y ") + Text::count(heads) + text.pick(" waste pickers", " recicladores");
        c.reasons.push_back(agg);
        if (documented > 0)
            c.reasons.push_back(text.pick("already documents ", "ya documenta el ") + text.percent(documented) +
                                text.pick(" of its sales at level '", " de sus ventas en nivel '") + documentedWord +
                                text.pick("' or better", "' o superior"));
        else
            c.reasons.push_back(text.pick("documents none of its sales at level '", "no documenta ninguna venta en nivel '") +
                                documentedWord + text.pick("' or better (best: '", "' o superior (máximo: '") +
                                evidenceWord(catalogue, bestSalesEvidence(chain, v), language) + "')");
    }
    std::stable_sort(ranked.begin(), ranked.end(), [&](Vertex a, Vertex b) {
        if (out[a].score != out[b].score) return out[a].score > out[b].score;
        return in.flowShare[a] > in.flowShare[b];
    });
    for (std::size_t i = 0; i < ranked.size(); ++i) out[ranked[i]].rank = static_cast<int>(i + 1);
    return out;
}

}  // namespace traza::risk
