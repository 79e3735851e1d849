#pragma once
// The chain JSON writer as it was before issue #15 (an nlohmann tree, then
// dump(2)), kept for the tests only: the streamed writer must give its bytes.
#include <cmath>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "project.h"

namespace traza::model::reference {

using nlohmann::ordered_json;

// Whole numbers are written without ".0" (200, not 200.0); both forms read back
// as the same double, so this only affects how the file looks. Other values use
// nlohmann's shortest representation that reads back to the same double.
inline ordered_json number(double v) {
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0 && !(v == 0 && std::signbit(v)))
        return static_cast<std::int64_t>(v);
    return v;
}

inline ordered_json numbers(const std::vector<double>& values) {
    ordered_json a = ordered_json::array();
    for (double v : values) a.push_back(number(v));
    return a;
}

inline ordered_json texts(const std::vector<std::string>& values) {
    ordered_json a = ordered_json::array();
    for (const auto& v : values) a.push_back(v);
    return a;
}

inline ordered_json period(const std::string& start, const std::string& end) { return {{"start", start}, {"end", end}}; }

inline ordered_json toJson(const Assessment& a) {
    return {{"title", a.title},     {"assessor", a.assessor}, {"organisation", a.organisation},
            {"purpose", a.purpose}, {"material", a.material}, {"country", a.country},
            {"period", period(a.period.start, a.period.end)}, {"currency", a.currency}, {"notes", a.notes}};
}

inline ordered_json toJson(const Actor& a) {
    ordered_json o;
    o["id"] = a.id;
    o["name"] = a.name;
    o["kind"] = toString(a.kind);
    o["stage"] = a.stage;
    o["country"] = a.country;
    o["region"] = a.region;
    o["formality"] = toString(a.formality);
    o["headcount"] = a.headcount;
    o["capacity_t"] = number(a.capacityT);
    o["stock_change_t"] = number(a.stockChangeT);
    o["loss_t"] = number(a.lossT);
    o["public_service_provider"] = a.publicServiceProvider;
    o["risk_factors"] = texts(a.riskFactors);
    o["notes"] = a.notes;
    return o;
}

inline ordered_json toJson(const Flow& f) {
    ordered_json o;
    o["id"] = f.id;
    o["from"] = f.from;
    o["to"] = f.to;
    o["material"] = f.material;
    o["tonnes"] = number(f.tonnes);
    // Optional extension of the spec: written only when set, so files without it round-trip unchanged.
    if (!f.periodStart.empty() || !f.periodEnd.empty()) o["period"] = period(f.periodStart, f.periodEnd);
    o["documented_t"] = number(f.documentedT);
    o["evidence"] = toString(f.evidence);
    o["documents"] = texts(f.documents);
    o["payment"] = toString(f.payment);
    o["price_per_t"] = number(f.pricePerT);
    o["typology"] = f.typology;
    o["notes"] = f.notes;
    return o;
}

inline ordered_json toJson(const Checklist& c) {
    ordered_json items = ordered_json::array();
    for (const ChecklistItem& item : c.items) {
        ordered_json o;
        o["id"] = item.id;
        o["status"] = toString(item.status);
        o["evidence"] = item.evidence;
        if (!item.documents.empty()) o["documents"] = texts(item.documents);  // optional extension
        o["owner"] = item.owner;
        o["due"] = item.due;
        items.push_back(std::move(o));
    }
    return {{"scope", c.scope}, {"items", std::move(items)}};
}

inline ordered_json toJson(const Goal& g) {
    ordered_json o{{"actor", g.actor}, {"buyer", g.buyer}, {"thresholds_t", numbers(g.thresholdsT)}};
    if (!g.notes.empty()) o["notes"] = g.notes;  // optional extension
    return o;
}

inline ordered_json toJson(const Support& s) {
    ordered_json o{{"actor", s.actor},   {"type", s.type},   {"threshold", s.threshold},
                   {"region", s.region}, {"count", s.count}, {"beneficiaries", s.beneficiaries},
                   {"cost", number(s.cost)}};
    if (!s.notes.empty()) o["notes"] = s.notes;  // optional extension
    return o;
}

// Delivery records (issue #19), flow by flow, only when there are any.
inline ordered_json records(const std::vector<Flow>& flows) {
    ordered_json a = ordered_json::array();
    for (const Flow& f : flows)
        for (const Record& r : f.records) {
            ordered_json docs = ordered_json::array();
            for (const RecordDocument& d : r.documents) docs.push_back({{"type", d.type}, {"number", d.number}});
            ordered_json o;
            o["id"] = r.id;
            o["flow"] = f.id;
            o["date"] = r.date;
            o["tonnes"] = number(r.tonnes);
            o["evidence"] = toString(r.evidence);
            o["documents"] = std::move(docs);
            o["payment"] = toString(r.payment);
            o["price_per_t"] = number(r.pricePerT);
            o["notes"] = r.notes;
            a.push_back(std::move(o));
        }
    return a;
}

template <typename T>
inline ordered_json list(const std::vector<T>& values) {
    ordered_json a = ordered_json::array();
    for (const T& v : values) a.push_back(toJson(v));
    return a;
}


inline std::string treeProjectJson(const Project& p) {
    ordered_json doc;
    doc["format"] = "traza-chain";
    doc["version"] = 1;
    doc["assessment"] = toJson(p.assessment);
    doc["actors"] = list(p.actors);
    doc["flows"] = list(p.flows);
    if (ordered_json r = records(p.flows); !r.empty()) doc["records"] = std::move(r);
    doc["checklists"] = list(p.checklists);
    doc["goals"] = list(p.goals);
    doc["supports"] = list(p.supports);
    // replace: a string that is not UTF-8 (typed in elsewhere) must not abort an export.
    return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace traza::model::reference
