#include "series_json.h"

namespace traza::risk {

namespace {
constexpr int kFirstLevel = static_cast<int>(model::Evidence::SelfDeclared);
constexpr int kLastLevel = static_cast<int>(model::Evidence::Verified);
}  // namespace

void writeTraceabilitySeries(model::JsonStreamWriter& w, const Series& s) {
    w.field("series_period", model::toString(s.kind));
    w.field("undated_t", s.undatedT);
    w.key("by_period");
    w.beginArray();
    for (std::size_t i = 0; i < s.periods.size(); ++i) {
        const EvidencePeriod& e = s.evidence[i];
        w.beginObject();
        w.field("period", s.periods[i].key);
        w.field("start", s.periods[i].start);
        w.field("end", s.periods[i].end);
        w.field("records_t", e.recordsT);
        w.key("documented_share");
        w.beginObject();
        for (int l = kFirstLevel; l <= kLastLevel; ++l)
            w.field(model::toString(static_cast<model::Evidence>(l)), e.documentedShare[l]);
        w.endObject();
        w.field("destinations_t", e.destinationsT);
        w.key("by_stage");
        w.beginObject();
        for (std::size_t l = 0; l < e.traced.size(); ++l) {
            w.key(model::toString(static_cast<model::Evidence>(kFirstLevel + static_cast<int>(l))));
            w.beginObject();
            for (const auto& [k, v] : e.traced[l]) w.field(std::to_string(k), v);
            w.endObject();
        }
        w.endObject();
        w.endObject();
    }
    w.endArray();
}

void writeGoalSeries(model::JsonStreamWriter& w, const Series& s) {
    w.key("goals");
    w.beginArray();
    for (const GoalSeries& g : s.goals) {
        w.beginObject();
        w.field("actor", g.actor);
        w.field("buyer", g.buyer);
        w.key("thresholds_t");
        w.beginArray();
        for (double t : g.thresholdsT) w.number(t);
        w.endArray();
        w.key("reached");  // per threshold, the period it was reached in, or null
        w.beginArray();
        for (const auto& i : g.reachedIn) {
            if (i) w.string(s.periods[*i].key);
            else w.null();
        }
        w.endArray();
        w.field("undated_t", g.undatedT);
        w.field("supports_unplaced", g.supportsUnplaced);
        w.key("by_period");
        w.beginArray();
        for (std::size_t i = 0; i < g.periods.size(); ++i) {
            w.beginObject();
            w.field("period", s.periods[i].key);
            w.field("delivered_t", g.periods[i].deliveredT);
            w.field("cumulative_t", g.periods[i].cumulativeT);
            w.field("supports", g.periods[i].supports);
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
}

}  // namespace traza::risk
