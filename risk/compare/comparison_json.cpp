// The JSON form of a comparison: streamed like the analysis JSON, full precision.
#include "chain_comparison.h"

#include "json_stream_writer.h"

namespace traza::risk {
namespace {

using model::JsonStreamWriter;

void change(JsonStreamWriter& w, const char* name, const Change& c) {
    w.key(name);
    w.beginObject();
    w.field("before", c.before);
    w.field("after", c.after);
    w.field("change", c.delta());
    w.endObject();
}

void horizon(JsonStreamWriter& w, const char* name, const std::optional<int>& h) {
    w.key(name);
    if (h) w.integer(*h);
    else w.null();
}

void flags(JsonStreamWriter& w, const char* name, const std::vector<RedFlag>& list) {
    w.key(name);
    w.beginArray();
    for (const RedFlag& f : list) {
        w.beginObject();
        w.field("rule", f.rule);
        w.field("actor", f.actor);
        w.field("flow", f.flow);
        w.field("severity", f.severity);
        w.field("detail", f.detail.text());
        w.endObject();
    }
    w.endArray();
}

}  // namespace

std::string comparisonToJson(const ChainComparison& c) {
    std::string out;
    JsonStreamWriter w([&](std::string_view bytes) { out.append(bytes); }, JsonStreamWriter::InvalidUtf8::Replace);
    w.beginObject();
    change(w, "total_t", c.totalT);
    change(w, "flow_tonnes", c.flowTonnes);
    change(w, "actor_count", c.actorCount);
    change(w, "flow_count", c.flowCount);
    w.field("actors_added", static_cast<int>(c.actorsAdded));
    w.field("actors_removed", static_cast<int>(c.actorsRemoved));
    w.field("flows_added", static_cast<int>(c.flowsAdded));
    w.field("flows_removed", static_cast<int>(c.flowsRemoved));
    w.key("levels");
    w.beginObject();
    for (const LevelComparison& l : c.levels) {
        w.key(model::toString(l.level));
        w.beginObject();
        change(w, "documented_share", l.documentedShare);
        change(w, "first_mile_documented_share", l.firstMileDocumentedShare);
        w.key("by_stage");
        w.beginObject();
        for (const auto& [k, v] : l.tracedByStage) change(w, std::to_string(k).c_str(), v);
        w.endObject();
        horizon(w, "horizon_before", l.horizonBefore);
        horizon(w, "horizon_after", l.horizonAfter);
        w.endObject();
    }
    w.endObject();
    w.key("choke_points");
    w.beginArray();
    for (const ChokePointComparison& p : c.chokePoints) {
        w.beginObject();
        w.field("id", p.id);
        w.field("name", p.name);
        w.field("rank_before", p.rankBefore);
        w.field("rank_after", p.rankAfter);
        change(w, "flow_share", p.flowShare);
        w.endObject();
    }
    w.endArray();
    flags(w, "new_red_flags", c.newFlags);
    flags(w, "resolved_red_flags", c.resolvedFlags);
    w.key("actor_tonnes");
    w.beginArray();
    for (const ActorTonnes& a : c.actorTonnes) {
        w.beginObject();
        w.field("id", a.id);
        w.field("name", a.name);
        change(w, "out_t", a.outT);
        w.field("added", a.added);
        w.field("removed", a.removed);
        w.endObject();
    }
    w.endArray();
    if (!c.periods.empty()) {
        w.key("periods");
        w.beginArray();
        for (const ComparedPeriod& p : c.periods) {
            w.beginObject();
            w.field("label", p.label);
            w.field("start", p.start);
            w.field("end", p.end);
            w.field("records", static_cast<int>(p.records));
            w.field("undated_flows", static_cast<int>(p.undatedFlows));
            w.field("undated_t", p.undatedT);
            w.endObject();
        }
        w.endArray();
    }
    w.endObject();
    w.finish();
    return out;
}

}  // namespace traza::risk
