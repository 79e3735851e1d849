#include "server_schema.h"

#include <algorithm>

#include <pqxx/transaction>

#include "server_connection.h"
#include "server_schema_sql.h"

namespace traza::model {
namespace {

// Step n turns a version-n database into version n+1 (0: no schema yet).
struct ServerMigration {
    int fromVersion;
    const char* sql;
};
// Version 2: the rows chain JSON does not carry, an actor's canvas position
// ("position", its own row and version so moving an actor never conflicts
// with editing its fields) and the spreadsheet column rules ("import_rules").
// The kinds a database holds are now listed, so a client that knows fewer
// cannot leave rows it would not read (it refuses the version anyway).
constexpr const char* kServerSchemaV2Sql = R"sql(
ALTER TABLE traza.objects ADD CONSTRAINT objects_kind CHECK (kind IN (
  'assessment', 'catalogue', 'actor', 'flow', 'record', 'checklist', 'goal', 'support', 'finding',
  'position', 'import_rules'));
COMMENT ON TABLE traza.objects IS 'Traza objects: chain JSON fragments, and (version 2) canvas positions and column rules';
)sql";

// Version 3: a list's rows hold order keys spaced 2^20 apart (order_keys.h),
// so moving an object writes its row alone; bigint, for a national chain's
// lists. The renumbering changes no object: the audit trigger is off for it
// (no audit rows, no notifications) and the versions stay.
constexpr const char* kServerSchemaV3Sql = R"sql(
ALTER TABLE traza.objects DISABLE TRIGGER objects_audit;
ALTER TABLE traza.objects ALTER COLUMN ordinal TYPE bigint;
UPDATE traza.objects SET ordinal = (ordinal + 1) * 1048576
  WHERE kind IN ('actor', 'flow', 'record', 'checklist', 'goal', 'support', 'finding');
ALTER TABLE traza.objects ENABLE TRIGGER objects_audit;
COMMENT ON COLUMN traza.objects.ordinal IS 'order key within its list, 2^20 apart when numbered afresh (version 3)';
)sql";

// Version 4: an object's body is json, the text as the client wrote it, not
// jsonb. Every read of a project sends every body: jsonb had the server
// rebuild each one's text (its numbers through numeric output), more than half
// of the query's time for a national chain; json is sent as stored. json still
// refuses text that is not JSON, and `->>` still reads a member. The audit
// trail keeps jsonb (it is read one change at a time). Rows converted here
// keep jsonb's spacing until they are next written; readers take either.
constexpr const char* kServerSchemaV4Sql = R"sql(
ALTER TABLE traza.objects ALTER COLUMN body TYPE json USING body::json;
COMMENT ON COLUMN traza.objects.body IS 'the object''s chain JSON as the client wrote it (json since version 4: sent back without conversion)';
)sql";

const std::vector<ServerMigration>& migrations() {
    static const std::vector<ServerMigration> steps{
        {0, kServerSchemaSql}, {1, kServerSchemaV2Sql}, {2, kServerSchemaV3Sql}, {3, kServerSchemaV4Sql}};
    return steps;
}

// Grants, re-run by every init (idempotent). The audit table is readable by
// both roles and writable by nobody but the trigger's owner.
constexpr const char* kRolesSql = R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'traza_editor') THEN CREATE ROLE traza_editor NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'traza_reviewer') THEN CREATE ROLE traza_reviewer NOLOGIN; END IF;
END $$;
REVOKE ALL ON SCHEMA traza FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA traza FROM PUBLIC;
GRANT USAGE ON SCHEMA traza TO traza_editor, traza_reviewer;
GRANT SELECT ON ALL TABLES IN SCHEMA traza TO traza_editor, traza_reviewer;
GRANT INSERT, UPDATE, DELETE ON traza.projects, traza.objects TO traza_editor;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON traza.audit, traza.schema_version FROM traza_editor, traza_reviewer;
GRANT USAGE ON SEQUENCE traza.projects_id_seq TO traza_editor;
)sql";

std::string quotedRole(pqxx::transaction_base& tx, const std::string& name) { return tx.quote_name(name); }

}  // namespace

int serverSchemaVersion(pqxx::connection_base& c) {
    pqxx::read_transaction tx(c);
    if (tx.exec1("SELECT to_regclass('traza.schema_version') IS NULL")[0].as<bool>()) return 0;
    const pqxx::result r = tx.exec("SELECT max(version) FROM traza.schema_version");
    return r.empty() || r[0][0].is_null() ? 0 : r[0][0].as<int>();
}

void checkServerSchema(pqxx::connection_base& c, const ServerLocation& location) {
    const int version = serverSchemaVersion(c);
    if (version > kServerSchemaVersion)
        throw FutureVersionError(location.display() + ": the database holds Traza schema version " + std::to_string(version) +
                                 ", newer than this Traza knows (" + std::to_string(kServerSchemaVersion) +
                                 "); update Traza to use it");
    if (version == 0)
        throw ServerError(location.display() + ": the database holds no Traza schema; run `traza-cli server init` first");
    if (version < kServerSchemaVersion)
        throw ServerError(location.display() + ": the database holds Traza schema version " + std::to_string(version) +
                          "; run `traza-cli server init` to migrate it to version " + std::to_string(kServerSchemaVersion));
}

int initServerSchema(const ServerLocation& location, const ServerInitOptions& options, int toVersion) {
    try {
        auto c = connectToServer(location);
        pqxx::work tx(*c);
        // One init at a time: a second waits here, then finds the schema made.
        tx.exec("SELECT pg_advisory_xact_lock(7521)");
        const bool exists = !tx.exec1("SELECT to_regclass('traza.schema_version') IS NULL")[0].as<bool>();
        int found = 0;
        if (exists) {
            const pqxx::row r = tx.exec1("SELECT coalesce(max(version), 0) FROM traza.schema_version");
            found = r[0].as<int>();
        }
        if (found > kServerSchemaVersion)
            throw FutureVersionError(location.display() + ": the database holds Traza schema version " + std::to_string(found) +
                                     ", newer than this Traza knows (" + std::to_string(kServerSchemaVersion) + ")");
        const int target = std::max(found, std::min(toVersion, kServerSchemaVersion));
        for (const ServerMigration& step : migrations())
            if (step.fromVersion >= found && step.fromVersion < target) tx.exec(step.sql);
        tx.exec("DELETE FROM traza.schema_version");
        tx.exec("INSERT INTO traza.schema_version VALUES (" + std::to_string(target) + ")");
        tx.exec(kRolesSql);
        for (const std::string& user : options.editors) tx.exec("GRANT traza_editor TO " + quotedRole(tx, user));
        for (const std::string& user : options.reviewers) tx.exec("GRANT traza_reviewer TO " + quotedRole(tx, user));
        tx.commit();
        return found;
    } catch (...) {
        rethrowForServer(location, "server init");
    }
}

}  // namespace traza::model
