#include "chain_graph.h"

#include <algorithm>
#include <utility>
#include <cmath>
#include <cstdint>
#include <string_view>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "actor_index.h"
#include "item_names.h"
#include "record_summary.h"
#include "text.h"

namespace traza::risk {

ChainGraph::ChainGraph(const model::Project& project, const std::string& language)
    : m_project(project) {
    const Text text(language);
    const std::size_t n = project.actors.size();
    const ActorIndex byId(project.actors);  // first wins on a duplicate id

    // One edge per ordered pair of actors; parallel flows add up. Sorting the
    // analysable flows by (from, to) groups them without a hash map.
    // Consecutive flows often name the same actors (repeat deliveries), so the
    // last look-up of each end is remembered.
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
    keyed.reserve(project.flows.size());
    struct LastLookUp {
        const std::string* id = nullptr;
        std::size_t vertex = ActorIndex::kNone;
    } lastFrom, lastTo;
    auto lookUp = [&](const std::string& id, LastLookUp& last) {
        if (!last.id || *last.id != id) last = {&id, byId.find(id)};
        return last.vertex;
    };
    for (std::size_t fi = 0; fi < project.flows.size(); ++fi) {
        const model::Flow& f = project.flows[fi];
        auto from = lookUp(f.from, lastFrom);
        auto to = lookUp(f.to, lastTo);
        std::string problem;
        if (from == ActorIndex::kNone || to == ActorIndex::kNone)
            problem = text.pick("refers to an actor that does not exist", "se refiere a un actor que no existe");
        else if (from == to)
            problem = text.pick("goes from an actor to itself", "va de un actor a sí mismo");
        else if (f.tonnesUnknown)
            problem = text.pick("has unknown tonnes (to be computed by reconciliation)",
                                "tiene toneladas desconocidas (las calcula la conciliación)");
        else if (!std::isfinite(f.tonnes) || f.tonnes <= 0)
            problem = text.pick("has no positive tonnage", "no tiene un tonelaje positivo");
        if (!problem.empty()) {
            const model::Actor* fromActor = from == ActorIndex::kNone ? nullptr : &project.actors[from];
            const model::Actor* toActor = to == ActorIndex::kNone ? nullptr : &project.actors[to];
            m_warnings.push_back(text.pick("Flow ", "El flujo ") + flowNamed(f, fromActor, toActor) + " " + problem +
                                 text.pick("; it is left out of the analysis.", "; se deja fuera del análisis."));
            continue;
        }
        keyed.emplace_back((static_cast<std::uint64_t>(from) << 32) | static_cast<std::uint64_t>(to), fi);
    }
    // Two stable counting passes (by receiver, then by sender) order the
    // flows by (from, to) and keep project order within a pair: linear, where
    // a comparison sort was 6 % of the analysis.
    {
        std::vector<std::pair<std::uint64_t, std::size_t>> buffer(keyed.size());
        std::vector<std::size_t> start(n + 1);
        auto pass = [&](auto actorOf, std::vector<std::pair<std::uint64_t, std::size_t>>& from,
                        std::vector<std::pair<std::uint64_t, std::size_t>>& to) {
            std::fill(start.begin(), start.end(), 0);
            for (const auto& k : from) ++start[actorOf(k.first) + 1];
            for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
            for (const auto& k : from) to[start[actorOf(k.first)]++] = k;
        };
        pass([](std::uint64_t key) { return static_cast<std::size_t>(key & 0xffffffffu); }, keyed, buffer);
        pass([](std::uint64_t key) { return static_cast<std::size_t>(key >> 32); }, buffer, keyed);
    }
    buildEdges(keyed.size(), [&](std::size_t i) { return keyed[i]; },
               [&](EdgeData& e, std::size_t i) {
                   const model::Flow& f = project.flows[keyed[i].second];
                   e.tonnes += f.tonnes;
                   // Records (issue #19), when the flow has any, give each level its own share.
                   const std::array<double, kEvidenceLevels> documented = model::documentedAtEachLevel(f);
                   for (int level = 0; level < kEvidenceLevels; ++level)
                       e.documentedAtLeast[level] += documented[level];
               });
    buildComponents();
}

ChainGraph::ChainGraph(const model::Project& project, std::span<const KeyedFlow> flows)
    : ChainGraph(project, flows, {}) {}

ChainGraph::ChainGraph(const model::Project& project, std::span<const KeyedFlow> flows, std::span<const Vertex> order)
    : m_project(project) {
    buildEdges(flows.size(), [&](std::size_t i) { return std::pair{flows[i].key, flows[i].flow}; },
               [&](EdgeData& e, std::size_t i) {
                   e.tonnes += flows[i].tonnes;
                   for (int level = 0; level < kEvidenceLevels; ++level)
                       e.documentedAtLeast[level] += flows[i].documentedAtLeast[level];
               });
    if (!takeAcyclicOrder(order)) buildComponents();
}

template <class At, class Add>
void ChainGraph::buildEdges(std::size_t count, At at, Add add) {
    const std::size_t n = m_project.actors.size();
    m_flowIndex.reserve(count);
    m_edges.reserve(count);
    m_source.reserve(count);
    m_target.reserve(count);
    m_flowStart.reserve(count + 1);
    m_inT.assign(n, 0.0);
    m_outT.assign(n, 0.0);
    m_outStart.assign(n + 1, 0);
    m_inStart.assign(n + 1, 0);
    for (std::size_t i = 0; i < count;) {
        const std::uint64_t key = at(i).first;
        const Vertex u = key >> 32, v = key & 0xffffffffu;
        EdgeData e;
        e.index = m_edges.size();
        m_flowStart.push_back(m_flowIndex.size());
        for (; i < count && at(i).first == key; ++i) {
            add(e, i);
            m_flowIndex.push_back(at(i).second);
        }
        m_outT[u] += e.tonnes;
        m_inT[v] += e.tonnes;
        ++m_outStart[u + 1];
        ++m_inStart[v + 1];
        m_edges.push_back(e);
        m_source.push_back(u);
        m_target.push_back(v);
    }
    m_flowStart.push_back(m_flowIndex.size());
    // Out-edges are already grouped by sender; in-edges are grouped by
    // receiver with one stable counting pass, so each list stays ascending.
    for (std::size_t v = 0; v < n; ++v) {
        m_outStart[v + 1] += m_outStart[v];
        m_inStart[v + 1] += m_inStart[v];
    }
    m_inEdge.resize(m_edges.size());
    {
        std::vector<std::size_t> fill(m_inStart.begin(), m_inStart.end() - 1);
        for (std::size_t e = 0; e < m_edges.size(); ++e) m_inEdge[fill[m_target[e]]++] = e;
    }
}

long ChainGraph::find(const std::string& actorId) const {
    for (std::size_t i = 0; i < m_project.actors.size(); ++i)
        if (m_project.actors[i].id == actorId) return static_cast<long>(i);
    return -1;
}

const std::string& ChainGraph::label(Vertex v) const {
    const model::Actor& a = actor(v);
    return a.name.empty() ? a.id : a.name;
}

bool ChainGraph::takeAcyclicOrder(std::span<const Vertex> order) {
    const std::size_t n = vertexCount();
    if (order.size() != n || n == 0) return false;
    std::vector<std::size_t> position(n, n);
    for (std::size_t pos = 0; pos < n; ++pos)
        if (order[pos] >= n || position[order[pos]] != n) return false;  // not every vertex once
        else position[order[pos]] = pos;
    for (std::size_t e = 0; e < m_edges.size(); ++e)
        if (position[m_source[e]] >= position[m_target[e]]) return false;  // backwards (or a loop): a cycle may hide
    m_memberList.assign(order.begin(), order.end());
    m_componentOf = std::move(position);
    m_components.resize(n);
    for (std::size_t pos = 0; pos < n; ++pos) m_components[pos].members = {m_memberList.data() + pos, 1};
    return true;
}

void ChainGraph::buildComponents() {
    const std::size_t n = vertexCount();
    // Strong components by Boost.Graph (Tarjan) on a compressed sparse row
    // view of the same edges: vertices in actor order, each vertex's out-edges
    // in edge-number order, so the numbering (and the order of the cycle
    // warnings that depends on it) is the one the analysis always had.
    std::vector<std::pair<std::size_t, std::size_t>> edgePairs(m_edges.size());
    for (std::size_t e = 0; e < m_edges.size(); ++e) edgePairs[e] = {m_source[e], m_target[e]};
    const boost::compressed_sparse_row_graph<boost::directedS> csr(boost::edges_are_sorted, edgePairs.begin(),
                                                                   edgePairs.end(), n);
    std::vector<std::size_t> comp(n);
    const std::size_t count = n == 0 ? 0
        : static_cast<std::size_t>(boost::strong_components(
              csr, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, csr))));

    // Order the components topologically (Kahn on the condensation) rather
    // than rely on the numbering Tarjan's algorithm happens to produce.
    // Edges between components as one flat array per source component
    // (counting sort), not a vector per component.
    std::vector<std::size_t> pending(count, 0), nextStart(count + 1, 0), size(count, 0);
    std::vector<char> selfCycle(count, 0);
    for (Vertex v = 0; v < n; ++v) ++size[comp[v]];
    for (std::size_t e = 0; e < m_edges.size(); ++e) {
        const std::size_t a = comp[m_source[e]], b = comp[m_target[e]];
        if (a == b)
            selfCycle[a] = 1;
        else
            ++nextStart[a + 1], ++pending[b];
    }
    for (std::size_t c = 0; c < count; ++c) nextStart[c + 1] += nextStart[c];
    std::vector<std::size_t> next(nextStart[count]), fill(nextStart.begin(), nextStart.end() - 1);
    for (std::size_t e = 0; e < m_edges.size(); ++e) {
        const std::size_t a = comp[m_source[e]], b = comp[m_target[e]];
        if (a != b) next[fill[a]++] = b;
    }
    std::vector<std::size_t> order;
    order.reserve(count);
    for (std::size_t c = 0; c < count; ++c)
        if (pending[c] == 0) order.push_back(c);
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t k = nextStart[order[i]]; k < nextStart[order[i] + 1]; ++k)
            if (--pending[next[k]] == 0) order.push_back(next[k]);

    // Members in one array, component after component in topological order,
    // each component's members in vertex order.
    std::vector<std::size_t> positionOf(count), start(count + 1, 0);
    for (std::size_t pos = 0; pos < order.size(); ++pos) positionOf[order[pos]] = pos;
    for (std::size_t pos = 0; pos < order.size(); ++pos) start[pos + 1] = start[pos] + size[order[pos]];
    m_memberList.resize(n);
    m_componentOf.assign(n, 0);
    fill.assign(start.begin(), start.end() - 1);
    for (Vertex v = 0; v < n; ++v) {
        const std::size_t pos = positionOf[comp[v]];
        m_componentOf[v] = pos;
        m_memberList[fill[pos]++] = v;
    }
    m_components.resize(count);
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        m_components[pos].members = {m_memberList.data() + start[pos], size[order[pos]]};
        m_components[pos].cyclic = selfCycle[order[pos]];
    }
}

}  // namespace traza::risk
