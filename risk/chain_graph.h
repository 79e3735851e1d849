#pragma once
// The chain as a compact graph (CSR arrays), built once from an immutable
// snapshot of a project. Vertices are actors in project order; parallel flows
// between the same pair of actors are summed into one edge (the spec: "several
// flows between the same pair add up"), keeping per evidence level the
// documented tonnes so traceability stays exact. Edges are numbered in
// (sender, receiver) order, so an actor's out-edges are a run of consecutive
// numbers and its in-edges, listed in one array, come in ascending number:
// every walk visits edges in the same order as the Boost adjacency list this
// replaced (the analysis is the same to the last bit). The condensation
// (strongly connected components in topological order) is computed here once,
// because the mixing solver, flow shares and upstream counts all walk it.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "project.h"

namespace traza::risk {

/// Evidence levels that can qualify documentation: self_declared .. verified.
constexpr int kEvidenceLevels = 5;  // index by static_cast<int>(model::Evidence)

struct EdgeData {
    std::size_t index = 0;  ///< dense edge number, for per-edge arrays
    double tonnes = 0;      ///< sum of the parallel flows
    /// documentedAtLeast[L]: documented tonnes of the flows whose evidence >= L
    /// (index 0 = any evidence, including none).
    std::array<double, kEvidenceLevels> documentedAtLeast{};
};

using Vertex = std::size_t;  ///< index into Project::actors
/// Out-edges of a vertex: consecutive edge numbers [first, last), for
/// range-for. Our own small type, not std::ranges::iota_view: clang 14, which
/// builds the fuzzers, cannot compile libstdc++ 12's <ranges>.
class OutEdges {
public:
    class iterator {
    public:
        iterator() = default;
        explicit iterator(std::size_t edge) : m_edge(edge) {}
        std::size_t operator*() const { return m_edge; }
        iterator& operator++() {
            ++m_edge;
            return *this;
        }
        iterator operator++(int) { return iterator(m_edge++); }
        bool operator==(const iterator&) const = default;

    private:
        std::size_t m_edge = 0;
    };
    OutEdges(std::size_t first, std::size_t last) : m_first(first), m_last(last) {}
    iterator begin() const { return iterator(m_first); }
    iterator end() const { return iterator(m_last); }
    std::size_t size() const { return m_last - m_first; }

private:
    std::size_t m_first, m_last;
};
/// In-edges of a vertex: a list of edge numbers.
using InEdges = std::span<const std::size_t>;

/// A strongly connected component of the chain; `cyclic` when material can
/// return to where it was (more than one actor, or a loop).
struct Component {
    std::span<const Vertex> members;  ///< in vertex order
    bool cyclic = false;
};

class ChainGraph {
public:
    /// Builds the graph. Flows that cannot be analysed (unknown actor, an actor
    /// sending to itself, tonnes not finite or <= 0) are left out with a
    /// warning in `language` instead of failing: analysis never crashes on odd input.
    explicit ChainGraph(const model::Project& project, const std::string& language = "en");
    /// A flow already checked and summarised, for a graph built from amounts
    /// other than the project's own (the progress series: one graph per period
    /// of a flow's records, risk/series/). `key` is (sender << 32 | receiver).
    struct KeyedFlow {
        std::uint64_t key = 0;
        std::size_t flow = 0;  ///< index into Project::flows
        double tonnes = 0;     ///< finite and > 0
        std::array<double, kEvidenceLevels> documentedAtLeast{};  ///< as model::documentedAtLeast
    };
    /// The graph of `flows`, which are in (key, flow) order; the project gives
    /// the actors (the vertices) and nothing else. The same edges, sums and
    /// components as the first constructor over a project holding those flows.
    ChainGraph(const model::Project& project, std::span<const KeyedFlow> flows);
    /// As above, given an order of every vertex in which each of `flows` goes
    /// from an earlier vertex to a later one (a topological order of a graph
    /// holding these edges: the series pass the one of every period's edges
    /// together). The components are then the single vertices in that order,
    /// found without Tarjan's algorithm; a walk of them in topological order
    /// gives the same figures as in the order the first constructor finds.
    /// When `order` is not such an order, the components are found as usual.
    ChainGraph(const model::Project& project, std::span<const KeyedFlow> flows, std::span<const Vertex> order);
    ChainGraph(const ChainGraph&) = delete;  // components() point into the graph's own arrays
    ChainGraph& operator=(const ChainGraph&) = delete;

    const model::Project& project() const { return m_project; }
    std::size_t vertexCount() const { return m_project.actors.size(); }
    std::size_t edgeCount() const { return m_edges.size(); }

    /// Vertex of an actor id, or -1 when there is no such actor.
    long find(const std::string& actorId) const;
    const model::Actor& actor(Vertex v) const { return m_project.actors[v]; }
    int stage(Vertex v) const { return m_project.actors[v].stage; }
    /// The name shown in sentences: the actor's name, else its id.
    const std::string& label(Vertex v) const;

    double inT(Vertex v) const { return m_inT[v]; }
    double outT(Vertex v) const { return m_outT[v]; }
    bool isSource(Vertex v) const { return m_inStart[v] == m_inStart[v + 1]; }
    std::size_t inDegree(Vertex v) const { return m_inStart[v + 1] - m_inStart[v]; }
    std::size_t outDegree(Vertex v) const { return m_outStart[v + 1] - m_outStart[v]; }

    /// Edges leaving v, by number, ascending (receivers ascending).
    OutEdges outEdges(Vertex v) const { return OutEdges(m_outStart[v], m_outStart[v + 1]); }
    /// Edges entering v, by number, ascending (senders ascending).
    InEdges inEdges(Vertex v) const { return {m_inEdge.data() + m_inStart[v], m_inStart[v + 1] - m_inStart[v]}; }
    Vertex source(std::size_t edge) const { return m_source[edge]; }
    Vertex target(std::size_t edge) const { return m_target[edge]; }
    const EdgeData& edge(std::size_t index) const { return m_edges[index]; }
    /// The project flows summed into an edge, as indices into Project::flows.
    std::span<const std::size_t> flowsOf(std::size_t edgeIndex) const {
        return {m_flowIndex.data() + m_flowStart[edgeIndex], m_flowStart[edgeIndex + 1] - m_flowStart[edgeIndex]};
    }

    /// Components in topological order: every edge between two components
    /// goes from an earlier to a later one.
    const std::vector<Component>& components() const { return m_components; }
    /// Component number (position in components()) of a vertex.
    std::size_t componentOf(Vertex v) const { return m_componentOf[v]; }

    const std::vector<std::string>& buildWarnings() const { return m_warnings; }

private:
    /// Edges from flows in (key, flow) order: `count` flows, `at(i)` the
    /// (key, flow index) of the i-th, `add(edge, i)` adds its amounts.
    template <class At, class Add>
    void buildEdges(std::size_t count, At at, Add add);
    void buildComponents();
    /// The single-vertex components in `order`; false (and nothing kept) when
    /// an edge goes backwards in it or a vertex is missing.
    bool takeAcyclicOrder(std::span<const Vertex> order);

    const model::Project& m_project;
    std::vector<double> m_inT, m_outT;            ///< per vertex
    std::vector<EdgeData> m_edges;                ///< by edge number
    std::vector<Vertex> m_source, m_target;       ///< per edge
    std::vector<std::size_t> m_outStart;          ///< per vertex: first out-edge; one past the end last
    std::vector<std::size_t> m_inStart;           ///< per vertex, into m_inEdge; one past the end last
    std::vector<std::size_t> m_inEdge;            ///< in-edges grouped by receiver, ascending
    std::vector<std::size_t> m_flowStart;  ///< per edge, into m_flowIndex; one past the end last
    std::vector<std::size_t> m_flowIndex;
    std::vector<Vertex> m_memberList;  ///< component members, component after component
    std::vector<Component> m_components;
    std::vector<std::size_t> m_componentOf;
    std::vector<std::string> m_warnings;
};

}  // namespace traza::risk
