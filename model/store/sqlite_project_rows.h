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

/// Which parts writeProject writes: the actors and the flows may have been
/// written apart, before the rest (ProjectFileWriter).
struct ProjectParts {
    bool actors = true;
    bool flows = true;
};

/// Inserts every part of `p` (those of `parts`) into a database holding the
/// empty schema. The caller holds the transaction. Throws SQLite::Exception,
/// or InvalidInput("flows[i].to", ...) when a flow names an actor that does
/// not exist.
void writeProject(SQLite::Database&, const Project&, ProjectParts parts = {});

/// The actors alone, and the rows that hang from them.
void writeActorRows(SQLite::Database&, const std::vector<Actor>&);
/// The flows alone, and the rows that hang from them; they refer to `actors`
/// (written before or after: the foreign keys are checked at commit) by position.
void writeFlowRows(SQLite::Database&, const std::vector<Flow>&, const std::vector<Actor>& actors);

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
