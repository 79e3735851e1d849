// Project files crafted to attack Traza when it opens them. Each attack is
// tried on a current file and on a version 0 file (whose migration runs
// UPDATE and ALTER TABLE on the private copy). Whatever the outcome (opened or
// refused with FileFormatError), nothing in the file may run: dangerous
// functions planted in the process (sqlite_traps.h) are never called, no file
// appears, and the project file stays byte-identical.
#include <catch2/catch.hpp>

#include <string>

#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "sqlite_traps.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;
using traza::security::SqliteTraps;

namespace {

bool attackErrorContains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string replaced(std::string sql, const std::string& from, const std::string& to) {
    for (std::size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size()))
        sql.replace(at, from.size(), to);
    return sql;
}

struct Outcome {
    bool opened = false;
    std::string message;  ///< FileFormatError::what() when refused
    Project project;
};

// Opens `file` with the traps armed and checks that nothing ran, nothing was
// written and nothing appeared beside it. Any exception other than
// FileFormatError fails the test.
Outcome openUnderWatch(SqliteTraps& traps, const fs::path& file) {
    const std::string before = readBytes(file);
    const auto folder = listFolder(file.parent_path());
    traps.reset();
    Outcome o;
    try {
        o.project = ProjectStore::open(file);
        o.opened = true;
    } catch (const FileFormatError& e) {
        o.message = e.what();
    }
    CHECK(SqliteTraps::calls() == 0);
    CHECK(readBytes(file) == before);
    CHECK(listFolder(file.parent_path()) == folder);
    return o;
}

struct Attack {
    const char* name;
    const char* sql;  ///< "{dir}" stands for the folder of the file
};

// Every place where a schema can hold an expression or a statement.
const Attack kAttacks[] = {
    {"triggers on every write Traza might do",
     "CREATE TABLE loot (x);"
     "CREATE TRIGGER t_update AFTER UPDATE ON actors BEGIN SELECT writefile('{dir}/pwned-trigger', 'x');"
     " INSERT INTO loot VALUES (side_effect()); DELETE FROM flows; END;"
     "CREATE TRIGGER t_insert BEFORE INSERT ON actors BEGIN SELECT side_effect(); END;"
     "CREATE TRIGGER t_delete BEFORE DELETE ON flows BEGIN SELECT writefile('{dir}/pwned-delete', 'x'); END;"},
    {"a view calling functions",
     "CREATE VIEW loot AS SELECT writefile('{dir}/pwned-view', id), side_effect() FROM actors;"},
    {"a view in place of a Traza table, with an INSTEAD OF trigger",
     "ALTER TABLE supports RENAME TO supports_real;"
     "CREATE VIEW supports AS SELECT ord, actor, type, threshold, region, count, beneficiaries, cost,"
     " notes || writefile('{dir}/pwned-view', 'x') AS notes FROM supports_real;"
     "CREATE TRIGGER t_instead INSTEAD OF UPDATE ON supports BEGIN SELECT side_effect(); END;"},
    // Regression: PRAGMA quick_check evaluated this CHECK on open, calling both
    // functions (found by this test; fixed with ignore_check_constraints).
    {"a CHECK constraint calling functions",
     "ALTER TABLE actors ADD COLUMN trap INTEGER CHECK (side_effect(trap) AND writefile('{dir}/pwned-check', 'x'));"},
    {"CHECK constraints on other tables",
     "CREATE TABLE loot_check (x INTEGER CHECK (writefile('{dir}/pwned-check2', x)));"
     "INSERT INTO loot_check VALUES (1);"
     "ALTER TABLE flows ADD COLUMN trap INTEGER CHECK (side_effect(trap) AND writefile('{dir}/pwned-check3', 'x'));"},
    {"a DEFAULT calling a function",
     "CREATE TABLE loot (x DEFAULT (side_effect()), y DEFAULT (writefile('{dir}/pwned-default', 'x')));"},
    {"a generated column in place of a column Traza reads",
     "ALTER TABLE actors RENAME COLUMN notes TO notes_real;"
     "ALTER TABLE actors ADD COLUMN notes TEXT AS (CASE WHEN det_side_effect(id) THEN notes_real ELSE notes_real END);"},
    {"an expression index and a partial index calling a function",
     "CREATE INDEX trap_index ON actors (det_side_effect(id));"
     "CREATE INDEX trap_partial ON flows (id) WHERE det_side_effect(id) > 0;"},
};

}  // namespace

TEST_CASE("Project files - nothing in a crafted schema runs on open, not even while an old file is migrated") {
    SqliteTraps traps;
    const bool oldVersion = GENERATE(false, true);
    for (const Attack& attack : kAttacks) {
        INFO(attack.name << (oldVersion ? " (version 0 file, migrated on open)" : " (current version)"));
        TempDir dir;
        const fs::path file = dir / "crafted.traza";
        const Project original = makeChain(5, 8);
        ProjectStore::save(original, file);
        if (oldVersion)
            rawExec(file, asSchemaVersion(0));
        rawExec(file, replaced(attack.sql, "{dir}", dir.path().string()));
        // SQLite checks a new CHECK constraint against existing rows while the
        // file is crafted (outside Traza), which calls the traps: start clean.
        for (const auto& name : listFolder(dir.path()))
            if (name != "crafted.traza") fs::remove(dir / name);

        const Outcome o = openUnderWatch(traps, file);
        if (o.opened) {
            // What was read is the data, untouched by the trap (no flow deleted).
            CHECK(o.project.sameChain(original));
        } else {
            CHECK(o.message.find(file.string()) == 0);
        }
    }
}

TEST_CASE("Project files - a foreign or future file is refused from its header, before SQLite opens it") {
    SqliteTraps traps;
    TempDir dir;
    // Another program's database, full of traps: refused without a connection.
    const fs::path foreign = dir / "foreign.traza";
    rawExec(foreign, "CREATE TABLE t (x CHECK (side_effect())); CREATE VIEW v AS SELECT writefile('x', 'y');");
    Outcome o = openUnderWatch(traps, foreign);
    CHECK(o.message == foreign.string() + " is not a Traza project file");
    CHECK(SqliteTraps::connections() == 0);

    // A Traza file from a newer version whose schema this version cannot even parse.
    const fs::path future = dir / "future.traza";
    ProjectStore::save(makeChain(3, 3), future);
    rawExec(future, "PRAGMA writable_schema = ON;"
                    "INSERT INTO sqlite_master VALUES ('table', 'next', 'next', 0, 'CREATE TABLE next (x NEWTYPE SYNTAX'); "
                    "PRAGMA user_version = " + std::to_string(ProjectStore::kSchemaVersion + 1) + ";");
    o = openUnderWatch(traps, future);
    CHECK(o.message == future.string() + " was written by a newer Traza (schema version " +
                           std::to_string(ProjectStore::kSchemaVersion + 1) + "; this version reads up to " + std::to_string(ProjectStore::kSchemaVersion) + ")");
    CHECK(SqliteTraps::connections() == 0);

    // The right header over a schema that does not parse: damaged, via SQLite.
    rawExec(future, "PRAGMA writable_schema = ON; PRAGMA user_version = " + std::to_string(ProjectStore::kSchemaVersion) + ";");
    o = openUnderWatch(traps, future);
    CHECK(attackErrorContains(o.message, "damaged"));
    // Three, configured alike over the one private copy: the reading, the
    // flows' and the quick_check's (ProjectStore::open, docs/security.md).
    CHECK(SqliteTraps::connections() == 3);
}

TEST_CASE("Project files - an ATTACH smuggled into the schema attaches nothing and creates no file") {
    SqliteTraps traps;
    TempDir dir;
    const fs::path file = dir / "attach.traza";
    const Project original = makeChain(3, 4);
    ProjectStore::save(original, file);
    const std::string target = (dir / "attached.db").string();
    rawExec(file, "PRAGMA writable_schema = ON;"
                  "INSERT INTO sqlite_master VALUES ('table', 'evil', 'evil', 0, 'ATTACH DATABASE ''" + target + "'' AS evil');");
    const Outcome o = openUnderWatch(traps, file);
    CHECK_FALSE(o.opened);
    CHECK(attackErrorContains(o.message, "damaged"));
    CHECK_FALSE(fs::exists(target));
}

TEST_CASE("Project files - a schema nested too deep or too long is refused cleanly") {
    SqliteTraps traps;
    TempDir dir;
    const fs::path file = dir / "deep.traza";
    ProjectStore::save(makeChain(3, 4), file);
    const std::string good = readBytes(file);

    // 5000 nested parentheses: a parser without a depth limit would overflow its stack.
    std::string deep = "CREATE TABLE deep (x CHECK (" + std::string(5000, '(') + "1" + std::string(5000, ')') + "))";
    rawExec(file, "PRAGMA writable_schema = ON; INSERT INTO sqlite_master VALUES ('table', 'deep', 'deep', 0, '" + deep + "');");
    Outcome o = openUnderWatch(traps, file);
    CHECK_FALSE(o.opened);

    // A 200 000-character CREATE statement: above the SQL length limit of the reader.
    writeBytes(file, good);
    rawExec(file, "CREATE TABLE long (x TEXT DEFAULT '" + std::string(200000, 'x') + "');");
    o = openUnderWatch(traps, file);
    CHECK_FALSE(o.opened);
    CHECK(attackErrorContains(o.message, "damaged"));
}

TEST_CASE("Project files - a table holding more rows than Traza reads is refused before it is read") {
    TempDir dir;
    const fs::path file = dir / "rows.traza";
    ProjectStore::save(makeChain(3, 7), file);  // 7^4 * 5 flow combinations: enough rows
    rawExec(file, "DROP TABLE assessment; CREATE TABLE assessment AS SELECT 1 AS id, '' AS title, '' AS assessor,"
                  " '' AS organisation, '' AS purpose, '' AS material, '' AS country, '' AS period_start,"
                  " '' AS period_end, '' AS currency, '' AS notes FROM flows, flows AS a, flows AS b, flows AS c,"
                  " (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) AS d"
                  " LIMIT 1001;");
    const std::string message = thrownMessage<FileFormatError>([&] { ProjectStore::open(file); });
    CHECK(message == file.string() + " is not a valid Traza project: assessment: holds 1001 rows; Traza reads at most 1000");
}

TEST_CASE("Project files - a text longer than 64 MiB is refused on open and never written on save") {
    TempDir dir;
    const fs::path file = dir / "long.traza";
    Project p = makeChain(3, 3);
    ProjectStore::save(p, file);
    const std::string good = readBytes(file);
    rawExec(file, "UPDATE assessment SET notes = printf('%.*c', 67108865, 'x');");
    const std::string message = thrownMessage<FileFormatError>([&] { ProjectStore::open(file); });
    CHECK(message.find(file.string()) == 0);
    CHECK(attackErrorContains(message, "too big"));

    writeBytes(file, good);
    p.assessment.notes.assign(64 * 1024 * 1024 + 1, 'x');
    const std::string saveMessage = thrownMessage<IoError>([&] { ProjectStore::save(p, file); });
    CHECK(saveMessage.find("could not save " + file.string()) == 0);
    CHECK(readBytes(file) == good);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"long.traza"});
}

TEST_CASE("Project files - a catalogue number that is no whole int is refused, never converted with undefined behaviour") {
    // Regression: Catalogue::fromTexts cast any JSON number to int, so a file
    // whose catalogue copy said "default_stage": 1e300 hit undefined behaviour.
    struct Case {
        const char* stem;
        const char* from;
        const char* to;
        const char* where;
    };
    const Case cases[] = {
        {"actor_kinds", "\"default_stage\": 1", "\"default_stage\": 1e300", "actor_kinds.json: entries[0].default_stage"},
        {"evidence_levels", "\"rank\": 0", "\"rank\": -4e9", "evidence_levels.json: entries[0].rank"},
        {"checklist_template", "\"step\": 1", "\"step\": 1.5", "checklist_template.json: entries[0].step"},
    };
    for (const Case& c : cases) {
        INFO(c.to);
        TempDir dir;
        const fs::path file = dir / "numbers.traza";
        ProjectStore::save(makeChain(3, 3), file);
        rawExec(file, std::string("UPDATE catalogue SET json = replace(json, '") + c.from + "', '" + c.to + "') WHERE stem = '" +
                          c.stem + "';");
        const std::string message = thrownMessage<FileFormatError>([&] { ProjectStore::open(file); });
        CHECK(message == file.string() + " is not a valid Traza project: catalogue: " + c.where + ": must be a whole number");
    }
}
