#pragma once
// The chain as a Boost.Graph, built once from an immutable snapshot of a
// project. Vertices are actors in project order; parallel flows between the
// same pair of actors are summed into one edge (the spec: "several flows
// between the same pair add up"), keeping per evidence level the documented
// tonnes so traceability stays exact. The condensation (strongly connected
// components in topological order) is computed here once, because the mixing
// solver, flow shares and upstream counts all walk it.
#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "project.h"

namespace traza::risk {

/// Evidence levels that can qualify documentation: self_declared .. verified.
constexpr int kEvidenceLevels = 5;  // index by static_cast<int>(model::Evidence)

struct VertexData {
    std::size_t actor = 0;  ///< index into Project::actors
    int stage = 0;
    double inT = 0;   ///< tonnes received (sum of incoming flows)
    double outT = 0;  ///< tonnes sent
};

struct EdgeData {
    std::size_t index = 0;  ///< dense edge number, for per-edge arrays
    double tonnes = 0;      ///< sum of the parallel flows
    /// documentedAtLeast[L]: documented tonnes of the flows whose evidence >= L
    /// (index 0 = any evidence, including none).
    std::array<double, kEvidenceLevels> documentedAtLeast{};
};

// Edges live in one vector (EdgeListS = vecS), not one list node each; the
// graph never changes after it is built, so edge descriptors stay valid.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData,
                                   boost::no_property, boost::vecS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// A strongly connected component of the chain; `cyclic` when material can
/// return to where it was (more than one actor, or a loop).
struct Component {
    std::vector<Vertex> members;
    bool cyclic = false;
};

class ChainGraph {
public:
    /// Builds the graph. Flows that cannot be analysed (unknown actor, an actor
    /// sending to itself, tonnes not finite or <= 0) are left out with a
    /// warning in `language` instead of failing: analysis never crashes on odd input.
    explicit ChainGraph(const model::Project& project, const std::string& language = "en");

    const model::Project& project() const { return m_project; }
    const Graph& graph() const { return m_graph; }
    std::size_t vertexCount() const { return boost::num_vertices(m_graph); }
    std::size_t edgeCount() const { return m_edges.size(); }

    /// Vertex of an actor id, or -1 when there is no such actor.
    long find(const std::string& actorId) const;
    const model::Actor& actor(Vertex v) const { return m_project.actors[m_graph[v].actor]; }
    /// The name shown in sentences: the actor's name, else its id.
    const std::string& label(Vertex v) const;

    double inT(Vertex v) const { return m_graph[v].inT; }
    double outT(Vertex v) const { return m_graph[v].outT; }
    bool isSource(Vertex v) const { return boost::in_degree(v, m_graph) == 0; }

    /// Edge descriptors by dense index.
    const std::vector<Edge>& edges() const { return m_edges; }
    const EdgeData& edge(std::size_t index) const { return m_graph[m_edges[index]]; }
    /// The project flows summed into an edge, as indices into Project::flows.
    std::span<const std::size_t> flowsOf(std::size_t edgeIndex) const {
        return {m_flowIndex.data() + m_flowStart[edgeIndex], m_flowStart[edgeIndex + 1] - m_flowStart[edgeIndex]};
    }
    std::span<const std::size_t> flowsOf(const Edge& e) const { return flowsOf(m_graph[e].index); }

    /// Components in topological order: every edge between two components
    /// goes from an earlier to a later one.
    const std::vector<Component>& components() const { return m_components; }
    /// Component number (position in components()) of a vertex.
    std::size_t componentOf(Vertex v) const { return m_componentOf[v]; }

    const std::vector<std::string>& buildWarnings() const { return m_warnings; }

private:
    void buildComponents();

    const model::Project& m_project;
    Graph m_graph;
    std::vector<Edge> m_edges;
    std::vector<std::size_t> m_flowStart;  ///< per edge, into m_flowIndex; one past the end last
    std::vector<std::size_t> m_flowIndex;
    std::vector<Component> m_components;
    std::vector<std::size_t> m_componentOf;
    std::vector<std::string> m_warnings;
};

}  // namespace traza::risk
