#pragma once
// Taking other users' changes into an open project object by object (issue
// #22): the objects a notification named, by kind and id, are copied from
// the server's copy; the rest of the open project stays as it is, so a window
// keeps its selection and view, and undo steps about untouched objects.
#include <vector>

#include "command.h"
#include "project.h"
#include "project_objects.h"

namespace traza::model {

/// `local` with the objects named by `changed` (kind and id as in
/// project_objects.h and the audit trail) as `remote` holds them: replaced
/// and put at their place among their neighbours, added, or removed. An
/// actor's "position" copies its canvas position; a "record" takes its
/// flow's records; a change of any other kind (assessment, catalogue,
/// checklist, goal, support, finding, import rules) takes that whole part.
/// Over 256 changed objects it is `remote` (the same project when `local`
/// was in step with the server, without a search per object).
Project mergeRemoteObjects(Project local, const Project& remote, const std::vector<ObjectKey>& changed);

/// The actors and flows `changed` touches, as undo steps name them
/// (Command::subject). Sets `other` when something else changed too.
std::vector<CommandSubject> changedSubjects(const std::vector<ObjectKey>& changed, const Project& remote, bool& other);

}  // namespace traza::model
