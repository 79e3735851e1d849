#pragma once
// analysisToJson as it was before issue #15 (an nlohmann tree, then dump(2)),
// kept for the tests only: the streamed writer must give its bytes.
#include <nlohmann/json.hpp>

#include "analysis.h"

namespace traza::risk::reference {

using ordered = nlohmann::ordered_json;

inline ordered riskJson(const RiskScore& r) {
    ordered j;
    j["inherent"] = r.inherent;
    j["residual"] = r.residual;
    j["level"] = r.level;
    j["mitigation"] = r.mitigation;
    j["reasons"] = r.reasons;
    return j;
}
inline std::string treeAnalysisJson(const Analysis& a) {
    ordered root;
    ordered dests = ordered::array();
    for (const DestinationResult& d : a.destinations)
        dests.push_back({{"id", d.id}, {"input_t", d.inputT}, {"exposure", d.exposure}, {"exposure_level", d.exposureLevel}});
    root["destinations"] = dests;
    root["total_t"] = a.totalT;

    ordered actors = ordered::array();
    for (const ActorResult& r : a.actors) {
        ordered j;
        j["id"] = r.id;
        j["stage"] = r.stage;
        j["in_t"] = r.inT;
        j["out_t"] = r.outT;
        j["flow_share"] = r.flowShare;
        j["dominates"] = r.dominates;
        j["upstream_sources"] = r.upstreamSources;
        j["choke_point"] = r.chokePoint;
        j["choke_rank"] = r.chokeRank;
        j["choke_reasons"] = r.chokeReasons;
        j["mass_balance_gap_t"] = r.massBalanceGapT;
        j["mass_balance_flag"] = r.massBalanceFlag;
        j["risk"] = riskJson(r.risk);
        // Additive keys.
        j["choke_score"] = r.chokeScore;
        j["upstream_headcount"] = r.upstreamHeadcount;
        j["is_source"] = r.isSource;
        j["is_destination"] = r.isDestination;
        j["mass_balance_applies"] = r.massBalanceApplies;
        actors.push_back(std::move(j));
    }
    root["actors"] = actors;

    ordered levels = ordered::object();
    for (const TraceLevel& l : a.traceability.levels) {
        ordered byStage = ordered::object();
        for (const auto& [k, v] : l.byStage) byStage[std::to_string(k)] = v;
        ordered level;
        level["by_stage"] = byStage;
        level["horizon"] = l.horizon ? ordered(*l.horizon) : ordered(nullptr);
        ordered credit = ordered::object();
        for (const auto& [k, v] : l.byStageCredit) credit[std::to_string(k)] = v;
        level["by_stage_credit"] = credit;
        ordered next = ordered::array();
        for (const NextFlow& f : l.nextFlows) next.push_back({{"flow", f.flow}, {"gain", f.gain}, {"tonnes", f.tonnes}});
        level["next_flows"] = next;
        levels[std::string(model::toString(l.level))] = level;
    }
    root["traceability"] = {{"threshold", a.traceability.threshold}, {"levels", levels}};
    if (a.series) {  // issue #19: the progress series, only with records
        const Series& s = *a.series;
        ordered& t = root["traceability"];
        t["series_period"] = std::string(model::toString(s.kind));
        t["undated_t"] = s.undatedT;
        ordered periods = ordered::array();
        for (std::size_t i = 0; i < s.periods.size(); ++i) {
            const EvidencePeriod& e = s.evidence[i];
            ordered shares = ordered::object(), stages = ordered::object();
            for (int l = 1; l <= 4; ++l) {
                const std::string name(model::toString(static_cast<model::Evidence>(l)));
                shares[name] = e.documentedShare[l];
                ordered byStage = ordered::object();
                for (const auto& [k, v] : e.traced[l - 1]) byStage[std::to_string(k)] = v;
                stages[name] = byStage;
            }
            periods.push_back({{"period", s.periods[i].key}, {"start", s.periods[i].start}, {"end", s.periods[i].end},
                               {"records_t", e.recordsT}, {"documented_share", shares},
                               {"destinations_t", e.destinationsT}, {"by_stage", stages}});
        }
        t["by_period"] = periods;
    }
    if (a.plan) {
        ordered steps = ordered::array();
        for (const PlanStep& s : a.plan->steps)
            steps.push_back({{"flow", s.flow}, {"tonnes", s.tonnes}, {"gain", s.gain}, {"traced", s.traced}});
        root["plan"] = {{"level", std::string(model::toString(a.plan->level))}, {"stage", a.plan->stage},
                        {"target", a.plan->target}, {"start", a.plan->start}, {"reached", a.plan->reached},
                        {"tonnes", a.plan->tonnes}, {"steps", steps}};
    }

    ordered breaks = ordered::array();
    for (const TraceBreak& b : a.breaks) breaks.push_back({{"flow", b.flow}, {"tonnes", b.tonnes}, {"reason", b.reason}});
    root["breaks"] = breaks;

    ordered flags = ordered::array();
    for (const RedFlag& f : a.redFlags) {
        ordered j{{"rule", f.rule}, {"actor", f.actor}, {"severity", f.severity}, {"detail", f.detail}};
        if (!f.flow.empty()) j["flow"] = f.flow;
        flags.push_back(std::move(j));
    }
    root["red_flags"] = flags;
    root["warnings"] = a.warnings;
    root["statement"] = a.statement;
    if (a.series) {
        const Series& s = *a.series;
        ordered goals = ordered::array();
        for (const GoalSeries& g : s.goals) {
            ordered reached = ordered::array(), periods = ordered::array();
            for (const auto& i : g.reachedIn) reached.push_back(i ? ordered(s.periods[*i].key) : ordered(nullptr));
            for (std::size_t i = 0; i < g.periods.size(); ++i)
                periods.push_back({{"period", s.periods[i].key}, {"delivered_t", g.periods[i].deliveredT},
                                   {"cumulative_t", g.periods[i].cumulativeT}, {"supports", g.periods[i].supports}});
            goals.push_back({{"actor", g.actor}, {"buyer", g.buyer}, {"thresholds_t", g.thresholdsT},
                             {"reached", reached}, {"undated_t", g.undatedT}, {"supports_unplaced", g.supportsUnplaced},
                             {"by_period", periods}});
        }
        root["goals"] = goals;
    }
    return root.dump(2);
}

}  // namespace traza::risk::reference
