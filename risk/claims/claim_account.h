#pragma once
// A claim account of one actor that makes chain-of-custody claims (credit
// method of mass balance, ISO 22095; period and carry-over from a scheme
// profile): per accounting period, eligible and non-eligible input, the
// credits they give (eligible tonnes × the actor's yield), claims made on
// outgoing flows, the balance carried over and the credits that expired.
//
// Rules (docs/methodology.md, "Claim accounts"):
// - periods are consecutive blocks of `periodMonths` months from `firstPeriodStart`;
//   an entry belongs to the period that contains its date;
// - credits of period p may be used in periods p … p + carryOverPeriods, oldest first;
//   what is left after that expires (carryOverPeriods = 0: the ASI-like annual
//   reconciliation, nothing carried);
// - entries are booked in date order, inputs before claims on the same day; a
//   claim larger than the credits available at that moment is refused
//   (over-allocation: the balance may never go negative), naming the flow and
//   the period.
// Pure: the caller gathers the entries (project_claims.h does it for a project,
// booking every outgoing flow as a claim, of 0 t when nothing is claimed on it).
#include <string>
#include <vector>

namespace traza::risk {

struct ClaimProfile {
    std::string id = "asi";
    int periodMonths = 12;     ///< ASI: 12; an ISCC-like profile: 3
    int carryOverPeriods = 0;  ///< how many later periods a credit may still be used in
};

struct ClaimEntry {
    std::string flow;
    std::string date;       ///< YYYY-MM-DD
    double tonnes = 0;      ///< input: tonnes received; claim: tonnes claimed
    bool eligible = false;  ///< inputs only
    double outgoingT = 0;   ///< claims only: the tonnes of the outgoing flow (claimed ≤ outgoing)
};

struct ClaimPeriod {
    std::string start, end;  ///< inclusive, YYYY-MM-DD
    double eligibleInT = 0, nonEligibleInT = 0;
    double creditsT = 0;     ///< eligible × yield
    double carriedInT = 0;   ///< credits from earlier periods still usable at the start
    double claimedT = 0;
    double outT = 0;         ///< outgoing tonnes of the flows booked as claims (all output, for a project)
    double expiredT = 0;     ///< credits that could not be used after this period
    double balanceT = 0;     ///< usable credits at the end (carried into the next period)
    double inputShare() const;   ///< eligible / all input (0 without input)
    double claimableT() const { return carriedInT + creditsT; }  ///< what could be claimed in the period
};

struct ClaimAccountInput {
    std::string actor;
    double yield = 1.0;  ///< output per tonne of input (conversion factor), in (0, 1]
    ClaimProfile profile;
    std::string firstPeriodStart;  ///< YYYY-MM-DD, the first day of the first period
    std::vector<ClaimEntry> inputs;
    std::vector<ClaimEntry> claims;
};

struct ClaimAccount {
    std::string actor;
    std::vector<ClaimPeriod> periods;  ///< from the first period to the last one with an entry
};

/// Throws InvalidInput for a date outside YYYY-MM-DD or before the first period,
/// a yield outside (0, 1], a negative tonnage, a claim above its outgoing flow,
/// and (where = "claims: <flow>") for an over-allocation, naming the period.
ClaimAccount computeClaimAccount(const ClaimAccountInput&);

}  // namespace traza::risk
