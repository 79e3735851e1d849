#pragma once
// References between objects kept true under concurrent edits: two clients
// may each change a different object, yet together break the chain (one
// removes an actor while the other adds a flow from it). Inside a command's
// transaction, the objects a changed flow or record points to are locked
// (FOR SHARE) and must exist, and a removed actor or flow must not be used by
// any flow or record the command keeps. With the locks, whichever of the two
// commits second sees the other's change and is refused.
#include <cstdint>

#include <pqxx/transaction_base>

#include "project_objects.h"

namespace traza::model {

/// Throws ServerConflict naming the object and the missing or using one.
/// Call after the command's rows are written, in the same transaction.
void checkReferences(pqxx::transaction_base&, std::int64_t projectId, const ObjectChanges&);

}  // namespace traza::model
