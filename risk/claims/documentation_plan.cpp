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

// The plan's state between steps: the forward solution x, the adjoint y, each
// cycle's factorisation and every flow's gain (a GainResult), kept exact.
// Documenting a flow e = (u, v) changes x only downstream of v and y only
// upstream of u (and not at all when u is fixed), so a step updates just those
// actors, by pushing the changes along the flows in topological order of the
// components, and then the gains of the flows that touch them. A change that
// enters a cycle from outside is carried through it by one solve with the
// cycle's factors (A Δx = in ⊙ Δb forward, Δy = in ⊙ A⁻ᵀ Δc backward); a flow
// inside a cycle changes that cycle's matrix, so the cycle alone is solved and
// factored again. A chain's plan of thousands of steps thus costs little more
// than its first pass, with cycles or without.
class PlanState {
public:
    PlanState(const DocumentationGains& gains, int stage, std::vector<double>& factor, std::vector<double>& toDocument)
        : m_gains(gains), m_chain(gains.chain()), m_stage(stage), m_factor(factor), m_toDocument(toDocument),
          m_fixed(m_chain.vertexCount()), m_one(m_chain.vertexCount(), 1.0) {
        for (Vertex v = 0; v < m_chain.vertexCount(); ++v) m_fixed[v] = m_chain.stage(v) <= stage;
    }

    bool exact = true;
    std::size_t fullRecomputations = 0;

    double traced() const { return m_state.traced; }

    void recompute() {
        m_state = m_gains.compute(m_factor, m_toDocument, m_stage);
        exact = exact && m_state.exact;
        m_heap = {};
        m_queue.clear();
        m_pending.assign(m_chain.vertexCount(), 0.0);  // an update abandoned half-way leaves nothing behind
        m_queued.assign(m_chain.vertexCount(), 0);
        for (std::size_t f = 0; f < m_state.gain.size(); ++f)
            if (m_state.gain[f] > kMinGain) m_heap.push({m_state.gain[f], f});
        ++fullRecomputations;
    }

    /// The flow with the largest gain (ties: project order), or none.
    std::optional<std::size_t> best() {
        while (!m_heap.empty()) {
            const auto [g, f] = m_heap.top();
            if (m_toDocument[f] > 0 && g == m_state.gain[f]) return f;
            m_heap.pop();  // stale
        }
        return std::nullopt;
    }
    double gain(std::size_t f) const { return m_state.gain[f]; }

    /// Documents flow f (its tonnes in m_toDocument) and brings everything up to date.
    void document(std::size_t f) {
        const double dw = m_toDocument[f];
        const double g = m_state.gain[f];
        const auto e = static_cast<std::size_t>(m_gains.edgeOfFlow()[f]);
        const EdgeData& edge = m_chain.edge(e);
        m_factor[edge.index] = std::min(1.0, m_factor[edge.index] + dw / edge.tonnes);
        m_toDocument[f] = 0;
        m_state.gain[f] = 0;
        m_state.traced += g;  // the gain is exactly the change (read by re-solved gains below)
        m_state.resolved = 0;  // the re-solve budget is per step, as it was per full pass
        if (update(e, dw)) exact = exact && m_state.exact;
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
    // Heap order of the propagation: the earliest component first (downstream),
    // or the latest (upstream).
    template <bool Downstream>
    struct Later {
        const ChainGraph* chain;
        bool operator()(Vertex a, Vertex b) const {
            return Downstream ? chain->componentOf(a) > chain->componentOf(b)
                              : chain->componentOf(a) < chain->componentOf(b);
        }
    };

    const Component& componentOf(Vertex v) const { return m_chain.components()[m_chain.componentOf(v)]; }
    double weight(std::size_t e) const { return m_factor[m_chain.edge(e).index] * m_chain.edge(e).tonnes; }

    void refreshGain(std::size_t e) {
        for (std::size_t f : m_chain.flowsOf(e)) {
            const double dw = m_toDocument[f];
            if (!(dw > 0)) continue;
            const double g = m_gains.flowGain(e, dw, m_factor, m_stage, m_state);
            if (g == m_state.gain[f]) continue;
            m_state.gain[f] = g;
            if (g > kMinGain) m_heap.push({g, f});
        }
    }

    template <bool Downstream>
    void add(Vertex to, double amount) {
        if (!m_queued[to]) {
            m_queued[to] = 1;
            m_queue.push_back(to);
            std::push_heap(m_queue.begin(), m_queue.end(), Later<Downstream>{&m_chain});
        }
        m_pending[to] += amount;
    }

    // Passes the change d of w's value (x downstream, y upstream) to the
    // neighbours outside w's component, each by its edge's share of the
    // receiving actor's input.
    template <bool Downstream>
    void spread(Vertex w, double d) {
        const std::size_t cw = m_chain.componentOf(w);
        if constexpr (Downstream) {
            for (std::size_t e : m_chain.outEdges(w)) {
                const Vertex next = m_chain.target(e);
                const double wt = weight(e);
                if (m_fixed[next] || wt == 0 || m_chain.componentOf(next) == cw) continue;
                add<true>(next, wt / m_chain.inT(next) * d);
            }
        } else {
            for (std::size_t e : m_chain.inEdges(w)) {
                const Vertex next = m_chain.source(e);
                const double wt = weight(e);
                if (m_fixed[next] || wt == 0 || m_chain.componentOf(next) == cw) continue;
                add<false>(next, wt / m_chain.inT(w) * d);
            }
        }
    }

    // Applies the queued changes component by component in topological order
    // (reverse order upstream); a cycle takes all its pending input at once
    // and passes it through its factors. False when a cycle cannot be solved
    // that way (singular factors): the caller then recomputes in full.
    template <bool Downstream>
    bool run(std::vector<double>& value, std::vector<Vertex>& changed) {
        while (!m_queue.empty()) {
            std::pop_heap(m_queue.begin(), m_queue.end(), Later<Downstream>{&m_chain});
            const Vertex w = m_queue.back();
            m_queue.pop_back();
            if (!m_queued[w]) continue;  // its cycle was done already
            const std::size_t ci = m_chain.componentOf(w);
            const Component& comp = m_chain.components()[ci];
            if (!comp.cyclic) {
                const double d = m_pending[w];
                m_pending[w] = 0;
                m_queued[w] = 0;
                value[w] += d;
                changed.push_back(w);
                spread<Downstream>(w, d);
                continue;
            }
            const CycleFactor* f = m_state.cycles[ci].get();
            if (f == nullptr || !f->usable()) return false;
            std::vector<double> b(f->size(), 0.0);
            bool lost = false;
            for (Vertex m : comp.members) {
                if (!m_queued[m]) continue;
                const double p = m_pending[m];
                m_pending[m] = 0;
                m_queued[m] = 0;
                const long i = m_state.position[m];
                if (i < 0) lost = lost || p != 0;  // an actor the factors leave out: cannot happen, but be safe
                else b[static_cast<std::size_t>(i)] = Downstream ? m_chain.inT(m) * p : p;
            }
            if (lost) return false;
            if constexpr (Downstream) f->solve(b);
            else f->solveTransposed(b);
            const std::vector<Vertex>& unknowns = f->unknowns();
            for (std::size_t i = 0; i < unknowns.size(); ++i) {
                const Vertex v = unknowns[i];
                const double d = Downstream ? b[i] : m_chain.inT(v) * b[i];
                if (d == 0) continue;
                value[v] += d;
                changed.push_back(v);
                spread<Downstream>(v, d);
            }
        }
        return true;
    }

    // Each member of the cycle whose value moved from `before` is noted as
    // changed and its difference spread on (x forward, y backward).
    template <bool Forward>
    void pushCycleChanges(const Component& comp, const std::vector<double>& before, const std::vector<double>& values,
                          std::vector<Vertex>& changed) {
        for (std::size_t i = 0; i < comp.members.size(); ++i) {
            const Vertex m = comp.members[i];
            const double d = values[m] - before[i];
            if (d == 0) continue;
            changed.push_back(m);
            spread<Forward>(m, d);
        }
    }

    // A flow inside cycle ci was documented: its matrix changed. x of the
    // cycle is solved again by the forward solver's own method (from the x of
    // the actors feeding it, unchanged), the cycle is factored again, which
    // gives its y (from the y of the actors it feeds, unchanged) and the G of
    // its inner flows; the differences then travel on as above.
    bool updateCycle(std::size_t ci, std::vector<Vertex>& changedX, std::vector<Vertex>& changedY) {
        const Component& comp = m_chain.components()[ci];
        std::vector<double> before;
        for (Vertex m : comp.members) before.push_back(m_state.x[m]);
        MixingResult forward;
        forward.value = std::move(m_state.x);
        m_gains.solver().solveComponent(comp, {m_fixed, m_one, {}, m_factor}, forward, m_scratch);
        m_state.x = std::move(forward.value);
        exact = exact && forward.exact;
        pushCycleChanges<true>(comp, before, m_state.x, changedX);
        if (!run<true>(m_state.x, changedX)) return false;

        before.clear();
        for (Vertex m : comp.members) before.push_back(m_state.y[m]);
        if (!m_gains.refactorCycle(ci, m_factor, m_toDocument, m_stage, m_state)) return false;
        pushCycleChanges<false>(comp, before, m_state.y, changedY);
        if (!run<false>(m_state.y, changedY)) return false;
        // Every inner flow's G may have changed.
        for (Vertex m : comp.members) {
            changedX.push_back(m);
            changedY.push_back(m);
        }
        return true;
    }

    // Pushes the changes of x (forward) and y (backward) and refreshes the
    // gains they touch; false when that is not possible (recompute in full).
    bool update(std::size_t e, double dw) {
        const Vertex u = m_chain.source(e), v = m_chain.target(e);
        const DestinationSet& dest = m_gains.destinations();
        std::vector<Vertex> changedX, changedY;
        if (componentOf(u).cyclic && m_chain.componentOf(u) == m_chain.componentOf(v) && !m_fixed[u] && !m_fixed[v]) {
            if (!updateCycle(m_chain.componentOf(u), changedX, changedY)) return false;
        } else {
            const double delta = dw / m_chain.inT(v);
            // x: v receives δ·x(u) more; then every actor downstream.
            if (!m_fixed[v] && m_state.x[u] != 0) {
                add<true>(v, delta * m_state.x[u]);
                if (!run<true>(m_state.x, changedX)) return false;
            }
            // y: u sends δ·y(v) (+ Δw/T into a destination) more; then every actor upstream.
            if (!m_fixed[u]) {
                const double dy = (m_fixed[v] ? 0.0 : delta * m_state.y[v]) + (dest.contains[v] ? dw / dest.totalT : 0.0);
                if (dy != 0) {
                    add<false>(u, dy);
                    if (!run<false>(m_state.y, changedY)) return false;
                }
            }
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
    std::vector<double> m_one, m_pending;
    std::vector<Vertex> m_queue;  // heap of the actors with a pending change
    std::vector<long> m_scratch;  // the forward solver's, for updateCycle
    GainResult m_state;
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
    plan.start = state.traced();
    for (;;) {
        if (state.traced() >= target - 1e-12) {
            plan.reached = true;
            break;
        }
        if (plan.steps.size() == maxSteps) break;
        const std::optional<std::size_t> best = state.best();
        if (!best) break;  // nothing left that adds anything
        const double tonnes = toDocument[*best], gain = state.gain(*best);
        state.document(*best);
        plan.steps.push_back({project.flows[*best].id, tonnes, state.traced(), gain});
        plan.tonnes += tonnes;
    }
    exact = exact && state.exact;
    return plan;
}

}  // namespace traza::risk
