#include "claim_profiles.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "error.h"
#include "json_reader.h"

namespace traza::model {
namespace {

using nlohmann::json;
constexpr const char* kStem = "claim_profiles";

LocalText readLocal(const JsonObjectReader& r, const char* key) {
    const json* v = r.find(key);
    if (!v) return {};
    if (v->is_string()) return {v->get<std::string>(), {}};
    JsonObjectReader o(*v, r.pathOf(key), {"en", "es"});
    return {o.text("en"), o.text("es")};
}

json localJson(const LocalText& t) {
    json o = json::object();
    o["en"] = t.en;
    if (!t.es.empty()) o["es"] = t.es;
    return o;
}

const std::vector<ClaimProfileEntry>& builtIn() {
    static const std::vector<ClaimProfileEntry> profiles = [] {
        ClaimProfileEntry asi;
        asi.id = "asi";
        asi.name = {"ASI-like mass balance (12-month periods)", "Balance de masa tipo ASI (períodos de 12 meses)"};
        ClaimProfileEntry iscc;
        iscc.id = "iscc";
        iscc.name = {"ISCC-like mass balance (3-month periods)", "Balance de masa tipo ISCC (períodos de 3 meses)"};
        iscc.periodMonths = 3;
        iscc.carryOverPeriods = 4;
        return std::vector<ClaimProfileEntry>{asi, iscc};
    }();
    return profiles;
}

std::vector<ClaimProfileEntry> readFile(const std::string& text) {
    const json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("entries") || !doc["entries"].is_array())
        throw InvalidInput("claim_profiles.json: entries", "missing or not an array");
    std::vector<ClaimProfileEntry> out;
    for (std::size_t i = 0; i < doc["entries"].size(); ++i)
        out.push_back(readClaimProfile(doc["entries"][i], jsonPath("claim_profiles.json: entries", i)));
    return out;
}

}  // namespace

ClaimProfileEntry readClaimProfile(const json& value, const std::string& path) {
    JsonObjectReader r(value, path, {"id", "name", "description", "period_months", "carry_over_periods", "eligibility"});
    ClaimProfileEntry p;
    p.id = r.text("id", true);
    if (p.id.empty()) r.fail("id", "must not be empty");
    p.name = readLocal(r, "name");
    p.description = readLocal(r, "description");
    p.periodMonths = r.integer("period_months", 12);
    if (p.periodMonths < 1 || p.periodMonths > 120) r.fail("period_months", "must be a whole number from 1 to 120");
    p.carryOverPeriods = r.integer("carry_over_periods", 0);
    if (p.carryOverPeriods < 0 || p.carryOverPeriods > 120) r.fail("carry_over_periods", "must be a whole number from 0 to 120");
    if (const json* e = r.find("eligibility")) {
        JsonObjectReader er(*e, r.pathOf("eligibility"), {"min_evidence", "min_checklist_progress", "blocking_severity", "typologies"});
        p.minEvidence = er.enumeration("min_evidence", Evidence::Documented, parseEvidence, evidenceNames());
        p.minChecklistProgress = er.number("min_checklist_progress");
        if (!(p.minChecklistProgress >= 0 && p.minChecklistProgress <= 1))
            er.fail("min_checklist_progress", "must be a number from 0 to 1");
        if (er.has("blocking_severity")) p.blockingSeverity = er.text("blocking_severity");
        static const std::vector<std::string> severities{"", "low", "medium", "high", "critical"};
        if (std::find(severities.begin(), severities.end(), p.blockingSeverity) == severities.end())
            er.fail("blocking_severity", "unknown value \"" + p.blockingSeverity + "\"; one of: low, medium, high, critical, or \"\" (none blocks)");
        p.typologies = er.texts("typologies");
    }
    return p;
}

json claimProfileJson(const ClaimProfileEntry& p) {
    json o = json::object();
    o["id"] = p.id;
    o["name"] = localJson(p.name);
    if (!p.description.en.empty()) o["description"] = localJson(p.description);
    o["period_months"] = p.periodMonths;
    o["carry_over_periods"] = p.carryOverPeriods;
    json e = json::object();
    e["min_evidence"] = std::string(toString(p.minEvidence));
    e["min_checklist_progress"] = p.minChecklistProgress;
    e["blocking_severity"] = p.blockingSeverity;
    e["typologies"] = p.typologies;
    o["eligibility"] = e;
    return o;
}

std::vector<ClaimProfileEntry> claimProfiles(const Catalogue& catalogue) {
    auto it = catalogue.texts().find(kStem);
    if (it == catalogue.texts().end()) return builtIn();
    return readFile(it->second);
}

const ClaimProfileEntry* findClaimProfile(const std::vector<ClaimProfileEntry>& profiles, const std::string& id) {
    for (const ClaimProfileEntry& p : profiles)
        if (p.id == id) return &p;
    return nullptr;
}

Catalogue withClaimProfiles(const Catalogue& catalogue, const std::vector<ClaimProfileEntry>& own) {
    std::vector<ClaimProfileEntry> all = claimProfiles(catalogue);
    for (const ClaimProfileEntry& p : own) {
        auto it = std::find_if(all.begin(), all.end(), [&](const ClaimProfileEntry& q) { return q.id == p.id; });
        if (it != all.end()) *it = p;
        else all.push_back(p);
    }
    json doc = json::object();
    doc["catalogue"] = kStem;
    doc["version"] = 1;
    doc["entries"] = json::array();
    for (const ClaimProfileEntry& p : all) doc["entries"].push_back(claimProfileJson(p));
    std::map<std::string, std::string> texts = catalogue.texts();
    texts[kStem] = doc.dump(2) + "\n";
    return Catalogue::fromTexts(std::move(texts));
}

std::vector<ClaimProfileEntry> ownClaimProfiles(const Catalogue& project, const Catalogue& installed) {
    auto mine = project.texts().find(kStem);
    auto theirs = installed.texts().find(kStem);
    if (mine == project.texts().end()) return {};
    if (theirs != installed.texts().end() && mine->second == theirs->second) return {};
    const std::vector<ClaimProfileEntry> base = claimProfiles(installed);
    std::vector<ClaimProfileEntry> out;
    for (const ClaimProfileEntry& p : claimProfiles(project)) {
        const ClaimProfileEntry* same = findClaimProfile(base, p.id);
        if (!same || !(*same == p)) out.push_back(p);
    }
    return out;
}

}  // namespace traza::model
