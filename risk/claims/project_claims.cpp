#include "project_claims.h"

#include <algorithm>
#include <unordered_map>

#include "analysis.h"
#include "claim_profiles.h"
#include "eligibility.h"
#include "error.h"
#include "supplier_checklists.h"

namespace traza::risk {
namespace {

// The first day of the month of a YYYY-MM-DD date.
std::string monthStart(const std::string& date) { return date.substr(0, 8) + "01"; }

}  // namespace

bool projectHasClaims(const model::Project& p) {
    return std::any_of(p.flows.begin(), p.flows.end(), [](const model::Flow& f) { return f.claimedT > 0; }) ||
           std::any_of(p.actors.begin(), p.actors.end(), [](const model::Actor& a) { return a.makesClaims.value_or(false); });
}

ProjectClaims computeProjectClaims(const model::Project& p, const std::vector<RedFlag>& redFlags,
                                   const SupplierChecklists& checklists, const std::string& language) {
    ProjectClaims out;
    const std::vector<model::ClaimProfileEntry> profiles = model::claimProfiles(p.catalogue);
    std::unordered_map<std::string, std::size_t> accountOf;
    for (const model::Actor& a : p.actors) {
        if (!a.keepsClaimAccount()) continue;
        const std::string id = a.claimProfile.empty() ? model::kDefaultClaimProfile : a.claimProfile;
        const model::ClaimProfileEntry* profile = model::findClaimProfile(profiles, id);
        if (!profile) throw InvalidInput("actors: " + a.id + ".claim_profile", "unknown claim profile \"" + id + "\"");
        ActorClaimAccount account;
        account.actor = a.id;
        account.profile = profile->id;
        account.yield = a.claimYield != 0 ? a.claimYield : 1.0;
        account.periodMonths = profile->periodMonths;
        account.carryOverPeriods = profile->carryOverPeriods;
        accountOf.emplace(a.id, out.accounts.size());
        out.accounts.push_back(std::move(account));
    }
    if (out.accounts.empty()) return out;

    // A flow's date, or a message naming where one is missing.
    std::vector<std::string> flowDate(p.flows.size());
    std::string earliest;
    auto dateOf = [&](std::size_t i) -> const std::string& {
        if (flowDate[i].empty()) {
            const model::Flow& f = p.flows[i];
            flowDate[i] = !f.periodEnd.empty() ? f.periodEnd : p.assessment.period.end;
            if (flowDate[i].empty())
                throw InvalidInput("flows[" + std::to_string(i) + "].period.end",
                                   "flow " + f.id + " enters or leaves an actor that makes claims and has no date: give "
                                   "the flow or the assessment a period");
            if (earliest.empty() || flowDate[i] < earliest) earliest = flowDate[i];
        }
        return flowDate[i];
    };

    std::vector<EligibilityRule> rules;
    for (const ActorClaimAccount& account : out.accounts) {
        const model::ClaimProfileEntry& profile = *model::findClaimProfile(profiles, account.profile);
        rules.push_back({profile.minEvidence, profile.minChecklistProgress, profile.blockingSeverity, profile.typologies});
    }
    for (std::size_t i = 0; i < p.flows.size(); ++i) {
        const model::Flow& f = p.flows[i];
        if (f.tonnesUnknown) continue;  // no amount to book (reconciliation may give one)
        if (auto to = accountOf.find(f.to); to != accountOf.end()) {
            const Eligibility e = explainEligibility(f, rules[to->second], checklists, redFlags, language);
            out.accounts[to->second].inputs.push_back({f.id, f.from, dateOf(i), f.tonnes, e.eligibleT, e.eligible, e.reasons});
        }
        if (auto from = accountOf.find(f.from); from != accountOf.end())
            out.accounts[from->second].outputs.push_back({f.id, f.to, dateOf(i), f.tonnes, f.claimedT});
    }

    const std::string firstStart = p.assessment.period.start.empty()
                                       ? (earliest.empty() ? std::string() : earliest.substr(0, 4) + "-01-01")
                                       : monthStart(p.assessment.period.start);
    std::unordered_map<std::string, std::size_t> flowIndex;
    for (std::size_t i = 0; i < p.flows.size(); ++i) flowIndex.emplace(p.flows[i].id, i);
    for (ActorClaimAccount& account : out.accounts) {
        if (account.inputs.empty() && account.outputs.empty()) continue;
        ClaimAccountInput in;
        in.actor = account.actor;
        in.yield = account.yield;
        in.profile = {account.profile, account.periodMonths, account.carryOverPeriods};
        in.firstPeriodStart = firstStart;
        for (const ClaimInput& c : account.inputs) {
            if (c.eligibleT > 0) in.inputs.push_back({c.flow, c.date, c.eligibleT, true, 0});
            if (c.tonnes > c.eligibleT) in.inputs.push_back({c.flow, c.date, c.tonnes - c.eligibleT, false, 0});
        }
        // Every outgoing flow is booked, claimed or not, so a period knows all its output.
        for (const ClaimOutput& c : account.outputs) in.claims.push_back({c.flow, c.date, c.claimedT, false, c.tonnes});
        try {
            account.periods = computeClaimAccount(in).periods;
        } catch (const InvalidInput& e) {
            // "claims: <flow>" / "inputs: <flow>" -> the flow's place in the project.
            const std::size_t colon = e.where().find(": ");
            if (colon == std::string::npos) throw;
            const std::string flow = e.where().substr(colon + 2);
            const auto it = flowIndex.find(flow);
            if (it == flowIndex.end()) throw;
            // A date before the first period is the flow's date; anything else on a claim is its tonnes.
            const bool claim = e.where().rfind("claims", 0) == 0 && e.reason().find("before the first period") == std::string::npos;
            throw InvalidInput("flows[" + std::to_string(it->second) + "]." + (claim ? "claimed_t" : "period.end"),
                               "flow " + flow + " (" + account.actor + "'s claim account): " + e.reason());
        }
    }
    return out;
}

}  // namespace traza::risk
