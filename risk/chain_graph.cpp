#include "chain_graph.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_map>

#include <boost/graph/strong_components.hpp>

#include "text.h"

namespace traza::risk {

ChainGraph::ChainGraph(const model::Project& project, const std::string& language)
    : m_project(project), m_graph(project.actors.size()) {
    const Text text(language);
    std::unordered_map<std::string_view, Vertex> byId;
    byId.reserve(project.actors.size() * 2);
    for (std::size_t i = 0; i < project.actors.size(); ++i) {
        m_graph[i].actor = i;
        m_graph[i].stage = project.actors[i].stage;
        byId.emplace(project.actors[i].id, i);  // first wins on a duplicate id
    }

    // One edge per ordered pair of actors; parallel flows add up. Sorting the
    // analysable flows by (from, to) groups them without a hash map.
    // Consecutive flows often name the same actors (repeat deliveries), so the
    // last look-up of each end is remembered.
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
    keyed.reserve(project.flows.size());
    auto lastFrom = byId.end(), lastTo = byId.end();
    auto lookUp = [&](const std::string& id, decltype(byId)::iterator& last) {
        if (last == byId.end() || last->first != id) last = byId.find(id);
        return last;
    };
    for (std::size_t fi = 0; fi < project.flows.size(); ++fi) {
        const model::Flow& f = project.flows[fi];
        auto from = lookUp(f.from, lastFrom);
        auto to = lookUp(f.to, lastTo);
        std::string problem;
        if (from == byId.end() || to == byId.end())
            problem = text.pick("refers to an actor that does not exist", "se refiere a un actor que no existe");
        else if (from->second == to->second)
            problem = text.pick("goes from an actor to itself", "va de un actor a sí mismo");
        else if (!std::isfinite(f.tonnes) || f.tonnes <= 0)
            problem = text.pick("has no positive tonnage", "no tiene un tonelaje positivo");
        if (!problem.empty()) {
            m_warnings.push_back(text.pick("Flow ", "El flujo ") + f.id + " " + problem +
                                 text.pick("; it is left out of the analysis.", "; se deja fuera del análisis."));
            continue;
        }
        keyed.emplace_back((static_cast<std::uint64_t>(from->second) << 32) | static_cast<std::uint64_t>(to->second), fi);
    }
    // Two stable counting passes (by receiver, then by sender) order the
    // flows by (from, to) and keep project order within a pair: linear, where
    // a comparison sort was 6 % of the analysis.
    {
        const std::size_t n = project.actors.size();
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
    m_flowIndex.reserve(keyed.size());
    m_edges.reserve(keyed.size());
    for (std::size_t i = 0; i < keyed.size();) {
        const std::uint64_t key = keyed[i].first;
        const Vertex u = key >> 32, v = key & 0xffffffffu;
        EdgeData e;
        e.index = m_flowStart.size();  // the edge number, before its start is recorded
        m_flowStart.push_back(m_flowIndex.size());
        for (; i < keyed.size() && keyed[i].first == key; ++i) {
            const model::Flow& f = project.flows[keyed[i].second];
            e.tonnes += f.tonnes;
            m_flowIndex.push_back(keyed[i].second);
            const double documented = std::isfinite(f.documentedT) ? std::clamp(f.documentedT, 0.0, f.tonnes) : 0.0;
            for (int level = 0; level <= static_cast<int>(f.evidence) && level < kEvidenceLevels; ++level)
                e.documentedAtLeast[level] += documented;
        }
        m_graph[u].outT += e.tonnes;
        m_graph[v].inT += e.tonnes;
        boost::add_edge(u, v, e, m_graph);
    }
    m_flowStart.push_back(m_flowIndex.size());
    // Descriptors are taken once every edge is in (adding an edge may move the
    // edge vector). Edges were added sorted by (from, to), so walking each
    // vertex's out-edges in vertex order gives them in index order.
    m_edges.resize(m_flowStart.size() - 1);
    for (auto [it, end] = boost::edges(m_graph); it != end; ++it) m_edges[m_graph[*it].index] = *it;
    buildComponents();
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

void ChainGraph::buildComponents() {
    const std::size_t n = vertexCount();
    std::vector<std::size_t> comp(n);
    std::size_t count = n == 0 ? 0 : boost::strong_components(m_graph, comp.data());

    // Order the components topologically (Kahn on the condensation) rather
    // than rely on the numbering Tarjan's algorithm happens to produce.
    std::vector<std::vector<Vertex>> members(count);
    for (Vertex v = 0; v < n; ++v) members[comp[v]].push_back(v);
    // Edges between components as one flat array per source component
    // (counting sort), not a vector per component.
    std::vector<std::size_t> pending(count, 0), nextStart(count + 1, 0);
    std::vector<char> selfCycle(count, 0);
    for (const Edge& e : m_edges) {
        const std::size_t a = comp[boost::source(e, m_graph)], b = comp[boost::target(e, m_graph)];
        if (a == b)
            selfCycle[a] = 1;
        else
            ++nextStart[a + 1], ++pending[b];
    }
    for (std::size_t c = 0; c < count; ++c) nextStart[c + 1] += nextStart[c];
    std::vector<std::size_t> next(nextStart[count]), fill(nextStart.begin(), nextStart.end() - 1);
    for (const Edge& e : m_edges) {
        const std::size_t a = comp[boost::source(e, m_graph)], b = comp[boost::target(e, m_graph)];
        if (a != b) next[fill[a]++] = b;
    }
    std::vector<std::size_t> order;
    order.reserve(count);
    for (std::size_t c = 0; c < count; ++c)
        if (pending[c] == 0) order.push_back(c);
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t k = nextStart[order[i]]; k < nextStart[order[i] + 1]; ++k)
            if (--pending[next[k]] == 0) order.push_back(next[k]);

    m_components.resize(count);
    m_componentOf.assign(n, 0);
    for (std::size_t pos = 0; pos < order.size(); ++pos) {
        Component& c = m_components[pos];
        c.members = std::move(members[order[pos]]);
        c.cyclic = selfCycle[order[pos]];
        for (Vertex v : c.members) m_componentOf[v] = pos;
    }
}

}  // namespace traza::risk
