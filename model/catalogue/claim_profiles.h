#pragma once
// Claim profiles (issue #20): the catalogue entries that say how a claim
// account is kept — the length of an accounting period, how many later
// periods a credit may still be used in, and the rule that makes input
// eligible. data/catalogue/claim_profiles.json installs "asi" (12 months) and
// "iscc" (3 months); a project may change them or add its own (chain JSON
// "catalogue": {"claim_profiles": [...]}), kept in the project's catalogue copy.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "catalogue.h"
#include "enums.h"

namespace traza::model {

struct ClaimProfileEntry {
    std::string id;
    LocalText name;
    LocalText description;
    int periodMonths = 12;
    int carryOverPeriods = 0;
    // The eligibility rule (risk/claims/eligibility.h applies it).
    Evidence minEvidence = Evidence::Documented;
    double minChecklistProgress = 0;        ///< 0..1
    std::string blockingSeverity = "high";  ///< low / medium / high / critical, or empty: none blocks
    std::vector<std::string> typologies;    ///< allowed typology ids; empty: any
    bool operator==(const ClaimProfileEntry&) const = default;
};

/// The id used when an actor names no profile.
inline constexpr const char* kDefaultClaimProfile = "asi";

/// One entry, from the object at `path` (a JSON path for messages); `name` and
/// `description` may be a plain string or {"en": ..., "es": ...}. Throws
/// InvalidInput naming the path of a wrong value.
ClaimProfileEntry readClaimProfile(const nlohmann::json& value, const std::string& path);
/// The entry as the catalogue file writes it.
nlohmann::json claimProfileJson(const ClaimProfileEntry&);

/// The catalogue's profiles: its "claim_profiles" text, or, for a catalogue
/// copied before profiles existed, the two built-in ones (same as installed).
std::vector<ClaimProfileEntry> claimProfiles(const Catalogue&);
/// The profile of that id, or nullptr.
const ClaimProfileEntry* findClaimProfile(const std::vector<ClaimProfileEntry>&, const std::string& id);

/// `catalogue` with `own` added to its profiles, an entry of the same id replaced.
Catalogue withClaimProfiles(const Catalogue& catalogue, const std::vector<ClaimProfileEntry>& own);
/// The project's profiles that are not in `installed` exactly as they are
/// (what chain JSON export writes).
std::vector<ClaimProfileEntry> ownClaimProfiles(const Catalogue& project, const Catalogue& installed);

}  // namespace traza::model
