#include "chain_warnings.h"

#include <numeric>

#include "text.h"

namespace traza::risk {
namespace {

std::size_t findRoot(std::vector<std::size_t>& parent, std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

}  // namespace

std::vector<std::string> chainWarnings(const ChainGraph& chain, const DestinationSet& dest,
                                       const std::string& language) {
    const Text text(language);
    const std::size_t n = chain.vertexCount();
    std::vector<std::string> out = chain.buildWarnings();
    auto labels = [&](std::span<const Vertex> vs) {
        std::vector<std::string> s;
        for (Vertex v : vs) s.push_back(chain.actor(v).id);
        return text.list(s);
    };

    // Cycles, and cycles that nothing outside feeds.
    for (std::size_t c = 0; c < chain.components().size(); ++c) {
        const Component& comp = chain.components()[c];
        if (!comp.cyclic) continue;
        out.push_back(text.pick("Cycle among actors ", "Ciclo entre los actores ") + labels(comp.members) +
                      text.pick(": material can return to an actor it already passed; it is counted once.",
                                ": el material puede volver a un actor por el que ya pasó; se cuenta una sola vez."));
        bool fed = false;
        for (Vertex v : comp.members)
            for (std::size_t e : chain.inEdges(v)) fed = fed || chain.componentOf(chain.source(e)) != c;
        if (!fed)
            out.push_back(text.pick("No source feeds the cycle among ", "Ninguna fuente alimenta el ciclo entre ") +
                          labels(comp.members) +
                          text.pick(": its material has no known origin and counts as untraced.",
                                    ": su material no tiene origen conocido y cuenta como no rastreado."));
    }

    // Actors without flows, and parts of the chain not connected to each other.
    std::vector<Vertex> isolated;
    std::vector<std::size_t> parent(n);
    std::iota(parent.begin(), parent.end(), std::size_t{0});
    for (std::size_t e = 0; e < chain.edgeCount(); ++e)
        parent[findRoot(parent, chain.source(e))] = findRoot(parent, chain.target(e));
    std::vector<char> partHasDestination(n, 0), partSeen(n, 0);
    for (Vertex d : dest.vertices) partHasDestination[findRoot(parent, d)] = 1;
    std::size_t parts = 0;
    std::vector<Vertex> cutOff;  // one actor per part that reaches no destination
    for (Vertex v = 0; v < n; ++v) {
        if (chain.inDegree(v) == 0 && chain.outDegree(v) == 0) {
            isolated.push_back(v);
            continue;
        }
        const std::size_t r = findRoot(parent, v);
        if (partSeen[r]) continue;
        partSeen[r] = 1;
        ++parts;
        if (!partHasDestination[r]) cutOff.push_back(v);
    }
    if (!isolated.empty())
        out.push_back(text.pick("Actors without any flow: ", "Actores sin ningún flujo: ") + labels(isolated) +
                      text.pick(" (left out of shares and traceability).", " (quedan fuera de las participaciones y de la trazabilidad)."));
    if (parts > 1) {
        std::string s = text.pick("The chain has ", "La cadena tiene ") + Text::count(static_cast<long long>(parts)) +
                        text.pick(" disconnected parts", " partes desconectadas");
        if (!cutOff.empty())
            s += text.pick("; ", "; ") + Text::count(static_cast<long long>(cutOff.size())) +
                 text.pick(" of them reach no destination (they contain ", " de ellas no llegan a ningún destino (incluyen ") +
                 labels(cutOff) + ")";
        out.push_back(s + ".");
    }

    switch (dest.rule) {
        case DestinationRule::Sinks:
            out.push_back(text.pick("No refiner in the chain: the destinations are the actors with inflow and no outflow (",
                                    "No hay refinador en la cadena: los destinos son los actores que reciben y no envían (") +
                          labels(dest.vertices) + ").");
            break;
        case DestinationRule::None:
            out.push_back(text.pick("No destination: there is no refiner and no actor with inflow and no outflow, so flow "
                                    "shares and traceability are 0.",
                                    "Sin destino: no hay refinador ni actor que reciba y no envíe, así que las "
                                    "participaciones y la trazabilidad son 0."));
            break;
        default: break;
    }
    if (!dest.vertices.empty() && dest.totalT <= 0)
        out.push_back(text.pick("The destinations received no material (T = 0): shares and traceability are 0.",
                                "Los destinos no recibieron material (T = 0): participaciones y trazabilidad son 0."));
    return out;
}

}  // namespace traza::risk
