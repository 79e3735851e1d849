#include "validation.h"

#include "own_entries.h"
#include "start_task.h"

#include <cmath>
#include <cstdint>
#include <future>
#include <sstream>
#include <string_view>
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "claim_profiles.h"
#include "error.h"
#include "findings/finding_validation.h"
#include "records/record_summary.h"
#include "records/record_validation.h"

namespace traza::model {
namespace {

// From this many flows their checks get a thread of their own (a GUI edit of
// a small project validates it whole and needs none).
constexpr std::size_t kFlowsWorthAThread = 5000;

std::string fmt(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// Field names are views of literals: a national chain validates 150 000
// records, and a std::string per field name and record was a third of it.
class Collector {
public:
    explicit Collector(std::vector<ValidationIssue>& out, std::string base) : m_out(out), m_base(std::move(base)) {}
    void add(std::string_view field, std::string reason) {
        m_out.push_back({m_base.empty() ? std::string(field) : m_base + "." + std::string(field), std::move(reason)});
    }
    void finiteAtLeast(std::string_view field, double v, double min, double max) {
        if (!std::isfinite(v)) add(field, "must be a finite number");
        else if (v < min) add(field, "must be at least " + fmt(min) + " (got " + fmt(v) + ")");
        else atMost(field, v, max);
    }
    void atMost(std::string_view field, double v, double max) {
        if (v > max) add(field, "must be at most " + fmt(max) + " (got " + fmt(v) + ")");
    }
    void date(std::string_view field, const std::string& v) {
        if (!v.empty() && !isCalendarDate(v)) add(field, "must be a date YYYY-MM-DD that exists (got \"" + v + "\")");
    }

private:
    std::vector<ValidationIssue>& m_out;
    std::string m_base;
};

// The ids of a list of actors or flows, each one stored in the set as its
// position in the list and 32 bits of its hash: open addressing in one flat
// array of 8-byte slots, sized once for the whole list. (A node-based
// std::unordered_set spent most of its time allocating 150 000 nodes on a
// national chain; slots holding a string_view took 6 MB per list, whose fresh
// pages the kernel zeroed for a third of the validation's time.)
template <typename Item>
class IdSet {
public:
    explicit IdSet(const std::vector<Item>& items) : m_items(items) {
        std::size_t capacity = 16;
        while (capacity < 2 * items.size()) capacity *= 2;
        m_slots.resize(capacity);
    }
    /// Adds items[index].id (each index at most once); false when that id was already in the set.
    bool insert(std::size_t index) {
        const std::string_view id = m_items[index].id;
        const std::size_t hash = hashOf(id);
        Slot& slot = m_slots[find(id, hash)];
        if (slot.index != 0) return false;
        slot = {tagOf(hash), static_cast<std::uint32_t>(index + 1)};
        return true;
    }
    bool contains(std::string_view id) const { return m_slots[find(id, hashOf(id))].index != 0; }

private:
    struct Slot {
        std::uint32_t tag = 0;    ///< the high bits of the id's hash: most other ids differ in them
        std::uint32_t index = 0;  ///< position in the list + 1; 0 = empty
    };
    static std::size_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }
    static std::uint32_t tagOf(std::size_t hash) { return static_cast<std::uint32_t>(hash >> 32); }
    // The slot holding `id`, or the empty slot where it would go (the table is
    // at most half full, so there always is one).
    std::size_t find(std::string_view id, std::size_t hash) const {
        const std::size_t mask = m_slots.size() - 1;
        const std::uint32_t tag = tagOf(hash);
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const Slot& s = m_slots[i];
            if (s.index == 0 || (s.tag == tag && m_items[s.index - 1].id == id)) return i;
        }
    }
    const std::vector<Item>& m_items;
    std::vector<Slot> m_slots;
};

// Claims (issue #20): profiles named by actors exist, their typologies are
// known, and a claim sits on a flow whose sender keeps a claim account.
void validateClaims(const Project& p, std::vector<ValidationIssue>& out) {
    const bool anyClaim = std::any_of(p.flows.begin(), p.flows.end(), [](const Flow& f) { return f.claimedT > 0; });
    const bool anyProfile = std::any_of(p.actors.begin(), p.actors.end(), [](const Actor& a) { return !a.claimProfile.empty(); });
    const bool own = p.catalogue.texts().count("claim_profiles") > 0;
    if (!anyClaim && !anyProfile && !own) return;
    std::vector<ClaimProfileEntry> profiles;
    try {
        profiles = claimProfiles(p.catalogue);
    } catch (const InvalidInput& e) {
        out.push_back({"catalogue." + e.where(), e.reason()});
        return;
    }
    if (!p.catalogue.actorKinds.empty())
        for (std::size_t i = 0; i < profiles.size(); ++i)
            for (std::size_t j = 0; j < profiles[i].typologies.size(); ++j)
                if (!p.catalogue.typology(profiles[i].typologies[j]))
                    out.push_back({"catalogue.claim_profiles[" + std::to_string(i) + "].eligibility.typologies[" + std::to_string(j) + "]",
                                   "unknown typology \"" + profiles[i].typologies[j] + "\""});
    // The index is needed only to check claims on flows: a project's own
    // catalogue always carries claim_profiles, so this runs on every open.
    std::unordered_map<std::string_view, const Actor*> byId;
    if (anyClaim) byId.reserve(p.actors.size());
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
        const Actor& a = p.actors[i];
        if (anyClaim) byId.emplace(a.id, &a);
        if (!a.claimProfile.empty() && !findClaimProfile(profiles, a.claimProfile)) {
            std::string known;
            for (const ClaimProfileEntry& e : profiles) known += (known.empty() ? "" : ", ") + e.id;
            out.push_back({"actors[" + std::to_string(i) + "].claim_profile",
                           "unknown claim profile \"" + a.claimProfile + "\" (known: " + known + ")"});
        }
    }
    for (std::size_t i = 0; i < p.flows.size(); ++i) {
        const Flow& f = p.flows[i];
        if (!(f.claimedT > 0)) continue;
        auto it = byId.find(f.from);
        if (it != byId.end() && !it->second->keepsClaimAccount())
            out.push_back({"flows[" + std::to_string(i) + "].claimed_t",
                           "claims on a flow from \"" + f.from + "\", which makes no claims (set makes_claims on the actor)"});
    }
}

}  // namespace

bool isCalendarDate(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
        return v;
    };
    const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

std::string allowedValues(const std::vector<std::string_view>& names) {
    std::string s = "one of: ";
    for (std::size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + std::string(names[i]);
    return s;
}

std::vector<ValidationIssue> validateActor(const Actor& a, const std::string& path, const Catalogue* cat) {
    std::vector<ValidationIssue> out;
    Collector c(out, path);
    if (a.id.empty()) c.add("id", "must not be empty");
    if (a.stage < kMinStage || a.stage > kMaxStage)
        c.add("stage", "must be between " + std::to_string(kMinStage) + " and " + std::to_string(kMaxStage) +
                           (a.kind == ActorKind::Other ? " (required for kind \"other\")" : ""));
    if (a.headcount < 0) c.add("headcount", "must not be negative");
    c.finiteAtLeast("capacity_t", a.capacityT, 0, kMaxAmount);
    c.finiteAtLeast("loss_t", a.lossT, 0, kMaxAmount);
    c.finiteAtLeast("stock_change_t", a.stockChangeT, -kMaxAmount, kMaxAmount);
    c.finiteAtLeast("stock_change_sd_t", a.stockChangeSdT, 0, kMaxAmount);
    c.finiteAtLeast("loss_sd_t", a.lossSdT, 0, kMaxAmount);
    c.date("suspended_from", a.suspendedFrom);
    if (a.claimYield != 0 && !(a.claimYield > 0 && a.claimYield <= 1))
        c.add("claim_yield", "must be more than 0 and at most 1 (got " + fmt(a.claimYield) + ")");
    if (cat)
        for (std::size_t i = 0; i < a.riskFactors.size(); ++i)
            if (!cat->riskFactor(a.riskFactors[i]))
                c.add("risk_factors[" + std::to_string(i) + "]", "unknown risk factor \"" + a.riskFactors[i] + "\"" +
                                                                   unknownIdHint(*cat, "risk_factors", a.riskFactors[i]));
    return out;
}

std::vector<ValidationIssue> validateFlow(const Flow& f, const std::string& path, const Catalogue* cat) {
    std::vector<ValidationIssue> out;
    Collector c(out, path);
    if (f.id.empty()) c.add("id", "must not be empty");
    if (f.from.empty()) c.add("from", "must name an actor");
    if (f.to.empty()) c.add("to", "must name an actor");
    if (!f.from.empty() && f.from == f.to) c.add("to", "a flow cannot go from an actor to itself");
    // An unknown amount (chain JSON "tonnes": null) is computed by reconciliation;
    // nothing can be documented or uncertain about it until then.
    if (f.tonnesUnknown) {
        if (f.tonnes != 0) c.add("tonnes", "must be 0 when the amount is unknown");
        if (f.sdT != 0) c.add("sd_t", "must be 0 when the amount is unknown (null tonnes)");
        if (f.documentedT != 0) c.add("documented_t", "must be 0 when the amount is unknown (null tonnes)");
    } else if (!std::isfinite(f.tonnes) || f.tonnes <= 0)
        c.add("tonnes", "must be a finite number greater than 0 (got " + fmt(f.tonnes) + ")");
    else c.atMost("tonnes", f.tonnes, kMaxAmount);
    // A flow with records takes its tonnes, documented tonnes and evidence from them
    // (issue #19): an edit of the flow that says otherwise is refused, not half-applied.
    if (!f.records.empty()) {
        const RecordTotals t = recordTotals(f);
        if (f.tonnesUnknown || !sameTonnes(f.tonnes, t.tonnes))
            c.add("tonnes", "must equal the sum of the flow's records (" + fmt(t.tonnes) + " t in " +
                                std::to_string(f.records.size()) + " records; got " + (f.tonnesUnknown ? std::string("null") : fmt(f.tonnes)) + ")");
        else if (!sameTonnes(f.documentedT, t.documentedT))
            c.add("documented_t", "must equal the tonnes of the flow's records that have a document (" + fmt(t.documentedT) +
                                      "); edit the records");
        else if (f.evidence != t.evidence)
            c.add("evidence", "must be \"" + std::string(toString(t.evidence)) +
                                  "\", the lowest evidence of the flow's documented records; edit the records");
    }
    c.finiteAtLeast("sd_t", f.sdT, 0, kMaxAmount);
    if (!std::isfinite(f.documentedT) || f.documentedT < 0) c.add("documented_t", "must be a finite number, at least 0");
    else if (!f.tonnesUnknown && std::isfinite(f.tonnes) && f.documentedT > f.tonnes)
        c.add("documented_t", "must not exceed tonnes (" + fmt(f.documentedT) + " > " + fmt(f.tonnes) + ")");
    c.finiteAtLeast("price_per_t", f.pricePerT, 0, kMaxAmount);
    if (!std::isfinite(f.claimedT) || f.claimedT < 0) c.add("claimed_t", "must be a finite number, at least 0");
    else if (f.claimedT > 0 && f.tonnesUnknown) c.add("claimed_t", "must be 0 when the amount is unknown (null tonnes)");
    else if (!f.tonnesUnknown && std::isfinite(f.tonnes) && f.claimedT > f.tonnes)
        c.add("claimed_t", "must not exceed tonnes (" + fmt(f.claimedT) + " > " + fmt(f.tonnes) + ")");
    c.date("period.start", f.periodStart);
    c.date("period.end", f.periodEnd);
    if (!f.typology.empty()) {
        bool known = cat ? cat->typology(f.typology) != nullptr
                         : (f.typology.size() == 6 && f.typology.rfind("rrrm-", 0) == 0 && f.typology[5] >= '1' && f.typology[5] <= '4');
        if (!known)
            c.add("typology", "unknown typology \"" + f.typology + "\"" +
                                  (cat ? unknownIdHint(*cat, "typologies", f.typology) : std::string(" (rrrm-1 ... rrrm-4)")));
    }
    if (cat)
        for (std::size_t i = 0; i < f.documents.size(); ++i)
            if (!cat->documentType(f.documents[i]))
                c.add("documents[" + std::to_string(i) + "]", "unknown document type \"" + f.documents[i] + "\"" +
                                                                  unknownIdHint(*cat, "document_types", f.documents[i]));
    return out;
}

std::vector<ValidationIssue> validateProject(const Project& p) {
    std::vector<ValidationIssue> out;
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    Collector top(out, "");
    top.date("assessment.period.start", p.assessment.period.start);
    top.date("assessment.assessed_on", p.assessment.assessedOn);
    top.date("assessment.reviewed_on", p.assessment.reviewedOn);
    top.date("assessment.period.end", p.assessment.period.end);

    // Ids are looked up as views into the project (a national chain has 66 000
    // actors and 85 000 flows), and an item's path is spelled out only for an issue.
    const auto prefixed = [&out](std::vector<ValidationIssue>&& issues, const char* list, std::size_t i) {
        for (ValidationIssue& issue : issues)
            out.push_back({std::string(list) + "[" + std::to_string(i) + "]." + issue.path, std::move(issue.reason)});
    };
    // On a second thread: the flows' own fields and unique ids, the ends of
    // the second half of the flows (against an actor id set of its own, which
    // is cheap to build) and the claims; on this one the actors, then the ends
    // of the first half (this was a fifth of opening a national chain, all on
    // one core). Each issue of a flow notes the flow, and they are put in the
    // order of one pass over the flows: a flow's field issues, its duplicate
    // id, then its ends; the claims' issues follow, as before.
    struct FlowIssues {
        std::vector<ValidationIssue> issues;
        std::vector<std::size_t> flow;  ///< the flow of each issue
        void add(std::size_t i, ValidationIssue issue) {
            issues.push_back(std::move(issue));
            flow.push_back(i);
        }
    };
    const auto flowPath = [](std::size_t i) { return "flows[" + std::to_string(i) + "]"; };
    const auto checkEnds = [&p, &flowPath](const IdSet<Actor>& actorIds, std::size_t begin, std::size_t end, FlowIssues& found) {
        for (std::size_t i = begin; i < end; ++i) {
            const Flow& f = p.flows[i];
            if (!f.from.empty() && !actorIds.contains(f.from)) found.add(i, {flowPath(i) + ".from", "no actor has id \"" + f.from + "\""});
            if (!f.to.empty() && !actorIds.contains(f.to)) found.add(i, {flowPath(i) + ".to", "no actor has id \"" + f.to + "\""});
        }
    };
    const std::size_t half = p.flows.size() / 2;
    struct HelperIssues {
        FlowIssues fields;  ///< field checks and duplicate ids, every flow
        FlowIssues ends;    ///< ends of flows [half, n)
        std::vector<ValidationIssue> claims;
    };
    auto helperWork = [&p, cat, &flowPath, &checkEnds, half] {
        HelperIssues found;
        IdSet<Flow> flowIds(p.flows);
        for (std::size_t i = 0; i < p.flows.size(); ++i) {
            const Flow& f = p.flows[i];
            for (ValidationIssue& issue : validateFlow(f, "", cat))
                found.fields.add(i, {flowPath(i) + "." + issue.path, std::move(issue.reason)});
            if (!flowIds.insert(i)) found.fields.add(i, {flowPath(i) + ".id", "duplicate id \"" + f.id + "\""});
        }
        IdSet<Actor> actorIds(p.actors);
        for (std::size_t i = 0; i < p.actors.size(); ++i) actorIds.insert(i);
        checkEnds(actorIds, half, p.flows.size(), found.ends);
        validateClaims(p, found.claims);
        return found;
    };
    std::future<HelperIssues> helper = startTask(p.flows.size() >= kFlowsWorthAThread, helperWork);

    IdSet<Actor> actorIds(p.actors);
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
        prefixed(validateActor(p.actors[i], "", cat), "actors", i);
        if (!actorIds.insert(i))
            out.push_back({"actors[" + std::to_string(i) + "].id", "duplicate id \"" + p.actors[i].id + "\""});
    }
    FlowIssues ends;
    checkEnds(actorIds, 0, half, ends);
    HelperIssues other = helper.get();
    for (std::size_t i = 0; i < other.ends.issues.size(); ++i) ends.add(other.ends.flow[i], std::move(other.ends.issues[i]));
    const FlowIssues& own = other.fields;
    for (std::size_t a = 0, b = 0; a < own.issues.size() || b < ends.issues.size();) {
        const bool ownFirst = b == ends.issues.size() || (a < own.issues.size() && own.flow[a] <= ends.flow[b]);
        out.push_back(std::move(ownFirst ? other.fields.issues[a++] : ends.issues[b++]));
    }
    for (ValidationIssue& issue : other.claims) out.push_back(std::move(issue));
    validateRecords(p, out);
    std::unordered_set<std::string> scopes;
    for (std::size_t i = 0; i < p.checklists.size(); ++i) {
        const Checklist& c = p.checklists[i];
        const std::string path = "checklists[" + std::to_string(i) + "]";
        if (!c.isAssessment() && !actorIds.contains(c.scope))
            out.push_back({path + ".scope", "must be \"assessment\" or an actor id (got \"" + c.scope + "\")"});
        if (!scopes.insert(c.scope).second) out.push_back({path + ".scope", "duplicate checklist for \"" + c.scope + "\""});
        // Items are checked against the checklist's own template (issue #18).
        const ChecklistTemplate* tmpl = cat ? cat->checklistTemplate(c.templateId) : nullptr;
        if (cat && !tmpl)
            out.push_back({path + ".template", "unknown checklist template \"" + c.templateId + "\"" +
                                                   unknownIdHint(*cat, "checklist_templates", c.templateId)});
        std::unordered_set<std::string> itemIds;
        for (std::size_t j = 0; j < c.items.size(); ++j) {
            const ChecklistItem& item = c.items[j];
            const std::string ipath = path + ".items[" + std::to_string(j) + "]";
            if (tmpl && !tmpl->item(item.id)) {
                std::vector<std::string> templateItemIds;
                for (const ChecklistItemTemplate& t : tmpl->items) templateItemIds.push_back(t.id);
                out.push_back({ipath + ".id", "not an item of the checklist template \"" + tmpl->id + "\" (\"" + item.id + "\")" +
                                                  idHint(templateItemIds, item.id)});
            }
            if (!itemIds.insert(item.id).second) out.push_back({ipath + ".id", "duplicate item \"" + item.id + "\""});
            Collector(out, ipath).date("due", item.due);
        }
    }
    for (std::size_t i = 0; i < p.goals.size(); ++i) {
        const Goal& g = p.goals[i];
        Collector c(out, "goals[" + std::to_string(i) + "]");
        if (!actorIds.contains(g.actor)) c.add("actor", "no actor has id \"" + g.actor + "\"");
        if (!g.buyer.empty() && !actorIds.contains(g.buyer)) c.add("buyer", "no actor has id \"" + g.buyer + "\"");
        if (g.thresholdsT.empty()) c.add("thresholds_t", "needs at least one threshold");
        for (std::size_t j = 0; j < g.thresholdsT.size(); ++j) {
            double t = g.thresholdsT[j];
            if (!std::isfinite(t) || t <= 0) c.add("thresholds_t[" + std::to_string(j) + "]", "must be greater than 0");
            else if (j > 0 && t < g.thresholdsT[j - 1]) c.add("thresholds_t[" + std::to_string(j) + "]", "thresholds must not decrease");
        }
    }
    for (std::size_t i = 0; i < p.supports.size(); ++i) {
        const Support& s = p.supports[i];
        Collector c(out, "supports[" + std::to_string(i) + "]");
        if (!s.actor.empty() && !actorIds.contains(s.actor)) c.add("actor", "no actor has id \"" + s.actor + "\"");
        if (s.count < 0) c.add("count", "must not be negative");
        if (s.beneficiaries < 0) c.add("beneficiaries", "must not be negative");
        if (s.threshold < 0) c.add("threshold", "must not be negative");
        c.finiteAtLeast("cost", s.cost, 0, kMaxAmount);
    }
    for (ValidationIssue& issue : validateFindings(p)) out.push_back(std::move(issue));
    return out;
}

void throwIfInvalid(const std::vector<ValidationIssue>& issues) {
    if (!issues.empty()) throw InvalidInput(issues.front().path, issues.front().reason);
}

}  // namespace traza::model
