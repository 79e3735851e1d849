#pragma once
// How the generated sentences name an actor or a flow to a person: by name,
// with the id after it in brackets so an auditor can still find it
// ("Refiner (Brazil) [ref]", "Organisation 3 → Intermediary [f6]"), never by
// the id alone unless there is no name.
#include <string>

#include "project.h"

namespace traza::risk {

/// "name [id]", or the id when the actor has no name (or its name is its id).
std::string actorNamed(const model::Actor&);
/// "from → to [id]" with the actors' names; an end that is no actor shows its id.
std::string flowNamed(const model::Flow&, const model::Actor* from, const model::Actor* to);
/// The same, the ends looked up in `project`.
std::string flowNamed(const model::Project&, const model::Flow&);

}  // namespace traza::risk
