#pragma once
// Traza's schema on a PostgreSQL server (server_schema.sql) and its roles:
// creating and migrating it (traza-cli server init) and checking, before any
// read or write, that a database holds a schema this Traza knows.
#include <pqxx/connection_base>

#include "server_schema_version.h"

namespace traza::model {

class ServerLocation;

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
