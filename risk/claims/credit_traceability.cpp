#include "credit_traceability.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
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

void addArc(FlowGraph& g, std::size_t u, std::size_t v, Capacity c) {
    auto capacity = boost::get(boost::edge_capacity, g);
    auto reverse = boost::get(boost::edge_reverse, g);
    const auto e = boost::add_edge(u, v, g).first;
    const auto r = boost::add_edge(v, u, g).first;
    capacity[e] = c;
    capacity[r] = 0;
    reverse[e] = r;
    reverse[r] = e;
}

}  // namespace

double maxDocumentedFlow(const ChainGraph& chain, const DestinationSet& dest, model::Evidence level, int stage) {
    const std::size_t n = chain.vertexCount();
    double total = 0;
    for (std::size_t e = 0; e < chain.edgeCount(); ++e)
        total += documentedFraction(chain.edge(e), level) * chain.edge(e).tonnes;
    if (!(total > 0) || !std::isfinite(total)) return 0.0;
    // Tonnes × 2^shift are the integer capacities, with total × 2^shift < 2^60;
    // ldexp keeps a tiny total (1e-300 t) from overflowing the factor itself.
    int exponent = 0;
    std::frexp(total, &exponent);  // total < 2^exponent
    const int shift = 60 - exponent;

    // Actors of stage ≤ k merge into the super-source (node 0); a flow into a
    // destination ends at the super-sink (node 1); a flow into an actor of
    // stage ≤ k is never needed (that actor has unlimited supply already),
    // and a destination above k passes nothing on (it absorbs its input).
    constexpr std::size_t kSource = 0, kSink = 1;
    std::vector<std::size_t> node(n, 0);
    std::size_t nodes = 2;
    auto fixed = [&](Vertex v) { return chain.stage(v) <= stage; };
    for (Vertex v = 0; v < n; ++v)
        if (!fixed(v) && !dest.contains[v]) node[v] = nodes++;
    FlowGraph g(nodes);
    Capacity direct = 0;  // from an actor of stage ≤ k straight into a destination
    for (std::size_t e = 0; e < chain.edgeCount(); ++e) {
        const Vertex u = chain.source(e), v = chain.target(e);
        const Capacity c = std::llround(std::ldexp(documentedFraction(chain.edge(e), level) * chain.edge(e).tonnes, shift));
        if (c <= 0) continue;
        std::size_t head, tail;
        if (dest.contains[v]) head = kSink;
        else if (fixed(v)) continue;
        else head = node[v];
        if (fixed(u)) tail = kSource;
        else if (dest.contains[u]) continue;
        else tail = node[u];
        if (tail == kSource && head == kSink) direct += c;
        else addArc(g, tail, head, c);
    }
    const Capacity through = boost::num_edges(g) == 0 ? 0 : boost::push_relabel_max_flow(g, kSource, kSink);
    return std::ldexp(static_cast<double>(direct + through), -shift);
}

void computeCreditTraceability(const ChainGraph& chain, const DestinationSet& dest, Traceability& trace) {
    for (TraceLevel& l : trace.levels) {
        l.byStageCredit.clear();
        for (const auto& [k, proportional] : l.byStage) {
            const double credit =
                dest.totalT > 0 ? maxDocumentedFlow(chain, dest, l.level, k) / dest.totalT : 0.0;
            l.byStageCredit[k] = std::clamp(credit, 0.0, 1.0);
        }
    }
}

}  // namespace traza::risk
