#pragma once
// Where a project uses a catalogue entry, so retiring one can say what keeps
// using it (Edit > Catalogues…, traza-cli catalogue import).
#include <string>
#include <vector>

#include "project.h"

namespace traza::model {

/// The ids of what uses entry `id` of `list` (a chain JSON catalogue key), in
/// project order: actors for risk factors and actor kinds, flows for typologies
/// and document types, checklist scopes for checklist templates. Red-flag
/// rules are checked, not referenced: none.
std::vector<std::string> catalogueEntryUsers(const Project& project, const std::string& list, const std::string& id);

/// "org1, org2, org3 and 4 more".
std::string someIds(const std::vector<std::string>& ids);

}  // namespace traza::model
