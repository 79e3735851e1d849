#include "typology_mix.h"

#include <algorithm>

namespace traza::risk {

TypologyMix mixByTypology(const ChainGraph& chain, const MixingSolver& solver,
                          const std::function<double(const model::Typology&)>& q, double unknownValue, bool& exact) {
    const model::Project& project = chain.project();
    const std::size_t n = chain.vertexCount();

    // Each flow's typology, looked up once. Flows name one of a handful of
    // typologies, so the last name found is remembered (10^5 flows nationally).
    TypologyMix out;
    std::vector<const model::Typology*>& typologyOf = out.flowTypology;
    typologyOf.assign(project.flows.size(), nullptr);
    const std::string* lastId = nullptr;
    const model::Typology* lastTypology = nullptr;
    auto lookUp = [&](const model::Flow& f) -> const model::Typology* {
        if (f.typology.empty()) return nullptr;
        if (!lastId || *lastId != f.typology) {
            lastId = &f.typology;
            lastTypology = project.catalogue.typology(f.typology);
        }
        return lastTypology;
    };

    // Per edge: tonnes of untyped flows (they inherit) and the typed part.
    MixingProblem known, share;
    known.edgeFactor.assign(chain.edgeCount(), 0.0);
    known.injection.assign(n, 0.0);
    share.injection.assign(n, 0.0);
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        const EdgeData& d = chain.edge(e);
        const Vertex head = chain.target(e);
        double untyped = 0;
        for (std::size_t fi : chain.flowsOf(e)) {
            const model::Flow& f = project.flows[fi];
            const model::Typology* t = typologyOf[fi] = lookUp(f);
            if (!t) {
                untyped += f.tonnes;
                continue;
            }
            known.injection[head] += f.tonnes * q(*t) / chain.inT(head);
            share.injection[head] += f.tonnes / chain.inT(head);
        }
        known.edgeFactor[e] = untyped / d.tonnes;
    }
    share.edgeFactor = known.edgeFactor;
    MixingResult k = solver.solve(known);
    MixingResult s = solver.solve(share);
    exact = exact && k.exact && s.exact;

    out.vertexMix.resize(n);
    for (Vertex v = 0; v < n; ++v) out.vertexMix[v] = k.value[v] + (1 - std::min(1.0, s.value[v])) * unknownValue;
    out.flowValue.assign(project.flows.size(), 0.0);
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        const Vertex tail = chain.source(e);
        for (std::size_t fi : chain.flowsOf(e)) {
            const model::Typology* t = typologyOf[fi];
            out.flowValue[fi] = t ? q(*t) : out.vertexMix[tail];
        }
    }
    return out;
}

}  // namespace traza::risk
