// Documented and traced shares per period (series.h). The traced shares are
// risk/traceability.h's over a chain made of the period's records only: each
// flow with records dated in the period, summarised from those records
// (record_summary.h); flows without records are left out.
//
// Two passes: one over the records in project order sums the documented
// shares and keeps what the second reads of each record (RecordBrief); the
// second, flow after flow in the order ChainGraph keeps its edges, sums
// each flow's records per period (in record order, as record_summary.h sums a
// flow holding only that period's records) and hands the sums to the period's
// graph (ChainGraph::KeyedFlow). No flow or record is copied: the same edges
// and the same figures to the last bit, at a fraction of the cost (issue #19,
// "Scale"). The periods are then independent, and are traced on two threads.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <thread>

#include "actor_index.h"
#include "destinations.h"
#include "proportional_mixing.h"
#include "series_parts.h"
#include "traceability.h"
#include "traced_on_demand.h"

namespace traza::risk::series_detail {

namespace {

bool hasDocument(const model::Record& r) { return !r.documents.empty(); }

// What every period's chain reads of the actors and of the edges of all
// periods together, found once rather than per period.
struct SharedByPeriods {
    std::vector<char> refiner;  ///< per actor
    std::vector<int> stage;     ///< per actor
    /// A topological order of every period's edges together (ChainGraph's
    /// third constructor), empty when they make a cycle.
    std::vector<Vertex> order;
};

// Kahn's algorithm over the distinct edges of `keys` (sorted, sender << 32 |
// receiver); empty when they make a cycle.
std::vector<Vertex> topologicalOrder(std::size_t n, const std::vector<std::uint64_t>& keys) {
    std::vector<std::size_t> outStart(n + 1, 0), pending(n, 0);
    std::vector<Vertex> receiver;
    receiver.reserve(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i > 0 && keys[i] == keys[i - 1]) continue;
        ++outStart[(keys[i] >> 32) + 1];
        ++pending[keys[i] & 0xffffffffu];
        receiver.push_back(keys[i] & 0xffffffffu);
    }
    for (std::size_t v = 0; v < n; ++v) outStart[v + 1] += outStart[v];
    std::vector<Vertex> order;
    order.reserve(n);
    for (Vertex v = 0; v < n; ++v)
        if (pending[v] == 0) order.push_back(v);
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t k = outStart[order[i]]; k < outStart[order[i] + 1]; ++k)
            if (--pending[receiver[k]] == 0) order.push_back(receiver[k]);
    if (order.size() < n) order.clear();
    return order;
}

// The destinations of a period's chain: the named ones, else its refiners that
// received records in the period, else its sinks (inflow, no outflow). Unlike
// chooseDestinations, a refiner without records in the period is no
// destination: records often stop before the refiner (the CARE pilot's do).
DestinationSet periodDestinations(const ChainGraph& chain, const std::vector<std::string>& named,
                                  const std::vector<char>& isRefiner) {
    if (!named.empty()) return chooseDestinations(chain, named);
    DestinationSet d;
    d.contains.assign(chain.vertexCount(), 0);
    for (int pass = 0; pass < 2 && d.vertices.empty(); ++pass)
        for (Vertex v = 0; v < chain.vertexCount(); ++v) {
            const bool refiner = isRefiner[v];
            if (chain.inT(v) > 0 && (pass == 0 ? refiner : chain.outT(v) == 0)) {
                d.contains[v] = 1;
                d.vertices.push_back(v);
                d.totalT += chain.inT(v);
            }
        }
    d.rule = d.vertices.empty() ? DestinationRule::None : DestinationRule::Sinks;
    return d;
}

// What the second pass reads of a record, kept from the first: the records
// themselves (144 bytes each, 870 000 on a national year) are read once.
struct RecordBrief {
    double tonnes;
    std::uint32_t period;
    int documentedLevel;  ///< the record's evidence when it has a document, else -1
};

// Sums one flow's records per period, in record order (as record_summary.h
// sums a flow holding only that period's records). The slots are kept between
// flows and only the periods a flow touched are read and cleared, so a year
// of 870 000 records needs no buffer of per-flow sums (issue #19, "Scale").
class FlowPeriodSums {
public:
    explicit FlowPeriodSums(std::size_t periods) : m_sums(periods), m_touched(periods, 0) {}

    void add(const RecordBrief& r) {
        const std::size_t period = r.period;
        if (!m_touched[period]) {
            m_touched[period] = 1;
            m_order.push_back(period);
        }
        ChainGraph::KeyedFlow& f = m_sums[period];
        f.tonnes += r.tonnes;
        // As model::documentedAtLeast over the period's records.
        if (r.documentedLevel >= 0 && std::isfinite(r.tonnes) && r.tonnes > 0)
            for (int l = 0; l <= r.documentedLevel; ++l) f.documentedAtLeast[l] += r.tonnes;
    }

    /// Hands each touched period's sum, capped as documentedAtLeast caps it, to
    /// `take(period, sum)`, and clears the slots for the next flow.
    template <class Take>
    void drain(std::uint64_t key, std::size_t flow, Take take) {
        for (std::size_t period : m_order) {
            ChainGraph::KeyedFlow& g = m_sums[period];
            g.key = key;
            g.flow = flow;
            for (double& d : g.documentedAtLeast) d = std::min(d, g.tonnes);
            take(period, g);
            g = {};
            m_touched[period] = 0;
        }
        m_order.clear();
    }

private:
    std::vector<ChainGraph::KeyedFlow> m_sums;
    std::vector<char> m_touched;
    std::vector<std::size_t> m_order;
};

// The traced shares of one period's chain: read where the destinations need
// them when the chain has no cycle, else solved over the whole chain.
void tracePeriod(const model::Project& p, std::span<const ChainGraph::KeyedFlow> flows,
                 const std::vector<std::string>& destinations, const SharedByPeriods& shared, EvidencePeriod& e) {
    const ChainGraph chain(p, flows, shared.order);
    const DestinationSet dest = periodDestinations(chain, destinations, shared.refiner);
    e.destinationsT = dest.totalT;
    if (std::optional<std::vector<std::map<int, double>>> traced = tracedOnDemand(chain, dest, shared.stage)) {
        e.traced = std::move(*traced);
        return;
    }
    const MixingSolver solver(chain);
    bool exact = true;
    const Traceability t = computeTraceability(chain, dest, solver, 0.8, exact);
    for (const TraceLevel& l : t.levels) e.traced.push_back(l.byStage);
}

// Runs job(i) for i < count on up to two threads; rethrows the error of the
// lowest i, so what a caller sees does not depend on the threads' timing.
template <class Job>
void forEachPeriod(std::size_t count, Job job) {
    std::vector<std::exception_ptr> errors(count);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next++) < count;) try {
                job(i);
            } catch (...) {
                errors[i] = std::current_exception();
            }
    };
    if (count > 1 && std::thread::hardware_concurrency() > 1) {
        std::thread helper(work);
        work();
        helper.join();
    } else {
        work();
    }
    for (const std::exception_ptr& error : errors)
        if (error) std::rethrow_exception(error);
}

}  // namespace

std::vector<EvidencePeriod> evidenceSeries(const model::Project& p, const std::vector<model::PeriodSlot>& periods,
                                           const std::vector<std::string>& destinations, const std::string& language) {
    (void)language;  // the period graphs hold checked flows only: they have no warnings to word
    std::vector<EvidencePeriod> out(periods.size());
    const ActorIndex byId(p.actors);
    struct KeyedIndex {
        std::uint64_t key;
        std::size_t flow;
    };
    std::vector<KeyedIndex> keyed;  // the analysable flows with records
    std::vector<char> anyRecord(periods.size(), 0);
    std::vector<std::size_t> recordsIn(periods.size(), 0);  // bounds each period's flows
    PeriodFinder periodOf(periods);
    // Each record's period (found once: comparing dates is most of a pass),
    // tonnes and documentation, flow fi's from briefStart[fi].
    std::vector<RecordBrief> briefs;
    std::vector<std::size_t> briefStart(p.flows.size() + 1, 0);
    {
        std::size_t records = 0;
        for (const model::Flow& f : p.flows) records += f.records.size();
        briefs.reserve(records);
    }
    // The documented shares, over the records in project order.
    for (std::size_t fi = 0; fi < p.flows.size(); ++fi) {
        const model::Flow& f = p.flows[fi];
        briefStart[fi] = briefs.size();
        if (f.records.empty()) continue;
        for (const model::Record& r : f.records) {
            const std::size_t i = periodOf(r.date);
            briefs.push_back({r.tonnes, static_cast<std::uint32_t>(i),
                              hasDocument(r) ? std::min(static_cast<int>(r.evidence), kEvidenceLevels - 1) : -1});
            anyRecord[i] = 1;
            ++recordsIn[i];
            EvidencePeriod& e = out[i];
            e.recordsT += r.tonnes;
            if (hasDocument(r))
                for (int l = static_cast<int>(model::Evidence::SelfDeclared); l <= static_cast<int>(r.evidence); ++l)
                    e.documentedT[l] += r.tonnes;
        }
        // As ChainGraph leaves out a flow with an unknown end or from an actor to itself.
        const std::size_t from = byId.find(f.from), to = byId.find(f.to);
        if (from == ActorIndex::kNone || to == ActorIndex::kNone || from == to) continue;
        keyed.push_back({(static_cast<std::uint64_t>(from) << 32) | static_cast<std::uint64_t>(to), fi});
    }
    briefStart[p.flows.size()] = briefs.size();
    // Each period's flows in (key, flow) order, as ChainGraph orders them:
    // the flows are summed per period in that order.
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
    std::vector<std::vector<ChainGraph::KeyedFlow>> flows(periods.size());
    for (std::size_t i = 0; i < periods.size(); ++i) flows[i].reserve(recordsIn[i]);  // untouched pages cost nothing
    FlowPeriodSums sums(periods.size());
    for (const KeyedIndex& k : keyed) {
        for (std::size_t j = briefStart[k.flow]; j < briefStart[k.flow + 1]; ++j) sums.add(briefs[j]);
        sums.drain(k.key, k.flow, [&](std::size_t period, const ChainGraph::KeyedFlow& g) {
            if (std::isfinite(g.tonnes) && g.tonnes > 0) flows[period].push_back(g);
        });
    }
    for (EvidencePeriod& e : out)
        for (int l = 0; l < kEvidenceLevels; ++l) e.documentedShare[l] = e.recordsT > 0 ? e.documentedT[l] / e.recordsT : 0;
    SharedByPeriods shared;
    shared.refiner.reserve(p.actors.size());
    shared.stage.reserve(p.actors.size());
    for (const model::Actor& a : p.actors) {
        shared.refiner.push_back(a.kind == model::ActorKind::Refiner);
        shared.stage.push_back(a.stage);
    }
    {
        std::vector<std::uint64_t> keys(keyed.size());
        for (std::size_t i = 0; i < keyed.size(); ++i) keys[i] = keyed[i].key;
        shared.order = topologicalOrder(p.actors.size(), keys);
    }
    forEachPeriod(periods.size(), [&](std::size_t i) {
        if (anyRecord[i]) tracePeriod(p, flows[i], destinations, shared, out[i]);
        else out[i].traced.assign(static_cast<std::size_t>(model::Evidence::Verified), {});  // no records: no chain
    });
    return out;
}

}  // namespace traza::risk::series_detail
