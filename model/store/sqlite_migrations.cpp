#include "sqlite_migrations.h"

#include <SQLiteCpp/Transaction.h>

#include <string>

#include "project_store.h"

namespace traza::model::sqlite {
namespace {

// ---- step -> +1: claims (issue #20); schema.sql "Claims" holds the same tables.
// Self-contained so a merge with another bump only changes `from`.
MigrationStep claimsStep(int from) {
    return {from,
            "actors may keep a claim account and flows carry claimed tonnes (actor_claims, flow_claims)",
            "CREATE TABLE actor_claims (actor INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,"
            " makes_claims INTEGER CHECK (makes_claims IN (0, 1)), yield REAL NOT NULL, profile TEXT NOT NULL) STRICT;\n"
            "CREATE TABLE flow_claims (flow INTEGER PRIMARY KEY REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,"
            " claimed_t REAL NOT NULL) STRICT;"};
}
// ---- end of claims step

// ---- step -> +1: checklist templates (issue #18); schema.sql "checklists" has the column.
// Self-contained so a merge with another bump only changes `from`.
MigrationStep checklistTemplateStep(int from) {
    return {from,
            "each checklist names the template it follows (checklists.template; '' = the default oecd_rbc)",
            "ALTER TABLE checklists ADD COLUMN template TEXT NOT NULL DEFAULT '';"};
}
// ---- end of checklist templates step

// ---- step -> +1: answer sources (issue #18); schema.sql "Answer sources" holds the same table.
MigrationStep answerSourcesStep(int from) {
    return {from,
            "checklist items record where their answer came from (checklist_item_sources)",
            "CREATE TABLE checklist_item_sources (checklist INTEGER NOT NULL, item INTEGER NOT NULL, source TEXT NOT NULL,"
            " PRIMARY KEY (checklist, item), FOREIGN KEY (checklist, item) REFERENCES checklist_items (checklist, ord)"
            " DEFERRABLE INITIALLY DEFERRED) STRICT, WITHOUT ROWID;"};
}
// ---- end of answer sources step

// ---- step -> +1: delivery records (issue #19); schema.sql "Records" holds the same tables.
MigrationStep recordsStep(int from) {
    return {from,
            "flows may hold delivery records with their documents (records, record_documents); actors may be"
            " suspended from a date (actor_suspensions)",
            "CREATE TABLE records (ord INTEGER PRIMARY KEY, flow INTEGER NOT NULL REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,"
            " id TEXT NOT NULL, date TEXT NOT NULL, tonnes REAL NOT NULL, evidence TEXT NOT NULL, payment TEXT NOT NULL,"
            " price_per_t REAL NOT NULL, notes TEXT NOT NULL) STRICT;\n"
            "CREATE TABLE record_documents (record INTEGER NOT NULL REFERENCES records (ord) DEFERRABLE INITIALLY DEFERRED,"
            " ord INTEGER NOT NULL, type TEXT NOT NULL, number TEXT NOT NULL, PRIMARY KEY (record, ord)) STRICT, WITHOUT ROWID;\n"
            "CREATE TABLE actor_suspensions (actor INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,"
            " suspended_from TEXT NOT NULL) STRICT;"};
}
// ---- end of records step

}  // namespace

const std::vector<MigrationStep>& migrationSteps() {
    // Append a step here whenever schema.sql changes, and raise kSchemaVersion.
    // A step may only use SQL that UntrustedDatabase allows in Migrate mode
    // (no triggers, views, virtual tables or ATTACH).
    static const std::vector<MigrationStep> steps{
        {0,
         "actors gain has_position; version 0 used (0, 0) to mean \"not placed on the canvas\"",
         "ALTER TABLE actors ADD COLUMN has_position INTEGER NOT NULL DEFAULT 0 CHECK (has_position IN (0, 1));\n"
         "UPDATE actors SET has_position = 1 WHERE x <> 0 OR y <> 0;"},
        {1,
         "the project remembers the user's spreadsheet column rules (import_rules)",
         "CREATE TABLE import_rules (ord INTEGER PRIMARY KEY, header TEXT NOT NULL, field TEXT NOT NULL,"
         " factor REAL NOT NULL CHECK (factor > 0)) STRICT;"},
        // --- issue 16 (sign-off): version 2 -> 3 -------------------------------------
        {2,
         "the assessment records its sign-off: assessed_on, reviewer, reviewed_on",
         "ALTER TABLE assessment ADD COLUMN assessed_on TEXT NOT NULL DEFAULT '';\n"
         "ALTER TABLE assessment ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';\n"
         "ALTER TABLE assessment ADD COLUMN reviewed_on TEXT NOT NULL DEFAULT '';"},
        // --- end of issue 16 ------------------------------------------------------------
        // ---- step 3 -> 4: uncertainty (issue #21); schema.sql "Uncertainty" holds the same tables.
        {3,
         "figures carry a standard deviation and a flow's tonnes may be unknown (actor_uncertainty, flow_uncertainty)",
         "CREATE TABLE actor_uncertainty (actor INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,"
         " stock_change_sd_t REAL NOT NULL, loss_sd_t REAL NOT NULL) STRICT;\n"
         "CREATE TABLE flow_uncertainty (flow INTEGER PRIMARY KEY REFERENCES flows (ord) DEFERRABLE INITIALLY DEFERRED,"
         " sd_t REAL NOT NULL, tonnes_unknown INTEGER NOT NULL CHECK (tonnes_unknown IN (0, 1))) STRICT;"},
        // ---- end of step 3 -> 4
        // ---- step 4 -> 5: findings and the actors' own due diligence (issue 16);
        // schema.sql "Findings" holds the same tables.
        {4,
         "the findings register (findings) and the actors' own due diligence (actor_due_diligence)",
         "CREATE TABLE findings (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL,"
         " rule TEXT NOT NULL, item TEXT NOT NULL, subject TEXT NOT NULL, severity TEXT NOT NULL, owner TEXT NOT NULL,"
         " response TEXT NOT NULL, action TEXT NOT NULL, due TEXT NOT NULL, status TEXT NOT NULL,"
         " evidence TEXT NOT NULL, closed_on TEXT NOT NULL, notes TEXT NOT NULL) STRICT;\n"
         "CREATE TABLE actor_due_diligence (actor INTEGER PRIMARY KEY REFERENCES actors (ord) DEFERRABLE INITIALLY DEFERRED,"
         " dd_status TEXT NOT NULL, coc_certification TEXT NOT NULL) STRICT;"},
        // ---- end of step 4 -> 5
        claimsStep(5),             // ---- step 5 -> 6: claims (issue #20)
        checklistTemplateStep(6),  // ---- step 6 -> 7: checklist templates (issue #18)
        answerSourcesStep(7),      // ---- step 7 -> 8: answer sources (issue #18)
        recordsStep(8),            // ---- step 8 -> 9: delivery records (issue #19)
        {9,  // ---- step 9 -> 10: the period of the progress series (issue #19)
         "the assessment chooses the period of its progress series (series_period, monthly by default)",
         "ALTER TABLE assessment ADD COLUMN series_period TEXT NOT NULL DEFAULT 'monthly'"
         " CHECK (series_period IN ('monthly', 'weekly'));"},
    };
    return steps;
}

int oldestReadableVersion() { return migrationSteps().empty() ? ProjectStore::kSchemaVersion : migrationSteps().front().fromVersion; }

void migrateToCurrent(SQLite::Database& db, int version) {
    for (const MigrationStep& step : migrationSteps()) {
        if (step.fromVersion < version) continue;
        SQLite::Transaction transaction(db);
        db.exec(step.sql);
        db.exec("PRAGMA user_version = " + std::to_string(step.fromVersion + 1));
        transaction.commit();
    }
}

}  // namespace traza::model::sqlite
