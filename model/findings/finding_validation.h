#pragma once
// The rules a findings register obeys, whichever way it was entered (chain
// JSON, the project file, a command). validateProject() runs them too.
#include <vector>

#include "validation.h"

namespace traza::model {

/// Issues of p.findings, with paths "findings[i].field": ids present and
/// unique; rule only (and required) for a red_flag finding, a rule of the
/// catalogue when the project has one; item only (and required) for a
/// checklist_item finding, an item of the template; subject empty or the id
/// of an actor or a flow (a red flag always has one); severity on the
/// red-flag scale; dates that exist; a closed finding has closed_on and the
/// evidence that closed it, an open one has no closed_on.
std::vector<ValidationIssue> validateFindings(const Project& p);

}  // namespace traza::model
