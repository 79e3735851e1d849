#pragma once
// Focus (issue #17): the part of a big chain the canvas shows while the user
// looks at one actor's neighbourhood or one red-flag rule. No wx: the sets are
// worked out from the project and tested without a display.
#include <string>
#include <unordered_set>

#include "analysis.h"
#include "project.h"

namespace traza::gui {

enum class FocusDirection { Upstream, Downstream, Both };

using ActorSet = std::unordered_set<std::string>;

/// `from` and the actors that reach it (upstream) or that it reaches
/// (downstream) within `hops` flows; hops <= 0 means no limit.
ActorSet neighbourhood(const model::Project&, const ActorSet& from, FocusDirection, int hops);

/// The actors a rule's red flags are about: the flagged actors and both ends of
/// the flagged flows.
ActorSet ruleActors(const model::Project&, const risk::Analysis&, const std::string& rule);

/// A copy of the project with only `actors` and the flows between them.
model::Project focusedProject(const model::Project&, const ActorSet& actors);

}  // namespace traza::gui
