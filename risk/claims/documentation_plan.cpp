#include "documentation_plan.h"

#include <algorithm>
#include <optional>
#include <queue>

namespace traza::risk {

std::vector<NextFlow> nextFlows(const DocumentationGains& gains, model::Evidence level, int stage, std::size_t count,
                                bool& exact) {
    const std::vector<double> toDocument = gains.undocumented(level);
    const GainResult r = gains.compute(gains.edgeFactors(level), toDocument, stage);
    exact = exact && r.exact;
    std::vector<std::size_t> order;
    for (std::size_t f = 0; f < r.gain.size(); ++f)
        if (r.gain[f] > 0) order.push_back(f);
    auto larger = [&](std::size_t a, std::size_t b) { return r.gain[a] > r.gain[b] || (r.gain[a] == r.gain[b] && a < b); };
    const std::size_t keep = std::min(count, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<long>(keep), order.end(), larger);
    order.resize(keep);
    std::vector<NextFlow> out;
    out.reserve(keep);
    const model::Project& project = gains.project();
    for (std::size_t f : order) out.push_back({project.flows[f].id, r.gain[f], toDocument[f]});
    return out;
}

namespace {

// The plan's state between steps: the forward solution x, the adjoint y and
// every flow's gain, kept exact. Documenting a flow e = (u, v) changes x only
// downstream of v and y only upstream of u (and not at all when u is fixed),
// so outside cycles a step updates just those actors, by pushing the changes
// along the flows, and the gains of the flows that touch them: a national
// chain's plan of thousands of steps costs little more than its first pass.
// A change that would reach a cycle is recomputed in full instead.
class PlanState {
public:
    PlanState(const DocumentationGains& gains, int stage, std::vector<double>& factor, std::vector<double>& toDocument)
        : m_gains(gains), m_chain(gains.chain()), m_stage(stage), m_factor(factor), m_toDocument(toDocument),
          m_fixed(m_chain.vertexCount()) {
        for (Vertex v = 0; v < m_chain.vertexCount(); ++v) m_fixed[v] = m_chain.stage(v) <= stage;
    }

    bool exact = true;
    double traced = 0;
    std::size_t fullRecomputations = 0;

    void recompute() {
        GainResult r = m_gains.compute(m_factor, m_toDocument, m_stage);
        exact = exact && r.exact;
        traced = r.traced;
        m_gain = std::move(r.gain);
        m_x = std::move(r.x);
        m_y = std::move(r.y);
        m_heap = {};
        m_pending.assign(m_chain.vertexCount(), 0.0);  // an update abandoned half-way leaves nothing behind
        m_queued.assign(m_chain.vertexCount(), 0);
        for (std::size_t f = 0; f < m_gain.size(); ++f)
            if (m_gain[f] > kMinGain) m_heap.push({m_gain[f], f});
        ++fullRecomputations;
    }

    /// The flow with the largest gain (ties: project order), or none.
    std::optional<std::size_t> best() {
        while (!m_heap.empty()) {
            const auto [g, f] = m_heap.top();
            if (m_toDocument[f] > 0 && g == m_gain[f]) return f;
            m_heap.pop();  // stale
        }
        return std::nullopt;
    }
    double gain(std::size_t f) const { return m_gain[f]; }

    /// Documents flow f (its tonnes in m_toDocument) and brings everything up to date.
    void document(std::size_t f) {
        const double dw = m_toDocument[f];
        const double g = m_gain[f];
        const auto e = static_cast<std::size_t>(m_gains.edgeOfFlow()[f]);
        const EdgeData& edge = m_chain.edge(e);
        m_factor[edge.index] = std::min(1.0, m_factor[edge.index] + dw / edge.tonnes);
        m_toDocument[f] = 0;
        m_gain[f] = 0;
        if (update(e, dw)) traced += g;  // exact outside cycles: the gain is the change
        else recompute();
    }

private:
    static constexpr double kMinGain = 1e-15;
    using Entry = std::pair<double, std::size_t>;
    struct Lower {
        bool operator()(const Entry& a, const Entry& b) const {
            return a.first < b.first || (a.first == b.first && a.second > b.second);
        }
    };

    bool cyclic(Vertex v) const { return m_chain.components()[m_chain.componentOf(v)].cyclic; }
    double weight(std::size_t e) const { return m_factor[m_chain.edge(e).index] * m_chain.edge(e).tonnes; }

    void refreshGain(std::size_t e) {
        const Vertex a = m_chain.source(e), b = m_chain.target(e);
        const DestinationSet& dest = m_gains.destinations();
        for (std::size_t f : m_chain.flowsOf(e)) {
            const double dw = m_toDocument[f];
            if (!(dw > 0)) continue;
            const double term =
                (m_fixed[b] ? 0.0 : dw / m_chain.inT(b) * m_y[b]) + (dest.contains[b] ? dw / dest.totalT : 0.0);
            const double g = m_x[a] == 0 ? 0.0 : term * m_x[a];
            if (g == m_gain[f]) continue;
            m_gain[f] = g;
            if (g > kMinGain) m_heap.push({g, f});
        }
    }

    // Spreads a change of `amount` at `start` through x (Downstream: forward, in
    // topological order) or y (upstream, in reverse order); each neighbour moves by
    // its edge's share of the receiving actor's input. False when it would enter a cycle.
    template <bool Downstream>
    bool propagate(Vertex start, double amount, std::vector<double>& value, std::vector<Vertex>& changed) {
        auto after = [&](Vertex a, Vertex b) {
            return Downstream ? m_chain.componentOf(a) > m_chain.componentOf(b)
                              : m_chain.componentOf(a) < m_chain.componentOf(b);
        };
        std::priority_queue<Vertex, std::vector<Vertex>, decltype(after)> queue(after);
        m_pending[start] = amount;
        m_queued[start] = 1;
        queue.push(start);
        while (!queue.empty()) {
            const Vertex w = queue.top();
            queue.pop();
            const double d = m_pending[w];
            m_pending[w] = 0;
            m_queued[w] = 0;
            value[w] += d;
            changed.push_back(w);
            auto spread = [&](std::size_t e, Vertex next, Vertex receiver) {
                const double wt = weight(e);
                if (m_fixed[next] || wt == 0) return true;
                if (cyclic(next)) return false;
                if (!m_queued[next]) queue.push(next);
                m_queued[next] = 1;
                m_pending[next] += wt / m_chain.inT(receiver) * d;
                return true;
            };
            if constexpr (Downstream) {
                for (std::size_t e : m_chain.outEdges(w))
                    if (!spread(e, m_chain.target(e), m_chain.target(e))) return false;
            } else {
                for (std::size_t e : m_chain.inEdges(w))
                    if (!spread(e, m_chain.source(e), w)) return false;
            }
        }
        return true;
    }

    // Pushes the changes of x (forward) and y (backward); false when one would enter a cycle.
    bool update(std::size_t e, double dw) {
        const Vertex u = m_chain.source(e), v = m_chain.target(e);
        const DestinationSet& dest = m_gains.destinations();
        if (cyclic(u) || cyclic(v)) return false;
        const double delta = dw / m_chain.inT(v);
        std::vector<Vertex> changedX, changedY;
        // x: x(v) gains δ·x(u); then every actor downstream.
        if (!m_fixed[v] && m_x[u] != 0 && !propagate<true>(v, delta * m_x[u], m_x, changedX)) return false;
        // y: y(u) gains δ·y(v) (+ Δw/T into a destination); then every actor upstream.
        if (!m_fixed[u]) {
            const double dy = (m_fixed[v] ? 0.0 : delta * m_y[v]) + (dest.contains[v] ? dw / dest.totalT : 0.0);
            if (dy != 0 && !propagate<false>(u, dy, m_y, changedY)) return false;
        }
        for (Vertex w : changedX)
            for (std::size_t out : m_chain.outEdges(w)) refreshGain(out);
        for (Vertex z : changedY)
            for (std::size_t in : m_chain.inEdges(z)) refreshGain(in);
        return true;
    }

    const DocumentationGains& m_gains;
    const ChainGraph& m_chain;
    int m_stage;
    std::vector<double>& m_factor;
    std::vector<double>& m_toDocument;
    std::vector<char> m_fixed, m_queued;
    std::vector<double> m_gain, m_x, m_y, m_pending;
    std::priority_queue<Entry, std::vector<Entry>, Lower> m_heap;
};

}  // namespace

DocumentationPlan planDocumentation(const DocumentationGains& gains, model::Evidence level, int stage, double target,
                                    std::size_t maxSteps, bool& exact) {
    DocumentationPlan plan;
    plan.level = level;
    plan.stage = stage;
    plan.target = target;
    std::vector<double> factor = gains.edgeFactors(level);
    std::vector<double> toDocument = gains.undocumented(level);
    const model::Project& project = gains.project();
    PlanState state(gains, stage, factor, toDocument);
    state.recompute();
    plan.start = state.traced;
    for (;;) {
        if (state.traced >= target - 1e-12) {
            plan.reached = true;
            break;
        }
        if (plan.steps.size() == maxSteps) break;
        const std::optional<std::size_t> best = state.best();
        if (!best) break;  // nothing left that adds anything
        const double tonnes = toDocument[*best], gain = state.gain(*best);
        state.document(*best);
        plan.steps.push_back({project.flows[*best].id, tonnes, state.traced, gain});
        plan.tonnes += tonnes;
    }
    exact = exact && state.exact;
    return plan;
}

}  // namespace traza::risk
