#pragma once
// Forward migrations of the .traza schema. Step n turns a version-n file into
// version n+1; open() applies them in order to its private in-memory copy of
// the file, so an old file is read as the current version without being
// changed on disk (only save() writes files, and it writes the current version).
#include <vector>

#include <SQLiteCpp/Database.h>

namespace traza::model::sqlite {

struct MigrationStep {
    int fromVersion;   ///< the step turns this version into fromVersion + 1
    const char* what;  ///< one line for the log and docs/file-format.md
    const char* sql;   ///< statements run inside one transaction
};

/// All steps, in order: steps()[n].fromVersion == n; the last one ends at
/// ProjectStore::kSchemaVersion.
const std::vector<MigrationStep>& migrationSteps();

/// The oldest schema version open() still reads.
int oldestReadableVersion();

/// Runs the steps from `version` up to ProjectStore::kSchemaVersion, each in
/// its own transaction, and sets PRAGMA user_version after each. Throws
/// SQLite::Exception if a step fails (the file was not what its version says).
void migrateToCurrent(SQLite::Database&, int version);

}  // namespace traza::model::sqlite
