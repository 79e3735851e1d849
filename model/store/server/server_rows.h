#pragma once
// The SQL of a project's rows (traza.objects, traza.audit), each function run
// inside the caller's transaction so the caller decides what is atomic.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <pqxx/transaction_base>

#include "project_objects.h"
#include "server_project.h"

namespace traza::model {

using ObjectVersions = std::map<ObjectKey, std::int64_t>;

/// The id of the project named `name`, or nothing.
std::optional<std::int64_t> findProjectId(pqxx::transaction_base&, const std::string& name);

/// Every object of the project with its version. With `comparable`, bodies come
/// back in the compact form projectObjects() writes, so equal objects compare
/// equal (a parse per row); without, as the server prints them (to be read only).
void readRows(pqxx::transaction_base&, std::int64_t projectId, ObjectRows&, ObjectVersions&, bool comparable);

/// Reads the given objects again: present ones replace theirs in `rows`,
/// absent ones are removed.
void rereadRows(pqxx::transaction_base&, std::int64_t projectId, const std::vector<ObjectKey>&, ObjectRows&,
                ObjectVersions&);

/// The version of every object of the project (no bodies: a cheap comparison).
ObjectVersions readVersions(pqxx::transaction_base&, std::int64_t projectId);

/// The newest audit entry of each of the given objects (none for an object
/// without one), in the order of `keys`.
std::vector<AuditEntry> latestAudit(pqxx::transaction_base&, std::int64_t projectId, const std::vector<ObjectKey>& keys);

/// Sets the label the audit trigger records for this transaction.
void setCommandLabel(pqxx::transaction_base&, const std::string& label);

/// Applies `changes`. With `expected` (optimistic concurrency) an object is
/// updated or deleted only if it still has the version there, and inserted only
/// if absent; otherwise ServerConflict names it and its last change. Without,
/// the rows are made equal to `changes` whatever their versions. `versions`
/// receives the new versions (removed keys erased).
void writeRows(pqxx::transaction_base&, std::int64_t projectId, const ObjectChanges& changes,
               const ObjectVersions* expected, ObjectVersions& versions);

/// Audit entries of the project, newest first: all (txid 0) or those of one
/// transaction; without `bodies`, before and after are left empty (a report
/// lists who changed what, not the JSON).
std::vector<AuditEntry> readAudit(pqxx::transaction_base&, std::int64_t projectId, std::size_t limit,
                                  std::int64_t txid = 0, bool bodies = true);

}  // namespace traza::model
