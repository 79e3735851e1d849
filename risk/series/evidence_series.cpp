// Documented and traced shares per period (series.h). The traced shares are
// risk/traceability.h's over a chain made of the period's records only: each
// flow with records dated in the period, summarised from those records
// (record_summary.h); flows without records are left out.
//
// One pass over the records sums each flow's records per period (in record
// order, as record_summary.h sums a flow holding only that period's records),
// and each period's graph is built from those sums (ChainGraph::KeyedFlow)
// instead of from a copy of the flows and their records: the same edges and
// the same figures to the last bit, at a fraction of the cost (issue #19,
// "Scale"). The periods are then independent, and are traced on two threads.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>

#include "actor_index.h"
#include "destinations.h"
#include "proportional_mixing.h"
#include "series_parts.h"
#include "traceability.h"

namespace traza::risk::series_detail {

namespace {

bool hasDocument(const model::Record& r) { return !r.documents.empty(); }

// The destinations of a period's chain: the named ones, else its refiners that
// received records in the period, else its sinks (inflow, no outflow). Unlike
// chooseDestinations, a refiner without records in the period is no
// destination: records often stop before the refiner (the CARE pilot's do).
DestinationSet periodDestinations(const ChainGraph& chain, const std::vector<std::string>& named) {
    if (!named.empty()) return chooseDestinations(chain, named);
    DestinationSet d;
    d.contains.assign(chain.vertexCount(), 0);
    for (int pass = 0; pass < 2 && d.vertices.empty(); ++pass)
        for (Vertex v = 0; v < chain.vertexCount(); ++v) {
            const bool refiner = chain.actor(v).kind == model::ActorKind::Refiner;
            if (chain.inT(v) > 0 && (pass == 0 ? refiner : chain.outT(v) == 0)) {
                d.contains[v] = 1;
                d.vertices.push_back(v);
                d.totalT += chain.inT(v);
            }
        }
    d.rule = d.vertices.empty() ? DestinationRule::None : DestinationRule::Sinks;
    return d;
}

// One flow's records of one period, summed in record order.
struct PeriodSum {
    std::size_t period = 0;
    ChainGraph::KeyedFlow flow;
};

// Adds a record to its flow's sum for the period; a flow's records mostly come
// in date order, so the period is looked for from the last sum backwards.
void addRecord(std::vector<PeriodSum>& sums, std::size_t first, std::size_t period, const model::Record& r) {
    std::size_t k = sums.size();
    while (k > first && sums[k - 1].period != period) --k;
    if (k == first) {
        sums.push_back({period, {}});
        k = sums.size();
    }
    ChainGraph::KeyedFlow& f = sums[k - 1].flow;
    f.tonnes += r.tonnes;
    // As model::documentedAtLeast over the period's records.
    if (hasDocument(r) && std::isfinite(r.tonnes) && r.tonnes > 0)
        for (int l = 0; l <= static_cast<int>(r.evidence); ++l) f.documentedAtLeast[l] += r.tonnes;
}

// The traced shares of one period's chain.
void tracePeriod(const model::Project& p, std::span<const ChainGraph::KeyedFlow> flows,
                 const std::vector<std::string>& destinations, EvidencePeriod& e) {
    const ChainGraph chain(p, flows);
    const DestinationSet dest = periodDestinations(chain, destinations);
    const MixingSolver solver(chain);
    bool exact = true;
    const Traceability t = computeTraceability(chain, dest, solver, 0.8, exact);
    e.destinationsT = dest.totalT;
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
    // Each flow's sums, flow after flow in project order.
    std::vector<PeriodSum> sums;
    struct FlowSums {
        std::uint64_t key;
        std::size_t first, last;  ///< into sums
    };
    std::vector<FlowSums> keyed;  // the analysable flows with records
    std::vector<char> anyRecord(periods.size(), 0);
    PeriodFinder periodOf(periods);
    for (std::size_t fi = 0; fi < p.flows.size(); ++fi) {
        const model::Flow& f = p.flows[fi];
        if (f.records.empty()) continue;
        const std::size_t first = sums.size();
        for (const model::Record& r : f.records) {
            const std::size_t i = periodOf(r.date);
            anyRecord[i] = 1;
            addRecord(sums, first, i, r);
            EvidencePeriod& e = out[i];
            e.recordsT += r.tonnes;
            if (hasDocument(r))
                for (int l = static_cast<int>(model::Evidence::SelfDeclared); l <= static_cast<int>(r.evidence); ++l)
                    e.documentedT[l] += r.tonnes;
        }
        // As ChainGraph leaves out a flow with an unknown end or from an actor to itself.
        const std::size_t from = byId.find(f.from), to = byId.find(f.to);
        if (from == ActorIndex::kNone || to == ActorIndex::kNone || from == to) {
            sums.resize(first);
            continue;
        }
        const std::uint64_t key = (static_cast<std::uint64_t>(from) << 32) | static_cast<std::uint64_t>(to);
        for (std::size_t k = first; k < sums.size(); ++k) {
            ChainGraph::KeyedFlow& g = sums[k].flow;
            g.key = key;
            g.flow = fi;
            for (double& d : g.documentedAtLeast) d = std::min(d, g.tonnes);  // documentedAtLeast's cap
        }
        keyed.push_back({key, first, sums.size()});
    }
    // Each period's flows in (key, flow) order, as ChainGraph orders them.
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
    std::vector<std::vector<ChainGraph::KeyedFlow>> flows(periods.size());
    {
        std::vector<std::size_t> count(periods.size(), 0);
        for (const PeriodSum& sum : sums) ++count[sum.period];
        for (std::size_t i = 0; i < periods.size(); ++i) flows[i].reserve(count[i]);
    }
    for (const FlowSums& k : keyed)
        for (std::size_t j = k.first; j < k.last; ++j) {
            const ChainGraph::KeyedFlow& g = sums[j].flow;
            if (std::isfinite(g.tonnes) && g.tonnes > 0) flows[sums[j].period].push_back(g);
        }
    for (EvidencePeriod& e : out)
        for (int l = 0; l < kEvidenceLevels; ++l) e.documentedShare[l] = e.recordsT > 0 ? e.documentedT[l] / e.recordsT : 0;
    forEachPeriod(periods.size(), [&](std::size_t i) {
        if (anyRecord[i]) tracePeriod(p, flows[i], destinations, out[i]);
        else out[i].traced.assign(static_cast<std::size_t>(model::Evidence::Verified), {});  // no records: no chain
    });
    return out;
}

}  // namespace traza::risk::series_detail
