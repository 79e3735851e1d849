#pragma once
// "Set typology of all outgoing flows…" of an actor: every flow leaving the
// chosen actors gets one RRRM typology, as ONE undo step (a CompositeCommand of
// UpdateFlow). No wx: the menu action and the tests call it.
#include <string>
#include <vector>

#include "document.h"

namespace traza::gui {

/// The model label of the step (translated by the GUI like every command label).
constexpr const char* kSetOutgoingTypologyLabel = "Set typology of outgoing flows";

/// Flows leaving any of `actorIds` whose typology differs from `typology`.
std::vector<std::string> outgoingFlowsToRetype(const model::Project&, const std::vector<std::string>& actorIds,
                                               const std::string& typology);

/// Give every outgoing flow of `actorIds` the typology `typology` ("" clears it)
/// as one step. Returns how many flows changed (0: nothing executed). Throws
/// InvalidInput for a typology the project's catalogue does not have.
std::size_t setOutgoingTypology(Document&, const std::vector<std::string>& actorIds, const std::string& typology);

}  // namespace traza::gui
