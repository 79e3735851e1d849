// ProjectStore::open on files that are missing, damaged, foreign, from the
// future or crafted to attack the reader. Every refusal must name the file,
// and opening must never change the file or create a file beside it.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {

// Opens `file` expecting exception E; checks that the file and its folder are
// exactly as before, and returns the message.
template <typename E>
std::string openRefused(const fs::path& file) {
    const std::string before = readBytes(file);
    const auto folder = listFolder(file.parent_path());
    const std::string message = thrownMessage<E>([&] { ProjectStore::open(file); });
    CHECK(readBytes(file) == before);
    CHECK(listFolder(file.parent_path()) == folder);
    CHECK(message.find(file.string()) == 0);
    return message;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("ProjectStore - opening a file that does not exist is an IoError naming it") {
    TempDir dir;
    const fs::path missing = dir / "missing.traza";
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::open(missing); });
    CHECK(message == "could not open " + missing.string() + ": No such file or directory");
    CHECK(listFolder(dir.path()).empty());  // SQLite did not create it
    CHECK_THROWS_AS(ProjectStore::open(dir.path()), IoError);
}

TEST_CASE("ProjectStore - a FIFO named like a project is refused without blocking") {
    TempDir dir;
    const fs::path fifo = dir / "pipe.traza";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(thrownMessage<IoError>([&] { ProjectStore::open(fifo); }) ==
          "could not open " + fifo.string() + ": it is not a regular file");
    CHECK_THROWS_AS(ProjectStore::fileSchemaVersion(fifo), IoError);
}

TEST_CASE("ProjectStore - an empty file, random bytes and another program's database are not Traza files") {
    TempDir dir;
    writeBytes(dir / "empty.traza", "");
    CHECK(openRefused<FileFormatError>(dir / "empty.traza") == (dir / "empty.traza").string() + " is not a Traza project file");

    std::mt19937 random(7);
    std::string noise(8192, '\0');
    for (char& c : noise) c = static_cast<char>(random());
    writeBytes(dir / "noise.traza", noise);
    CHECK(openRefused<FileFormatError>(dir / "noise.traza") == (dir / "noise.traza").string() + " is not a Traza project file");

    rawExec(dir / "other.db", "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    CHECK(openRefused<FileFormatError>(dir / "other.db") == (dir / "other.db").string() + " is not a Traza project file");
    CHECK_THROWS_AS(ProjectStore::fileSchemaVersion(dir / "other.db"), FileFormatError);
}

TEST_CASE("ProjectStore - the first half of a project file is reported as damaged") {
    TempDir dir;
    ProjectStore::save(makeChain(50, 2000), dir / "full.traza");
    const std::string bytes = readBytes(dir / "full.traza");
    REQUIRE(bytes.size() > 64 * 1024);
    writeBytes(dir / "half.traza", bytes.substr(0, bytes.size() / 2));
    const std::string message = openRefused<FileFormatError>(dir / "half.traza");
    CHECK(contains(message, "damaged"));
}

TEST_CASE("ProjectStore - damaged pages are refused cleanly, never half-read") {
    TempDir dir;
    Project p = makeChain(30, 600);
    ProjectStore::save(p, dir / "p.traza");
    const std::string bytes = readBytes(dir / "p.traza");
    std::mt19937 random(2024);
    int refused = 0;
    for (int trial = 0; trial < 60; ++trial) {
        std::string damaged = bytes;
        // Overwrite a run of bytes anywhere after the 100-byte header.
        std::size_t at = 100 + random() % (damaged.size() - 200);
        std::size_t length = 1 + random() % 64;
        for (std::size_t i = at; i < std::min(damaged.size(), at + length); ++i) damaged[i] = static_cast<char>(random());
        const fs::path file = dir / ("damaged-" + std::to_string(trial) + ".traza");
        writeBytes(file, damaged);
        INFO("trial " << trial << ": " << length << " bytes at " << at);
        try {
            ProjectStore::open(file);  // a hit in free space or inside a text may still be a valid project
        } catch (const FileFormatError& e) {
            ++refused;
            CHECK(std::string(e.what()).find(file.string()) == 0);
        }
        CHECK(readBytes(file) == damaged);
    }
    CHECK(refused > 0);
}

TEST_CASE("ProjectStore - a file from a newer Traza is refused with both versions") {
    TempDir dir;
    const fs::path file = dir / "future.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "PRAGMA user_version = 99;");
    const std::string message = openRefused<FutureVersionError>(file);
    CHECK(message == file.string() + " was written by a newer Traza (schema version 99; this version reads up to " + std::to_string(ProjectStore::kSchemaVersion) + ")");
    CHECK(ProjectStore::fileSchemaVersion(file) == 99);

    rawExec(file, "PRAGMA user_version = -1;");
    CHECK(contains(openRefused<FileFormatError>(file), "schema version -1"));
}

TEST_CASE("ProjectStore - triggers in a file never run, not even while migrating an old file") {
    TempDir dir;
    const fs::path file = dir / "trap.traza";
    Project p = makeChain(5, 8);
    ProjectStore::save(p, file);
    // Version 0 makes open() run UPDATE actors during the migration: the
    // trigger would delete every flow and write to a new table if it fired.
    rawExec(file,
            "ALTER TABLE assessment DROP COLUMN assessed_on; ALTER TABLE assessment DROP COLUMN reviewer; "
            "ALTER TABLE assessment DROP COLUMN reviewed_on; ALTER TABLE assessment DROP COLUMN series_period; "
            "ALTER TABLE actors DROP COLUMN has_position; DROP TABLE import_rules; DROP TABLE actor_uncertainty; DROP TABLE flow_uncertainty; DROP TABLE findings; DROP TABLE actor_due_diligence; DROP TABLE actor_claims; DROP TABLE flow_claims; DROP TABLE checklist_item_sources; DROP TABLE record_documents; DROP TABLE records; DROP TABLE actor_suspensions; ALTER TABLE checklists DROP COLUMN template; PRAGMA user_version = 0;"
            "CREATE TABLE loot (x TEXT);"
            "CREATE TRIGGER trap AFTER UPDATE ON actors BEGIN DELETE FROM flows; INSERT INTO loot VALUES ('ran'); END;"
            "CREATE TRIGGER trap2 BEFORE DELETE ON flows BEGIN SELECT RAISE(ABORT, 'trigger ran'); END;");
    const std::string bytes = readBytes(file);
    Project back = ProjectStore::open(file);
    CHECK(back.flows.size() == p.flows.size());
    CHECK(back.sameChain(p));
    CHECK(readBytes(file) == bytes);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"trap.traza"});
}

TEST_CASE("ProjectStore - a view in place of a table is refused, an unrelated view is inert") {
    TempDir dir;
    const fs::path file = dir / "view.traza";
    ProjectStore::save(makeChain(4, 4), file);
    rawExec(file, "CREATE VIEW unrelated AS SELECT * FROM flows;");
    CHECK(ProjectStore::open(file).flows.size() == 4);

    rawExec(file,
            "DROP TABLE supports;"
            "CREATE VIEW supports (ord, actor, type, threshold, region, count, beneficiaries, cost, notes) AS"
            " SELECT 0, NULL, 'x', 0, '', 1, 1, 0, '' FROM flows;");
    const std::string message = openRefused<FileFormatError>(file);
    CHECK(contains(message, "supports: is a view, not a table"));
}

TEST_CASE("ProjectStore - a virtual table in the file is refused") {
    TempDir dir;
    const fs::path file = dir / "vtab.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "CREATE VIRTUAL TABLE search USING fts5(body); INSERT INTO search VALUES ('x');");
    CHECK(contains(openRefused<FileFormatError>(file), "search: is a virtual table"));
}

TEST_CASE("ProjectStore - a flow naming a missing actor is refused with its place") {
    TempDir dir;
    const fs::path file = dir / "dangling.traza";
    ProjectStore::save(makeChain(4, 6), file);
    const std::string good = readBytes(file);
    rawExec(file, "UPDATE flows SET to_actor = 77 WHERE ord = 3;");  // foreign keys are off here
    CHECK(openRefused<FileFormatError>(file) ==
          file.string() + " is not a valid Traza project: flows[3].to_actor: refers to actors row 77, which does not exist");

    writeBytes(file, good);
    rawExec(file, "UPDATE goals SET buyer = -5 WHERE ord = 1;");
    CHECK(contains(openRefused<FileFormatError>(file), "goals[1].buyer: refers to actors row -5"));
}

TEST_CASE("ProjectStore - rows that break the project rules are refused with the path validation gives") {
    TempDir dir;
    const fs::path file = dir / "invalid.traza";
    ProjectStore::save(makeChain(4, 6), file);
    const std::string good = readBytes(file);
    rawExec(file, "UPDATE flows SET documented_t = tonnes * 2 WHERE ord = 2;");
    CHECK(contains(openRefused<FileFormatError>(file),
                   file.string() + " holds an invalid project: flows[2].documented_t: must not exceed tonnes"));

    writeBytes(file, good);
    rawExec(file, "UPDATE checklists SET scope = 'nobody' WHERE ord = 1;");
    CHECK(contains(openRefused<FileFormatError>(file), "holds an invalid project: checklists[1].scope"));

    writeBytes(file, good);
    rawExec(file, "UPDATE actors SET stage = 12 WHERE ord = 1;");
    CHECK(contains(openRefused<FileFormatError>(file), "holds an invalid project: actors[1].stage: must be between 1 and 9"));
}

TEST_CASE("ProjectStore - an unknown enumeration value, a wrong type and an orphan row are refused with their place") {
    TempDir dir;
    const fs::path file = dir / "bad.traza";
    ProjectStore::save(makeChain(4, 6), file);
    const std::string good = readBytes(file);

    rawExec(file, "UPDATE flows SET evidence = 'sworn' WHERE ord = 2;");
    CHECK(contains(openRefused<FileFormatError>(file), "flows[2].evidence: unknown value \"sworn\""));

    writeBytes(file, good);
    rawExec(file,
            "DROP TABLE supports;"
            "CREATE TABLE supports (ord INTEGER PRIMARY KEY, actor TEXT, type TEXT, threshold, region TEXT,"
            " count, beneficiaries, cost, notes TEXT);"
            "INSERT INTO supports VALUES (0, NULL, 'equipment', 1, '', 'many', 0, 0, '');");
    CHECK(contains(openRefused<FileFormatError>(file), "supports[0].count: must be an integer"));

    writeBytes(file, good);
    rawExec(file, "INSERT INTO flow_documents VALUES (999, 0, 'certificate');");
    CHECK(contains(openRefused<FileFormatError>(file), "refers to flows row 999, which does not exist"));

    writeBytes(file, good);
    rawExec(file, "DELETE FROM assessment;");
    CHECK(contains(openRefused<FileFormatError>(file), "assessment: must hold exactly one row (found 0)"));
}

TEST_CASE("ProjectStore - a catalogue text nested absurdly deep is refused before it is parsed") {
    TempDir dir;
    const fs::path file = dir / "deep.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "UPDATE catalogue SET json = '{\"entries\": [], \"x\": ' || replace(hex(zeroblob(200000)), '00', '[')"
                  " || ' ' || replace(hex(zeroblob(200000)), '00', ']') || '}' WHERE stem = 'red_flag_rules';");
    CHECK(contains(openRefused<FileFormatError>(file), "is nested deeper than 64 levels"));
}

TEST_CASE("ProjectStore - a file left in WAL mode by another program opens without side files") {
    TempDir dir;
    const fs::path file = dir / "wal.traza";
    Project p = makeChain(4, 5);
    ProjectStore::save(p, file);
    rawExec(file, "PRAGMA journal_mode = WAL;");
    REQUIRE(listFolder(dir.path()) == std::vector<std::string>{"wal.traza"});
    const std::string bytes = readBytes(file);
    REQUIRE(bytes[18] == 2);
    CHECK(sameProject(ProjectStore::open(file), p));
    CHECK(readBytes(file) == bytes);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"wal.traza"});
}
