#pragma once
// An actor of the value chain (a node of the graph).
#include <optional>
#include <string>
#include <vector>

#include "enums.h"
#include "due_diligence_status.h"

namespace traza::model {

struct Actor {
    std::string id;  ///< unique in the project; what flows refer to
    std::string name;
    ActorKind kind = ActorKind::Other;
    int stage = 0;  ///< 1..9; defaults from kind on import
    std::string country;
    std::string region;
    Formality formality = Formality::Informal;
    int headcount = 0;          ///< people behind a picker group (0 = unknown / n.a.)
    double capacityT = 0;       ///< tonnes per period it can handle (0 = unknown)
    double stockChangeT = 0;    ///< stock at end minus stock at start of the period
    double lossT = 0;           ///< declared losses in the period
    double stockChangeSdT = 0;  ///< standard deviation of stockChangeT (0 = exact)
    double lossSdT = 0;         ///< standard deviation of lossT (0 = exact)
    bool publicServiceProvider = false;
    std::vector<std::string> riskFactors;  ///< ids from the risk_factors catalogue
    std::string notes;
    /// The actor's own due diligence (a refiner's, above all) and its
    /// chain-of-custody certification as free text ("ASI CoC, cert. 1234,
    /// valid to 2027-05"); empty when none is known.
    DueDiligenceStatus ddStatus = DueDiligenceStatus::None;
    std::string cocCertification;
    /// Chain-of-custody claims (issue #20). Whether the actor keeps a claim
    /// account (unset: refiners do, nobody else), its yield, the output per
    /// tonne of eligible input (0 = not set, taken as 1), and its claim profile
    /// (an id of the claim_profiles catalogue; empty = "asi").
    std::optional<bool> makesClaims;
    double claimYield = 0;
    std::string claimProfile;
    /// The date (ISO) from which the buyer suspended trading with the actor
    /// (issue #19); empty when it is not suspended. Deliveries recorded from
    /// that date on raise the red flag delivery_after_suspension.
    std::string suspendedFrom;
    /// Whether the actor makes claims, after the default by kind.
    bool keepsClaimAccount() const { return makesClaims.value_or(kind == ActorKind::Refiner); }

    /// Canvas position, saved in the project file only (not part of chain JSON).
    bool hasPosition = false;
    double x = 0;
    double y = 0;

    /// Equality of the data that travels in chain JSON (positions excluded).
    bool sameData(const Actor& o) const;
};

}  // namespace traza::model
