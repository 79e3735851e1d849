#pragma once
// The "catalogue" object of chain JSON and of a framework file (issue #18): a
// project's own entries (own_entries.h) and claim profiles (claim_profiles.h),
// read strictly and merged over a catalogue.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "catalogue.h"
#include "own_entries.h"

namespace traza::model {

/// `base` with the section's entries merged in. Unknown keys, wrong values and
/// duplicate ids throw InvalidInput naming `path` and the JSON path below it.
/// `changes`, when given, receives one line per entry (claim profiles under the
/// list "claim_profiles").
Catalogue readCatalogueSection(const nlohmann::json& section, const Catalogue& base, const std::string& path,
                               std::vector<CatalogueChange>* changes = nullptr);

}  // namespace traza::model
