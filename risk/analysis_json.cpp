// The spec's "Analysis output" shape, plus additive keys (exposure,
// choke_score, upstream_headcount, statement, ...), streamed field by field
// (model::JsonStreamWriter) instead of built as an nlohmann tree: the same
// bytes as the tree's dump(2), at full double precision, never rounded for
// display. A national chain's analysis is 90 MB of JSON (issue #15).
#include "analysis.h"
#include "series/series_json.h"

namespace traza::risk {
namespace {

using model::JsonStreamWriter;

void sentencesField(JsonStreamWriter& w, const char* name, const std::vector<Sentence>& values) {
    w.key(name);
    w.beginArray();
    for (const Sentence& v : values) w.string(v.text());
    w.endArray();
}

void writeRisk(JsonStreamWriter& w, const RiskScore& r) {
    w.key("risk");
    w.beginObject();
    w.field("inherent", r.inherent);
    w.field("residual", r.residual);
    w.field("level", r.level);
    w.field("mitigation", r.mitigation);
    sentencesField(w, "reasons", r.reasons);
    w.endObject();
}

void writeActor(JsonStreamWriter& w, const ActorResult& r) {
    w.beginObject();
    w.field("id", r.id);
    w.field("stage", r.stage);
    w.field("in_t", r.inT);
    w.field("out_t", r.outT);
    w.field("flow_share", r.flowShare);
    w.field("dominates", r.dominates);
    w.field("upstream_sources", r.upstreamSources);
    w.field("choke_point", r.chokePoint);
    w.field("choke_rank", r.chokeRank);
    sentencesField(w, "choke_reasons", r.chokeReasons);
    w.field("mass_balance_gap_t", r.massBalanceGapT);
    w.field("mass_balance_flag", r.massBalanceFlag);
    writeRisk(w, r.risk);
    // Additive keys.
    w.field("choke_score", r.chokeScore);
    w.field("upstream_headcount", r.upstreamHeadcount);
    w.field("is_source", r.isSource);
    w.field("is_destination", r.isDestination);
    w.field("mass_balance_applies", r.massBalanceApplies);
    w.endObject();
}

void writeTraceability(JsonStreamWriter& w, const Traceability& t, const std::optional<Series>& series) {
    w.key("traceability");
    w.beginObject();
    w.field("threshold", t.threshold);
    w.key("levels");
    w.beginObject();
    for (const TraceLevel& l : t.levels) {  // one per evidence level, so the keys are distinct
        w.key(model::toString(l.level));
        w.beginObject();
        w.key("by_stage");
        w.beginObject();
        for (const auto& [k, v] : l.byStage) w.field(std::to_string(k), v);
        w.endObject();
        w.key("horizon");
        if (l.horizon) w.integer(*l.horizon);
        else w.null();
        w.key("by_stage_credit");  // additive (second wave)
        w.beginObject();
        for (const auto& [k, v] : l.byStageCredit) w.field(std::to_string(k), v);
        w.endObject();
        w.key("next_flows");
        w.beginArray();
        for (const NextFlow& f : l.nextFlows) {
            w.beginObject();
            w.field("flow", f.flow);
            w.field("gain", f.gain);
            w.field("tonnes", f.tonnes);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endObject();
    if (series) writeTraceabilitySeries(w, *series);  // issue #19: only with records
    w.endObject();
}

void writePlan(JsonStreamWriter& w, const DocumentationPlan& p) {
    w.key("plan");
    w.beginObject();
    w.field("level", model::toString(p.level));
    w.field("stage", p.stage);
    w.field("target", p.target);
    w.field("start", p.start);
    w.field("reached", p.reached);
    w.field("tonnes", p.tonnes);
    w.key("steps");
    w.beginArray();
    for (const PlanStep& s : p.steps) {
        w.beginObject();
        w.field("flow", s.flow);
        w.field("tonnes", s.tonnes);
        w.field("gain", s.gain);
        w.field("traced", s.traced);
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

}  // namespace

void writeAnalysisJson(const Analysis& a, const model::JsonSink& sink) {
    JsonStreamWriter w(sink);  // strict: a string that is not UTF-8 throws, as dump() did
    w.beginObject();
    w.key("destinations");
    w.beginArray();
    for (const DestinationResult& d : a.destinations) {
        w.beginObject();
        w.field("id", d.id);
        w.field("input_t", d.inputT);
        w.field("exposure", d.exposure);
        w.field("exposure_level", d.exposureLevel);
        w.endObject();
    }
    w.endArray();
    w.field("total_t", a.totalT);

    w.key("actors");
    w.beginArray();
    for (const ActorResult& r : a.actors) writeActor(w, r);
    w.endArray();

    writeTraceability(w, a.traceability, a.series);
    if (a.plan) writePlan(w, *a.plan);  // only when asked for (--plan-level)

    w.key("breaks");
    w.beginArray();
    for (const TraceBreak& b : a.breaks) {
        w.beginObject();
        w.field("flow", b.flow);
        w.field("tonnes", b.tonnes);
        w.field("reason", b.reason.text());
        w.endObject();
    }
    w.endArray();

    w.key("red_flags");
    w.beginArray();
    for (const RedFlag& f : a.redFlags) {
        w.beginObject();
        w.field("rule", f.rule);
        w.field("actor", f.actor);
        w.field("severity", f.severity);
        w.field("detail", f.detail.text());
        if (!f.flow.empty()) w.field("flow", f.flow);
        // Issue 16: only for a flag the findings register answers.
        if (!f.finding.empty()) w.field("finding", f.finding);
        if (!f.recurrence.empty()) w.field("recurs", f.recurrence);
        w.endObject();
    }
    w.endArray();
    w.field("warnings", a.warnings);
    w.field("statement", a.statement);
    // Second wave: only when some figure is uncertain, so older output is unchanged.
    if (a.usesReconciledFigures) w.field("figures", "reconciled");
    if (a.reconciliation) {
        w.key("reconciliation");
        writeReconciliationJson(w, *a.reconciliation);
    }
    if (a.claims) {  // second wave (issue #20): only when the project has claims
        w.key("claims");
        writeClaimsJson(w, *a.claims);
    }
    if (a.series) writeGoalSeries(w, *a.series);  // issue #19: only when the project has records
    w.endObject();
    w.finish();
}

std::string analysisToJson(const Analysis& a) {
    std::string out;
    writeAnalysisJson(a, [&out](std::string_view bytes) { out.append(bytes); });
    return out;
}

}  // namespace traza::risk
