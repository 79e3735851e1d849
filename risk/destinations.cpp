#include "destinations.h"

#include "error.h"

namespace traza::risk {

DestinationSet chooseDestinations(const ChainGraph& chain, const std::vector<std::string>& named) {
    const std::size_t n = chain.vertexCount();
    DestinationSet d;
    d.contains.assign(n, 0);
    auto add = [&](Vertex v) {
        if (d.contains[v]) return;  // a destination named twice counts once
        d.contains[v] = 1;
        d.vertices.push_back(v);
        d.totalT += chain.inT(v);
    };
    if (!named.empty()) {
        d.rule = DestinationRule::Named;
        for (const std::string& id : named) {
            long v = chain.find(id);
            if (v < 0) throw InvalidInput("--destination", "no actor has id \"" + id + "\"");
            add(static_cast<Vertex>(v));
        }
        return d;
    }
    for (Vertex v = 0; v < n; ++v)
        if (chain.actor(v).kind == model::ActorKind::Refiner) add(v);
    if (!d.vertices.empty()) {
        d.rule = DestinationRule::Refiners;
        return d;
    }
    for (Vertex v = 0; v < n; ++v)
        if (chain.inT(v) > 0 && chain.outT(v) == 0) add(v);
    d.rule = d.vertices.empty() ? DestinationRule::None : DestinationRule::Sinks;
    return d;
}

}  // namespace traza::risk
