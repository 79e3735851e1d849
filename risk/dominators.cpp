#include "dominators.h"

#include <utility>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/dominator_tree.hpp>

namespace traza::risk {

Dominance computeDominators(const ChainGraph& chain, const DestinationSet& dest) {
    // A vector edge list (no node per edge) is safe here: no edge descriptor is
    // kept across the graph's construction.
    using RootedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                                              boost::no_property, boost::no_property, boost::vecS>;
    using RootedVertex = boost::graph_traits<RootedGraph>::vertex_descriptor;
    const std::size_t n = chain.vertexCount();
    const Graph& g = chain.graph();

    // Which actors a source reaches. Edges leaving unreached actors (a closed
    // cycle feeding into the chain) are left out of the rooted graph: they lie
    // on no path from the root, and Boost's Lengauer–Tarjan assumes every
    // in-edge it meets comes from a vertex its depth-first search numbered.
    std::vector<char> reached(n, 0);
    std::vector<Vertex> stack;
    for (Vertex v = 0; v < n; ++v)
        if (chain.isSource(v)) reached[v] = 1, stack.push_back(v);
    while (!stack.empty()) {
        const Vertex v = stack.back();
        stack.pop_back();
        for (auto [it, end] = boost::out_edges(v, g); it != end; ++it)
            if (!reached[boost::target(*it, g)]) reached[boost::target(*it, g)] = 1, stack.push_back(boost::target(*it, g));
    }

    // The reached chain plus a virtual root (vertex n) linked to every source.
    std::vector<std::pair<std::size_t, std::size_t>> links;
    links.reserve(chain.edgeCount() + n);
    for (const Edge& e : chain.edges())
        if (reached[boost::source(e, g)]) links.emplace_back(boost::source(e, g), boost::target(e, g));
    for (Vertex v = 0; v < n; ++v)
        if (chain.isSource(v)) links.emplace_back(n, v);
    const RootedGraph rooted(links.begin(), links.end(), n + 1);

    const RootedVertex none = boost::graph_traits<RootedGraph>::null_vertex();
    std::vector<RootedVertex> idom(n + 1, none);
    boost::lengauer_tarjan_dominator_tree(
        rooted, static_cast<RootedVertex>(n),
        boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, rooted)));

    Dominance out;
    out.dominates.assign(n, {});
    out.reachable.assign(n, 0);
    out.reachable = reached;
    for (Vertex d : dest.vertices) {
        if (!out.reachable[d]) continue;
        for (RootedVertex a = idom[d]; a != none && a != n; a = idom[a]) out.dominates[a].push_back(d);
    }
    return out;
}

}  // namespace traza::risk
