#include "dominators.h"

#include <boost/graph/dominator_tree.hpp>

namespace traza::risk {

Dominance computeDominators(const ChainGraph& chain, const DestinationSet& dest) {
    using RootedGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;
    using RootedVertex = boost::graph_traits<RootedGraph>::vertex_descriptor;
    const std::size_t n = chain.vertexCount();
    const Graph& g = chain.graph();

    // The chain plus a virtual root (vertex n) linked to every source.
    RootedGraph rooted(n + 1);
    for (const Edge& e : chain.edges()) boost::add_edge(boost::source(e, g), boost::target(e, g), rooted);
    for (Vertex v = 0; v < n; ++v)
        if (chain.isSource(v)) boost::add_edge(n, v, rooted);

    const RootedVertex none = boost::graph_traits<RootedGraph>::null_vertex();
    std::vector<RootedVertex> idom(n + 1, none);
    boost::lengauer_tarjan_dominator_tree(
        rooted, static_cast<RootedVertex>(n),
        boost::make_iterator_property_map(idom.begin(), boost::get(boost::vertex_index, rooted)));

    Dominance out;
    out.dominates.assign(n, {});
    out.reachable.assign(n, 0);
    for (Vertex v = 0; v < n; ++v) out.reachable[v] = idom[v] != none;
    for (Vertex d : dest.vertices) {
        if (!out.reachable[d]) continue;
        for (RootedVertex a = idom[d]; a != none && a != n; a = idom[a]) out.dominates[a].push_back(d);
    }
    return out;
}

}  // namespace traza::risk
