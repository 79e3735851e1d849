#pragma once
// Which input makes claimable credits: the eligibility rule (catalogue data
// the user can change: model/claim_profiles.h, the profile's "eligibility") applied to one
// incoming flow, with the reasons in plain words, whether it passes or not.
//
// A flow's documented tonnes are eligible when every condition holds:
// - its evidence is at least `minEvidence`;
// - its supplier's OECD checklist progress (supplier_checklists.h) is at least
//   `minChecklistProgress`;
// - the supplier has no red flag of `blockingSeverity` or worse (empty: none blocks);
// - its typology is one of `typologies` (empty: any).
// Undocumented tonnes are never eligible.
#include <string>
#include <vector>

#include "analysis.h"
#include "supplier_checklists.h"

namespace traza::risk {

struct EligibilityRule {
    model::Evidence minEvidence = model::Evidence::Documented;
    double minChecklistProgress = 0;        ///< 0..1; e.g. 1 = every supplier item done
    std::string blockingSeverity = "high";  ///< low / medium / high / critical, or empty
    std::vector<std::string> typologies;    ///< allowed typology ids; empty: any
};

struct Eligibility {
    bool eligible = false;
    double eligibleT = 0;              ///< the flow's documented tonnes when eligible, else 0
    std::vector<std::string> reasons;  ///< one line per condition, passed or failed
};

/// `redFlags`: the analysis's flags (those of the flow's sender count).
Eligibility explainEligibility(const model::Flow&, const EligibilityRule&, const SupplierChecklists&,
                               const std::vector<RedFlag>& redFlags, const std::string& language = "en");

}  // namespace traza::risk
