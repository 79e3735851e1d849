#pragma once
// A project's own catalogue entries (issue #18): the lists of chain JSON
// "catalogue" and of a framework file (traza-cli catalogue export|import),
// merged over the catalogue the project already has. An entry whose id is in
// the list replaces it; any other id is a new entry. Only what Traza can act on
// is accepted: new risk factors, document types, typologies and checklist
// templates; the texts, severity and parameters of the red-flag rules and
// actor kinds it knows.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalogue.h"

namespace traza::model {

/// The lists, by chain JSON key (the catalogue file's stem), in writing order.
/// Claim profiles (claim_profiles.h) travel beside them under their own key.
const std::vector<std::string>& ownEntryLists();

/// What merging one entry did.
struct CatalogueChange {
    enum class Kind { Added, Replaced, Unchanged };
    std::string list;
    std::string id;
    Kind kind = Kind::Added;
    bool retired = false;  ///< the merged entry is retired
};

/// `base` with the entries of `section` (a JSON object whose keys are among
/// ownEntryLists(); other keys are left to the caller) merged in. Each entry is
/// checked as the catalogue file checks it plus the rules above, and a problem
/// throws InvalidInput naming `path`.list[i].key. A red-flag rule's
/// `parameters` may name only some of the rule's parameters: the others keep
/// their values. `changes`, when given, receives one line per entry.
Catalogue withOwnEntries(const Catalogue& base, const nlohmann::json& section, const std::string& path,
                         std::vector<CatalogueChange>* changes = nullptr);

/// The entries of `project` that are not in `installed` exactly as they are,
/// as a "catalogue" object: one array per list that has some, in the order of
/// the project's list; an empty object when the project changed nothing.
nlohmann::ordered_json ownEntries(const Catalogue& project, const Catalogue& installed);

/// Every entry of the project's lists (a whole framework, for `catalogue export --all`).
nlohmann::ordered_json allEntries(const Catalogue& project);
/// The entries of one list as allEntries() gives them (an empty array for a list the project lacks).
nlohmann::ordered_json listEntries(const Catalogue& project, const std::string& list);

/// The ids of `list` in `catalogue` (for "closest known id" suggestions).
std::vector<std::string> entryIds(const Catalogue& catalogue, const std::string& list);

/// What to add to "unknown <thing> \"id\"": " (closest: a, b)" with the nearest
/// ids of `list`, or " (known: ...)" when none is near and the list is short.
std::string unknownIdHint(const Catalogue& catalogue, const std::string& list, const std::string& id);
/// The same for any list of ids (a checklist template's items).
std::string idHint(const std::vector<std::string>& ids, const std::string& id);

}  // namespace traza::model
