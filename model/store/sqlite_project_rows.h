#pragma once
// The rows of a .traza file <-> a Project, for the current schema (schema.sql).
// No file handling here: ProjectStore opens, migrates and commits around these.
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "project.h"

namespace traza::model::sqlite {

/// Every table of the current schema.
const std::vector<std::string>& projectTables();

/// Inserts every part of `p` into a database holding the empty schema. The
/// caller holds the transaction. Throws SQLite::Exception, e.g. when a flow
/// names an actor that does not exist (foreign keys are on).
void writeProject(SQLite::Database&, const Project&);

/// Reads a database of the current schema version. Refuses tables larger
/// than their row cap, values of the wrong type, unknown enumeration
/// spellings, child rows without their parent and unreadable catalogue texts
/// with InvalidInput(where, reason), `where` naming the table and row, e.g.
/// "flows[3].evidence". Does not run validateProject (the caller does).
/// SQLite failures propagate as SQLite::Exception.
/// With `flowsDb` (a second connection to the same bytes), the flows are read
/// from it on a second thread; the result and the first error are the same.
Project readProject(SQLite::Database&, SQLite::Database* flowsDb = nullptr);

}  // namespace traza::model::sqlite
