#pragma once
// What reading a project from a server gives besides the project: its audit
// trail (one row per object a command changed). No libpq here: the front ends
// include it, and they load the server store only when they use it (server_store.h).
#include <cstdint>
#include <string>
#include <vector>

#include "project.h"

namespace traza::model {

/// One row of the audit trail: one object changed by one command.
struct AuditEntry {
    std::int64_t seq = 0;  ///< order of writing
    std::string at;        ///< the server's time, in UTC ("2026-12-03 21:40:12 UTC")
    std::string user;      ///< the database user (session_user)
    std::string label;     ///< the command's label
    std::string kind;      ///< ObjectKey kind ("flow", ...)
    std::string objectId;  ///< ObjectKey id
    std::string action;    ///< "insert", "update" or "delete"
    std::string before;    ///< the object's chain JSON before ("" for insert)
    std::string after;     ///< and after ("" for delete)
};

/// A project read once, with the newest entries of its audit trail (newest
/// first, without the before/after bodies), both from one snapshot.
struct ServerReading {
    Project project;
    std::vector<AuditEntry> history;
};

}  // namespace traza::model
