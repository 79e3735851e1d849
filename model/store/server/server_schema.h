#pragma once
// Traza's schema on a PostgreSQL server (server_schema.sql) and its roles:
// creating and migrating it (traza-cli server init) and checking, before any
// read or write, that a database holds a schema this Traza knows.
#include <string>
#include <vector>

#include <pqxx/connection_base>

namespace traza::model {

class ServerLocation;

/// The server schema's version this Traza writes and reads.
/// 1: chain JSON objects, audit, roles; 2: canvas positions and column rules;
/// 3: order keys spaced apart within each list (order_keys.h), bigint.
constexpr int kServerSchemaVersion = 3;

/// The group roles `initServerSchema` creates: editors read and write the
/// projects, reviewers only read; the database itself refuses the rest.
constexpr const char* kEditorRole = "traza_editor";
constexpr const char* kReviewerRole = "traza_reviewer";

struct ServerInitOptions {
    std::vector<std::string> editors;    ///< existing login roles made members of traza_editor
    std::vector<std::string> reviewers;  ///< existing login roles made members of traza_reviewer
};

/// Creates the schema (or migrates it to kServerSchemaVersion), the two group
/// roles and their grants, all in one transaction; run by the database's
/// owner or a superuser. Returns the version found before (0: none). Throws
/// FutureVersionError for a newer schema, ServerError otherwise. `toVersion`
/// stops the migrations early (tests making an older database).
int initServerSchema(const ServerLocation&, const ServerInitOptions& = {}, int toVersion = kServerSchemaVersion);

/// The schema version a database holds (0 when it has none).
int serverSchemaVersion(pqxx::connection_base&);

/// Throws ServerError when the database has no Traza schema or an older one
/// (run `traza-cli server init`), FutureVersionError when it is newer.
void checkServerSchema(pqxx::connection_base&, const ServerLocation&);

}  // namespace traza::model
