#include "credit_traceability.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>

#include "traceability.h"

namespace traza::risk {
namespace {

// Capacities are whole numbers of a power-of-two fraction of a tonne, chosen
// so the sum of all capacities stays below 2^60: the algorithm then never
// compares floating-point residues (which can make push-relabel cycle on
// 1e-17 t), and the rounding costs at most half a unit per arc, about
// 1e-18 of the total in relative terms.
using Capacity = std::int64_t;
using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, Capacity,
                    boost::property<boost::edge_residual_capacity_t, Capacity,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor>>>>;

Traits::edge_descriptor addArc(FlowGraph& g, std::size_t u, std::size_t v, Capacity c) {
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    const auto e = boost::add_edge(u, v, g).first;
    const auto r = boost::add_edge(v, u, g).first;
    capacity[e] = c;
    capacity[r] = 0;
    reverse[e] = r;
    reverse[r] = e;
    return e;  // stays valid as arcs are added: the graph keeps each arc's properties apart
}

// Integer capacities of one level: tonnes × 2^shift, with total × 2^shift < 2^60;
// ldexp keeps a tiny total (1e-300 t) from overflowing the factor itself.
struct LevelScale {
    bool solvable = false;  ///< some documented tonnes, and a finite total
    int shift = 0;
};
LevelScale scaleOf(const ChainGraph& chain, model::Evidence level) {
    double total = 0;
    for (std::size_t e = 0; e < chain.edgeCount(); ++e)
        total += documentedFraction(chain.edge(e), level) * chain.edge(e).tonnes;
    if (!(total > 0) || !std::isfinite(total)) return {};
    int exponent = 0;
    std::frexp(total, &exponent);  // total < 2^exponent
    return {true, 60 - exponent};
}

// The maximum flows back to `stage` at each of `levels`, whose scales (the
// same at every stage) the caller has computed once.
std::vector<double> flowsAtStage(const ChainGraph& chain, const DestinationSet& dest,
                                 const std::vector<model::Evidence>& levels, const std::vector<LevelScale>& scale,
                                 int stage) {
    const std::size_t n = chain.vertexCount(), levelCount = levels.size();
    std::vector<double> result(levelCount, 0.0);
    if (std::none_of(scale.begin(), scale.end(), [](const LevelScale& s) { return s.solvable; })) return result;

    // Actors of stage ≤ k merge into the super-source (node 0); a flow into a
    // destination ends at the super-sink (node 1); a flow into an actor of
    // stage ≤ k is never needed (that actor has unlimited supply already),
    // and a destination above k passes nothing on (it absorbs its input).
    // The network's arcs are the same at every level, only their capacities
    // differ: it is built once, with every arc some level needs, and solved
    // once per level (an arc of capacity 0 carries nothing).
    constexpr std::size_t kSource = 0, kSink = 1;
    std::vector<std::size_t> node(n, 0);
    std::size_t nodes = 2;
    auto fixed = [&](Vertex v) { return chain.stage(v) <= stage; };
    for (Vertex v = 0; v < n; ++v)
        if (!fixed(v) && !dest.contains[v]) node[v] = nodes++;
    FlowGraph g(nodes);
    std::vector<Capacity> direct(levelCount, 0);  // from an actor of stage ≤ k straight into a destination
    std::vector<Traits::edge_descriptor> arcs;
    std::vector<Capacity> arcCapacity;  // arc a's capacity at level l: [a * levelCount + l]
    std::vector<Capacity> c(levelCount);
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        const Vertex u = chain.source(e), v = chain.target(e);
        std::size_t head, tail;
        if (dest.contains[v]) head = kSink;
        else if (fixed(v)) continue;
        else head = node[v];
        if (fixed(u)) tail = kSource;
        else if (dest.contains[u]) continue;
        else tail = node[u];
        bool needed = false;
        for (std::size_t l = 0; l < levelCount; ++l) {
            c[l] = scale[l].solvable ? std::llround(std::ldexp(documentedFraction(chain.edge(e), levels[l]) *
                                                                   chain.edge(e).tonnes,
                                                               scale[l].shift))
                                     : 0;
            if (c[l] <= 0) c[l] = 0;
            needed = needed || c[l] > 0;
        }
        if (!needed) continue;
        if (tail == kSource && head == kSink) {
            for (std::size_t l = 0; l < levelCount; ++l) direct[l] += c[l];
            continue;
        }
        arcs.push_back(addArc(g, tail, head, 0));
        arcCapacity.insert(arcCapacity.end(), c.begin(), c.end());
    }
    auto capacity = boost::get(boost::edge_capacity, g);
    for (std::size_t l = 0; l < levelCount; ++l) {
        if (!scale[l].solvable) continue;
        bool carries = false;
        for (std::size_t a = 0; a < arcs.size(); ++a) {
            capacity[arcs[a]] = arcCapacity[a * levelCount + l];
            carries = carries || capacity[arcs[a]] > 0;
        }
        const Capacity through = carries ? boost::push_relabel_max_flow(g, kSource, kSink) : 0;
        result[l] = std::ldexp(static_cast<double>(direct[l] + through), -scale[l].shift);
    }
    return result;
}

}  // namespace

std::vector<double> maxDocumentedFlows(const ChainGraph& chain, const DestinationSet& dest,
                                       const std::vector<model::Evidence>& levels, int stage) {
    std::vector<LevelScale> scale;
    for (model::Evidence level : levels) scale.push_back(scaleOf(chain, level));
    return flowsAtStage(chain, dest, levels, scale, stage);
}

double maxDocumentedFlow(const ChainGraph& chain, const DestinationSet& dest, model::Evidence level, int stage) {
    return maxDocumentedFlows(chain, dest, {level}, stage).front();
}

void computeCreditTraceability(const ChainGraph& chain, const DestinationSet& dest, Traceability& trace) {
    // One network per stage k, solved for every level that traces back to k;
    // each level's scale once, not once per stage.
    std::map<int, std::vector<std::pair<TraceLevel*, LevelScale>>> byStage;
    for (TraceLevel& l : trace.levels) {
        l.byStageCredit.clear();
        const LevelScale scale = scaleOf(chain, l.level);
        for (const auto& [k, proportional] : l.byStage) byStage[k].emplace_back(&l, scale);
    }
    for (const auto& [k, levelsAtK] : byStage) {
        std::vector<model::Evidence> levels;
        std::vector<LevelScale> scales;
        std::vector<TraceLevel*> tracing;
        for (const auto& [l, scale] : levelsAtK) {
            tracing.push_back(l);
            levels.push_back(l->level);
            scales.push_back(scale);
        }
        const std::vector<double> flows = flowsAtStage(chain, dest, levels, scales, k);
        for (std::size_t i = 0; i < tracing.size(); ++i)
            tracing[i]->byStageCredit[k] = std::clamp(dest.totalT > 0 ? flows[i] / dest.totalT : 0.0, 0.0, 1.0);
    }
}

}  // namespace traza::risk
