#pragma once
// Chain JSON handed over as the texts of its members, one per object (the
// server store keeps a project that way): read with the same strict readers,
// limits and validation as projectFromJson, but each object is parsed and read
// in turn (its DOM freed at once) and the flows on a second thread.
#include <string_view>
#include <vector>

#include "project.h"

namespace traza::model {

/// The members of a chain JSON document ("format" and "version" implied). An
/// empty view: the member is absent. Views must outlive the call.
struct ChainJsonParts {
    std::string_view assessment;
    std::string_view catalogue;
    std::vector<std::string_view> actors, flows, records, checklists, goals, supports, findings;
};

/// As projectFromJson of the document these parts make. Throws
/// InvalidInput(path, reason) with the document's paths ("flows[3].to").
Project projectFromJsonParts(const ChainJsonParts&, const Catalogue& catalogue);

}  // namespace traza::model
