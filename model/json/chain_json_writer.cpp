// Chain JSON writing (the reading side is chain_json.cpp). The field order and
// the choices below are the ones the nlohmann-tree writer made before issue
// #15; tests/model/json/chain_json_writer_test.cpp holds the two side by side.
#include "chain_json_writer.h"

#include <cmath>
#include <cstdint>

#include "chain_json.h"
#include "claim_profiles.h"
#include "own_entries.h"
#include "error.h"
#include "record_json.h"

namespace traza::model {
namespace {

// Whole numbers are written without ".0" (200, not 200.0); both forms read back
// as the same double, so this only affects how the file looks. Other values use
// nlohmann's shortest representation that reads back to the same double.
void number(JsonStreamWriter& w, double v) {
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0 && !(v == 0 && std::signbit(v)))
        return w.integer(static_cast<std::int64_t>(v));
    w.number(v);
}

void numberField(JsonStreamWriter& w, const char* name, double v) {
    w.key(name);
    number(w, v);
}

void periodField(JsonStreamWriter& w, const std::string& start, const std::string& end) {
    w.key("period");
    w.beginObject();
    w.field("start", start);
    w.field("end", end);
    w.endObject();
}

void write(JsonStreamWriter& w, const Assessment& a) {
    w.beginObject();
    w.field("title", a.title);
    w.field("assessor", a.assessor);
    w.field("organisation", a.organisation);
    w.field("purpose", a.purpose);
    w.field("material", a.material);
    w.field("country", a.country);
    periodField(w, a.period.start, a.period.end);
    w.field("currency", a.currency);
    w.field("notes", a.notes);
    // Sign-off keys only when set: files without them stay byte-identical.
    if (!a.assessedOn.empty()) w.field("assessed_on", a.assessedOn);
    if (!a.reviewer.empty()) w.field("reviewer", a.reviewer);
    if (!a.reviewedOn.empty()) w.field("reviewed_on", a.reviewedOn);
    // Issue #19: only when not the default (monthly).
    if (a.seriesPeriod != SeriesPeriod::Monthly) w.field("series_period", toString(a.seriesPeriod));
    w.endObject();
}

void write(JsonStreamWriter& w, const Actor& a) {
    w.beginObject();
    w.field("id", a.id);
    w.field("name", a.name);
    w.field("kind", toString(a.kind));
    w.field("stage", a.stage);
    w.field("country", a.country);
    w.field("region", a.region);
    w.field("formality", toString(a.formality));
    w.field("headcount", a.headcount);
    numberField(w, "capacity_t", a.capacityT);
    numberField(w, "stock_change_t", a.stockChangeT);
    numberField(w, "loss_t", a.lossT);
    // Uncertainty (second wave): written only when set, so older files round-trip unchanged.
    if (a.stockChangeSdT != 0) numberField(w, "stock_change_sd_t", a.stockChangeSdT);
    if (a.lossSdT != 0) numberField(w, "loss_sd_t", a.lossSdT);
    w.field("public_service_provider", a.publicServiceProvider);
    w.field("risk_factors", a.riskFactors);
    w.field("notes", a.notes);
    // The actor's own due diligence (issue 16): only when set, so older files round-trip unchanged.
    if (a.ddStatus != DueDiligenceStatus::None) w.field("dd_status", toString(a.ddStatus));
    if (!a.cocCertification.empty()) w.field("coc_certification", a.cocCertification);
    // Claims (issue #20): only when set.
    if (a.makesClaims) w.field("makes_claims", *a.makesClaims);
    if (a.claimYield != 0) numberField(w, "claim_yield", a.claimYield);
    if (!a.claimProfile.empty()) w.field("claim_profile", a.claimProfile);
    if (!a.suspendedFrom.empty()) w.field("suspended_from", a.suspendedFrom);  // issue #19, only when set
    w.endObject();
}

void write(JsonStreamWriter& w, const Flow& f) {
    w.beginObject();
    w.field("id", f.id);
    w.field("from", f.from);
    w.field("to", f.to);
    w.field("material", f.material);
    if (f.tonnesUnknown) {
        w.key("tonnes");
        w.null();
    } else numberField(w, "tonnes", f.tonnes);
    if (f.sdT != 0) numberField(w, "sd_t", f.sdT);  // second wave, only when set
    // Optional extension of the spec: written only when set, so files without it round-trip unchanged.
    if (!f.periodStart.empty() || !f.periodEnd.empty()) periodField(w, f.periodStart, f.periodEnd);
    numberField(w, "documented_t", f.documentedT);
    w.field("evidence", toString(f.evidence));
    w.field("documents", f.documents);
    w.field("payment", toString(f.payment));
    numberField(w, "price_per_t", f.pricePerT);
    w.field("typology", f.typology);
    w.field("notes", f.notes);
    if (f.claimedT != 0) numberField(w, "claimed_t", f.claimedT);  // claims (issue #20), only when set
    w.endObject();
}

void write(JsonStreamWriter& w, const Checklist& c) {
    w.beginObject();
    w.field("scope", c.scope);
    // Only when not the default, so older files round-trip unchanged (issue #18).
    if (!c.templateId.empty() && c.templateId != kDefaultChecklistTemplate) w.field("template", c.templateId);
    w.key("items");
    w.beginArray();
    for (const ChecklistItem& item : c.items) {
        w.beginObject();
        w.field("id", item.id);
        w.field("status", toString(item.status));
        w.field("evidence", item.evidence);
        if (!item.documents.empty()) w.field("documents", item.documents);  // optional extension
        w.field("owner", item.owner);
        w.field("due", item.due);
        if (!item.source.empty()) w.field("source", item.source);  // optional (issue #18)
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

void write(JsonStreamWriter& w, const Goal& g) {
    w.beginObject();
    w.field("actor", g.actor);
    w.field("buyer", g.buyer);
    w.key("thresholds_t");
    w.beginArray();
    for (double t : g.thresholdsT) number(w, t);
    w.endArray();
    if (!g.notes.empty()) w.field("notes", g.notes);  // optional extension
    w.endObject();
}

void write(JsonStreamWriter& w, const Support& s) {
    w.beginObject();
    w.field("actor", s.actor);
    w.field("type", s.type);
    w.field("threshold", s.threshold);
    w.field("region", s.region);
    w.field("count", s.count);
    w.field("beneficiaries", s.beneficiaries);
    numberField(w, "cost", s.cost);
    if (!s.notes.empty()) w.field("notes", s.notes);  // optional extension
    w.endObject();
}

// Every key is written (a finding is a record an auditor reads whole); the
// empty rule/item/subject too, so the shape does not depend on the source.
void write(JsonStreamWriter& w, const Finding& f) {
    w.beginObject();
    w.field("id", f.id);
    w.field("source", toString(f.source));
    w.field("rule", f.rule);
    w.field("item", f.item);
    w.field("subject", f.subject);
    w.field("severity", f.severity);
    w.field("owner", f.owner);
    w.field("response", toString(f.response));
    w.field("action", f.action);
    w.field("due", f.due);
    w.field("status", toString(f.status));
    w.field("evidence", f.evidence);
    w.field("closed_on", f.closedOn);
    if (!f.notes.empty()) w.field("notes", f.notes);
    w.endObject();
}

template <typename T>
void listField(JsonStreamWriter& w, const char* name, const std::vector<T>& values) {
    w.key(name);
    w.beginArray();
    for (const T& v : values) write(w, v);
    w.endArray();
}

// A catalogue entry as the catalogue file holds it (keys in the file's order).
void value(JsonStreamWriter& w, const nlohmann::ordered_json& v) {
    switch (v.type()) {
        case nlohmann::ordered_json::value_t::object:
            w.beginObject();
            for (const auto& [k, x] : v.items()) {
                w.key(k);
                value(w, x);
            }
            w.endObject();
            break;
        case nlohmann::ordered_json::value_t::array:
            w.beginArray();
            for (const auto& x : v) value(w, x);
            w.endArray();
            break;
        case nlohmann::ordered_json::value_t::string: w.string(v.get_ref<const std::string&>()); break;
        case nlohmann::ordered_json::value_t::boolean: w.boolean(v.get<bool>()); break;
        case nlohmann::ordered_json::value_t::number_integer: w.integer(v.get<std::int64_t>()); break;
        case nlohmann::ordered_json::value_t::number_unsigned: w.integer(static_cast<std::int64_t>(v.get<std::uint64_t>())); break;
        case nlohmann::ordered_json::value_t::number_float: w.number(v.get<double>()); break;
        default: w.null(); break;
    }
}

// "catalogue": the project's entries and claim profiles that differ from the
// installed ones (nothing, and no key, for a project that changed none).
void writeOwnCatalogue(JsonStreamWriter& w, const Catalogue& catalogue) {
    nlohmann::ordered_json entries = nlohmann::ordered_json::object();
    std::vector<ClaimProfileEntry> own;
    try {
        const Catalogue& installed = Catalogue::installed();
        entries = ownEntries(catalogue, installed);
        if (catalogue.texts().count("claim_profiles")) own = ownClaimProfiles(catalogue, installed);
    } catch (const Error&) {  // no installed catalogue to compare with: write the profiles
        if (catalogue.texts().count("claim_profiles")) own = claimProfiles(catalogue);
    }
    if (own.empty() && entries.empty()) return;
    w.key("catalogue");
    w.beginObject();
    for (const auto& [list, items] : entries.items()) {
        w.key(list);
        value(w, items);
    }
    if (own.empty()) return w.endObject();
    w.key("claim_profiles");
    w.beginArray();
    for (const ClaimProfileEntry& p : own) {
        w.beginObject();
        w.field("id", p.id);
        w.key("name");
        w.beginObject();
        w.field("en", p.name.en);
        if (!p.name.es.empty()) w.field("es", p.name.es);
        w.endObject();
        if (!p.description.en.empty()) {
            w.key("description");
            w.beginObject();
            w.field("en", p.description.en);
            if (!p.description.es.empty()) w.field("es", p.description.es);
            w.endObject();
        }
        w.field("period_months", p.periodMonths);
        w.field("carry_over_periods", p.carryOverPeriods);
        w.key("eligibility");
        w.beginObject();
        w.field("min_evidence", toString(p.minEvidence));
        numberField(w, "min_checklist_progress", p.minChecklistProgress);
        w.field("blocking_severity", p.blockingSeverity);
        w.field("typologies", p.typologies);
        w.endObject();
        w.endObject();
    }
    w.endArray();
    w.endObject();
}

}  // namespace

void writeProjectJson(const Project& p, const JsonSink& sink) {
    // Replace: a string that is not UTF-8 (typed in elsewhere) must not abort an export.
    JsonStreamWriter w(sink, JsonStreamWriter::InvalidUtf8::Replace);
    w.beginObject();
    w.field("format", kChainJsonFormat);
    w.field("version", kChainJsonVersion);
    w.key("assessment");
    write(w, p.assessment);
    listField(w, "actors", p.actors);
    listField(w, "flows", p.flows);
    writeRecordsJson(w, p);  // issue #19, only when some flow has records
    listField(w, "checklists", p.checklists);
    listField(w, "goals", p.goals);
    listField(w, "supports", p.supports);
    // Issue 16: the findings register, only when there is one (older files stay byte-identical).
    if (!p.findings.empty()) listField(w, "findings", p.findings);
    writeOwnCatalogue(w, p.catalogue);
    w.endObject();
    w.raw("\n");
    w.finish();
}

std::string projectToJson(const Project& p) {
    std::string out;
    writeProjectJson(p, [&out](std::string_view bytes) { out.append(bytes); });
    return out;
}

}  // namespace traza::model
