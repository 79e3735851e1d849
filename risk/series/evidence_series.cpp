// Documented and traced shares per period (series.h). The traced shares are
// risk/traceability.h's over a chain made of the period's records only: each
// flow with records dated in the period, summarised from those records
// (record_summary.h); flows without records are left out.
#include "destinations.h"
#include "proportional_mixing.h"
#include "records/record_summary.h"
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

}  // namespace

std::vector<EvidencePeriod> evidenceSeries(const model::Project& p, const std::vector<model::PeriodSlot>& periods,
                                           const std::vector<std::string>& destinations, const std::string& language) {
    std::vector<EvidencePeriod> out(periods.size());
    // Each period's flows: a copy of the flow holding only its records of the period.
    std::vector<std::vector<model::Flow>> flows(periods.size());
    for (const model::Flow& f : p.flows) {
        if (f.records.empty()) continue;
        std::vector<std::vector<model::Record>> split(periods.size());
        for (const model::Record& r : f.records) {
            const std::size_t i = periodIndex(periods, r.date);
            split[i].push_back(r);
            EvidencePeriod& e = out[i];
            e.recordsT += r.tonnes;
            if (hasDocument(r))
                for (int l = static_cast<int>(model::Evidence::SelfDeclared); l <= static_cast<int>(r.evidence); ++l)
                    e.documentedT[l] += r.tonnes;
        }
        for (std::size_t i = 0; i < periods.size(); ++i) {
            if (split[i].empty()) continue;
            model::Flow g;
            g.id = f.id;
            g.from = f.from;
            g.to = f.to;
            g.material = f.material;
            g.records = std::move(split[i]);
            model::applyRecordSummary(g);
            flows[i].push_back(std::move(g));
        }
    }
    model::Project chainOfPeriod;
    chainOfPeriod.actors = p.actors;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        EvidencePeriod& e = out[i];
        for (int l = 0; l < kEvidenceLevels; ++l) e.documentedShare[l] = e.recordsT > 0 ? e.documentedT[l] / e.recordsT : 0;
        if (flows[i].empty()) {  // no records: no chain, nothing traced (and no graph built for it)
            e.traced.assign(static_cast<std::size_t>(model::Evidence::Verified), {});
            continue;
        }
        chainOfPeriod.flows = std::move(flows[i]);
        const ChainGraph chain(chainOfPeriod, language);
        const DestinationSet dest = periodDestinations(chain, destinations);
        const MixingSolver solver(chain);
        bool exact = true;
        const Traceability t = computeTraceability(chain, dest, solver, 0.8, exact);
        e.destinationsT = dest.totalT;
        for (const TraceLevel& l : t.levels) e.traced.push_back(l.byStage);
    }
    return out;
}

}  // namespace traza::risk::series_detail
