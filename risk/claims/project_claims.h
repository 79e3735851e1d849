#pragma once
// The claim accounts of a project (issue #20): one per actor that keeps a
// claim account (model::Actor::keepsClaimAccount), kept by the engine of
// claim_account.h under the actor's claim profile (model/claim_profiles.h).
//
// - Input: every incoming flow; its documented tonnes are eligible when the
//   profile's eligibility rule holds (eligibility.h), the rest is not eligible.
// - Output: every outgoing flow, with the tonnes claimed on it (claimed_t).
// - Dates: a flow is booked on the last day of its period, else of the
//   assessment's; periods start on the first day of the assessment period's
//   month, else on 1 January of the earliest flow's year.
// Throws InvalidInput naming the flow (flows[i].claimed_t, with its id) and the
// period for an over-allocation, and naming flows[i].period for a flow without
// a date.
#include <string>
#include <vector>

#include "claim_account.h"
#include "json_stream_writer.h"
#include "project.h"

namespace traza::risk {

struct RedFlag;
class SupplierChecklists;

struct ClaimInput {
    std::string flow, from;
    std::string date;
    double tonnes = 0;
    double eligibleT = 0;  ///< documented tonnes when the rule holds, else 0
    bool eligible = false;
    std::vector<std::string> reasons;  ///< every condition of the rule, ✓ or ✗
};

struct ClaimOutput {
    std::string flow, to;
    std::string date;
    double tonnes = 0;
    double claimedT = 0;
};

struct ActorClaimAccount {
    std::string actor;
    std::string profile;
    double yield = 1;
    int periodMonths = 12;
    int carryOverPeriods = 0;
    std::vector<ClaimPeriod> periods;
    std::vector<ClaimInput> inputs;    ///< incoming flows, in project order
    std::vector<ClaimOutput> outputs;  ///< outgoing flows, in project order
};

struct ProjectClaims {
    std::vector<ActorClaimAccount> accounts;  ///< claiming actors, in project order
};

/// True when some flow carries a claim or some actor is marked as making claims:
/// only then does an analysis carry a claims section.
bool projectHasClaims(const model::Project&);

ProjectClaims computeProjectClaims(const model::Project&, const std::vector<RedFlag>&, const SupplierChecklists&,
                                   const std::string& language = "en");

/// The claims object of the analysis JSON: {"accounts": [...]} (claims_json.cpp).
void writeClaimsJson(model::JsonStreamWriter&, const ProjectClaims&);

}  // namespace traza::risk
