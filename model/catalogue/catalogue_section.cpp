#include "catalogue_section.h"

#include <nlohmann/json.hpp>

#include "claim_profiles.h"
#include "error.h"
#include "json_reader.h"

namespace traza::model {

Catalogue readCatalogueSection(const nlohmann::json& section, const Catalogue& base, const std::string& path,
                               std::vector<CatalogueChange>* changes) {
    std::vector<std::string_view> keys(ownEntryLists().begin(), ownEntryLists().end());
    keys.push_back("claim_profiles");
    JsonObjectReader r(section, path, keys);
    const Catalogue withEntries = withOwnEntries(base, section, path, changes);
    if (!section.contains("claim_profiles")) return withEntries;
    const nlohmann::json& list = r.array("claim_profiles");
    const std::vector<ClaimProfileEntry> before = claimProfiles(withEntries);
    std::vector<ClaimProfileEntry> own;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = jsonPath(r.pathOf("claim_profiles"), i);
        own.push_back(readClaimProfile(list[i], where));
        for (std::size_t j = 0; j < i; ++j)
            if (own[j].id == own[i].id) throw InvalidInput(jsonPath(where, "id"), "duplicate id \"" + own[i].id + "\"");
        if (changes) {
            const ClaimProfileEntry* same = findClaimProfile(before, own[i].id);
            changes->push_back({"claim_profiles", own[i].id,
                                !same ? CatalogueChange::Kind::Added
                                      : (*same == own[i] ? CatalogueChange::Kind::Unchanged : CatalogueChange::Kind::Replaced),
                                false});
        }
    }
    return withClaimProfiles(withEntries, own);
}

}  // namespace traza::model
