// ProjectStore: round trips, atomic save, failures at every step, migrations.
// Hostile and damaged files are in project_store_hostile_test.cpp.
#include <catch2/catch.hpp>

#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "sqlite_migrations.h"
#include "validation.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {
// Resets the fault injector even when a test fails half-way.
struct InjectorGuard {
    ~InjectorGuard() { ProjectStore::setFaultInjector(nullptr); }
};

const char* stepName(ProjectStore::SaveStep s) {
    switch (s) {
    case ProjectStore::SaveStep::CreateTemp: return "CreateTemp";
    case ProjectStore::SaveStep::WriteRows: return "WriteRows";
    case ProjectStore::SaveStep::Commit: return "Commit";
    case ProjectStore::SaveStep::Fsync: return "Fsync";
    case ProjectStore::SaveStep::Rename: return "Rename";
    }
    return "?";
}
}  // namespace

TEST_CASE("ProjectStore - a saved chain opens equal, with positions, risk factors and catalogue texts") {
    TempDir dir;
    Project p = makeChain(40, 300);
    REQUIRE(validateProject(p).empty());
    REQUIRE(p.catalogue.texts().size() >= Catalogue::requiredFiles().size());
    const fs::path file = dir / "cadena ñ.traza";
    ProjectStore::save(p, file);

    Project back = ProjectStore::open(file);
    CHECK(back.sameChain(p));
    CHECK(sameProject(back, p));
    CHECK(back.actors[4].riskFactors == p.actors[4].riskFactors);
    CHECK(back.flows[299].documents == p.flows[299].documents);
    CHECK(back.catalogue.riskFactors.size() == p.catalogue.riskFactors.size());
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
    // Nothing but the file is left in the folder (no temp, journal or WAL file).
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"cadena ñ.traza"});
}

TEST_CASE("ProjectStore - a position change alone is saved (sameChain ignores it, the file does not)") {
    TempDir dir;
    Project p = makeChain(5, 6);
    p.actors[0].hasPosition = true;
    p.actors[0].x = 1e-300;
    p.actors[0].y = -123456.789;
    ProjectStore::save(p, dir / "p.traza");
    Project back = ProjectStore::open(dir / "p.traza");
    CHECK(back.actors[0].hasPosition);
    CHECK(back.actors[0].x == 1e-300);
    CHECK(back.actors[0].y == -123456.789);
}

TEST_CASE("ProjectStore - list order is kept, not sorted by id") {
    TempDir dir;
    Project p = makeChain(6, 10);
    std::reverse(p.flows.begin(), p.flows.end());
    std::swap(p.actors[0], p.actors[5]);
    std::reverse(p.checklists.begin(), p.checklists.end());
    std::reverse(p.actors[3].riskFactors.begin(), p.actors[3].riskFactors.end());
    ProjectStore::save(p, dir / "p.traza");
    Project back = ProjectStore::open(dir / "p.traza");
    REQUIRE(back.flows.size() == p.flows.size());
    for (std::size_t i = 0; i < p.flows.size(); ++i) CHECK(back.flows[i].id == p.flows[i].id);
    CHECK(back.actors[0].id == p.actors[0].id);
    CHECK(back.checklists.front().scope == p.checklists.front().scope);
    CHECK(sameProject(back, p));
}

TEST_CASE("ProjectStore - an empty project without catalogue round-trips") {
    TempDir dir;
    Project p;
    ProjectStore::save(p, dir / "empty.traza");
    Project back = ProjectStore::open(dir / "empty.traza");
    CHECK(sameProject(back, p));
    CHECK(back.catalogue.texts().empty());
}

TEST_CASE("ProjectStore - saving again replaces the file and keeps its permissions") {
    TempDir dir;
    const fs::path file = dir / "p.traza";
    ProjectStore::save(makeChain(4, 3), file);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    Project second = makeChain(7, 20);
    ProjectStore::save(second, file);
    CHECK(sameProject(ProjectStore::open(file), second));
    CHECK((fs::status(file).permissions() & fs::perms::all) ==
          (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"p.traza"});
}

TEST_CASE("ProjectStore - a failure at any save step leaves the previous file byte-identical and no temp file") {
    InjectorGuard guard;
    const auto failing = GENERATE(ProjectStore::SaveStep::CreateTemp, ProjectStore::SaveStep::WriteRows,
                                  ProjectStore::SaveStep::Commit, ProjectStore::SaveStep::Fsync,
                                  ProjectStore::SaveStep::Rename);
    const bool nonStandard = GENERATE(false, true);  // also an exception not derived from std::exception
    INFO("failing step " << stepName(failing) << (nonStandard ? " (non-standard exception)" : ""));
    TempDir dir;
    const fs::path file = dir / "p.traza";
    Project before = makeChain(10, 50);
    ProjectStore::save(before, file);
    const std::string bytes = readBytes(file);

    std::vector<ProjectStore::SaveStep> seen;
    ProjectStore::setFaultInjector([&](ProjectStore::SaveStep s) {
        seen.push_back(s);
        if (s != failing) return;
        if (nonStandard) throw 42;
        throw std::runtime_error("injected failure");
    });
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(12, 80), file); });
    ProjectStore::setFaultInjector(nullptr);

    CHECK(message.find("could not save " + file.string()) == 0);
    CHECK(message.find(nonStandard ? "unknown error" : "injected failure") != std::string::npos);
    CHECK(seen.back() == failing);
    CHECK(seen.size() == static_cast<std::size_t>(failing) + 1);  // steps run in order, none skipped
    CHECK(readBytes(file) == bytes);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"p.traza"});
    CHECK(sameProject(ProjectStore::open(file), before));
}

TEST_CASE("ProjectStore - a save with no previous file that fails leaves nothing behind") {
    InjectorGuard guard;
    TempDir dir;
    ProjectStore::setFaultInjector([](ProjectStore::SaveStep s) {
        if (s == ProjectStore::SaveStep::Rename) throw std::runtime_error("power cut");
    });
    CHECK_THROWS_AS(ProjectStore::save(makeChain(3, 3), dir / "new.traza"), IoError);
    CHECK(listFolder(dir.path()).empty());
}

TEST_CASE("ProjectStore - saving into a folder that does not exist fails with IoError naming the file") {
    TempDir dir;
    const fs::path missing = dir / "no-such-folder" / "p.traza";
    std::string message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(3, 2), missing); });
    CHECK(message.find("could not save " + missing.string() + ": ") == 0);
    CHECK(message.find("No such file or directory") != std::string::npos);

    // A file where a folder is expected fails the same way, even for root.
    writeBytes(dir / "plain-file", "x");
    const fs::path underFile = dir / "plain-file" / "p.traza";
    message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(3, 2), underFile); });
    CHECK(message.find("could not save " + underFile.string() + ": ") == 0);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"plain-file"});
}

TEST_CASE("ProjectStore - saving over a folder fails at the rename and removes the temp file") {
    TempDir dir;
    const fs::path target = dir / "p.traza";
    fs::create_directory(target);
    writeBytes(target / "inside", "keep me");
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(3, 2), target); });
    CHECK(message.find("could not save " + target.string() + ": cannot replace the file") == 0);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"p.traza"});
    CHECK(readBytes(target / "inside") == "keep me");
}

TEST_CASE("ProjectStore - a project with a dangling reference or a duplicate id is not saved") {
    TempDir dir;
    const fs::path file = dir / "p.traza";
    Project good = makeChain(4, 4);
    ProjectStore::save(good, file);
    const std::string bytes = readBytes(file);
    Project bad = good;
    bad.flows[2].to = "nobody";
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(bad, file); });
    CHECK(message == "could not save " + file.string() + ": flows[2].to: no actor has id \"nobody\"");
    CHECK(readBytes(file) == bytes);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"p.traza"});

    // A duplicate id fails inside SQLite (UNIQUE), after rows were written.
    Project duplicate = good;
    duplicate.flows[3].id = duplicate.flows[1].id;
    CHECK(thrownMessage<IoError>([&] { ProjectStore::save(duplicate, file); }) ==
          "could not save " + file.string() + ": UNIQUE constraint failed: flows.id");
    CHECK(readBytes(file) == bytes);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"p.traza"});
}

TEST_CASE("ProjectStore - saving through a symbolic link replaces the linked file, not the link") {
    TempDir dir;
    ProjectStore::save(makeChain(3, 2), dir / "real.traza");
    fs::create_symlink(dir / "real.traza", dir / "link.traza");
    Project p = makeChain(5, 9);
    ProjectStore::save(p, dir / "link.traza");
    CHECK(fs::is_symlink(dir / "link.traza"));
    CHECK(sameProject(ProjectStore::open(dir / "real.traza"), p));
}

TEST_CASE("ProjectStore - migration steps lead from the oldest readable version to the current one without gaps") {
    const auto& steps = sqlite::migrationSteps();
    REQUIRE_FALSE(steps.empty());
    CHECK(sqlite::oldestReadableVersion() == 0);
    for (std::size_t i = 0; i < steps.size(); ++i)
        CHECK(steps[i].fromVersion == sqlite::oldestReadableVersion() + static_cast<int>(i));
    CHECK(steps.back().fromVersion + 1 == ProjectStore::kSchemaVersion);
}

TEST_CASE("ProjectStore - a version 0 file is migrated in memory and the file stays untouched") {
    TempDir dir;
    const fs::path file = dir / "old.traza";
    Project p = makeChain(6, 12);
    // Version 0 had no has_position column: (0, 0) meant "not placed".
    p.actors[0].hasPosition = false;
    p.actors[0].x = p.actors[0].y = 0;
    p.actors[1].hasPosition = true;
    p.actors[1].x = 0;
    p.actors[1].y = 42.5;
    ProjectStore::save(p, file);
    rawExec(file, asSchemaVersion(0));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 0);
    const std::string bytes = readBytes(file);

    Project back = ProjectStore::open(file);
    CHECK(sameProject(back, p));
    CHECK_FALSE(back.actors[0].hasPosition);
    CHECK(back.actors[1].hasPosition);
    CHECK(readBytes(file) == bytes);
    CHECK(ProjectStore::fileSchemaVersion(file) == 0);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"old.traza"});

    // Saving writes the current version.
    ProjectStore::save(back, file);
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
    CHECK(sameProject(ProjectStore::open(file), p));
}

TEST_CASE("ProjectStore - a version 0 file whose shape does not match version 0 is refused, not half-migrated") {
    TempDir dir;
    const fs::path file = dir / "odd.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "PRAGMA user_version = 0;");  // claims version 0 but already has has_position
    const std::string message = thrownMessage<FileFormatError>([&] { ProjectStore::open(file); });
    CHECK(message.find(file.string() + " is damaged or is not a Traza project file") == 0);
    CHECK(message.find("has_position") != std::string::npos);
}

TEST_CASE("ProjectStore - the spreadsheet column rules are saved, and a version 1 file opens with none") {
    TempDir dir;
    const fs::path file = dir / "rules.traza";
    Project p = makeChain(3, 2);
    p.importRules.add({"Kg entregados", "tonnes", 0.001});
    p.importRules.add({"Observaciones", "", 1});
    ProjectStore::save(p, file);
    const Project back = ProjectStore::open(file);
    CHECK(back.importRules == p.importRules);
    CHECK(back.importRules.toText() == "Kg entregados=tonnes/1000\nObservaciones=ignore\n");

    // Version 1 had no import_rules table.
    rawExec(file, asSchemaVersion(1));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 1);
    const Project old = ProjectStore::open(file);
    CHECK(old.importRules.empty());
    CHECK(sameProject(old, makeChain(3, 2)));
}

TEST_CASE("ProjectStore - the assessment's sign-off is saved, and a version 2 file opens without one") {
    TempDir dir;
    const fs::path file = dir / "signed.traza";
    Project p = makeChain(3, 2);
    p.assessment.assessedOn = "2026-03-02";
    p.assessment.reviewer = "R. Revisora";
    p.assessment.reviewedOn = "2026-03-09";
    ProjectStore::save(p, file);
    CHECK(ProjectStore::open(file).assessment == p.assessment);

    // Version 2 (before issue 16) had no sign-off columns.
    rawExec(file, asSchemaVersion(2));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 2);
    const Project old = ProjectStore::open(file);
    CHECK(old.assessment.reviewer.empty());
    CHECK(old.assessment.assessedOn.empty());
    CHECK(old.assessment.reviewedOn.empty());
    CHECK(sameProject(old, makeChain(3, 2)));
}

TEST_CASE("ProjectStore - uncertainty is saved, and a version 3 file opens with every figure exact") {
    TempDir dir;
    const fs::path file = dir / "uncertain.traza";
    Project p = makeChain(6, 10);
    p.actors[1].stockChangeSdT = 2.5;
    p.actors[3].lossSdT = 0.125;
    p.flows[2].sdT = 17.25;
    p.flows[5].tonnesUnknown = true;
    p.flows[5].tonnes = 0;
    p.flows[5].documentedT = 0;
    REQUIRE(validateProject(p).empty());
    ProjectStore::save(p, file);
    const Project back = ProjectStore::open(file);
    CHECK(sameProject(back, p));
    CHECK(back.actors[1].stockChangeSdT == 2.5);
    CHECK(back.actors[3].lossSdT == 0.125);
    CHECK(back.flows[2].sdT == 17.25);
    CHECK(back.flows[5].tonnesUnknown);
    CHECK_FALSE(back.flows[4].tonnesUnknown);

    // Version 3 had no uncertainty tables: the migration adds them, empty.
    const fs::path old = dir / "v2.traza";
    ProjectStore::save(makeChain(6, 10), old);
    rawExec(old, asSchemaVersion(3));
    REQUIRE(ProjectStore::fileSchemaVersion(old) == 3);
    const Project migrated = ProjectStore::open(old);
    CHECK(sameProject(migrated, makeChain(6, 10)));
    for (const Flow& f : migrated.flows) CHECK((f.sdT == 0 && !f.tonnesUnknown));
    ProjectStore::save(migrated, old);
    CHECK(ProjectStore::fileSchemaVersion(old) == ProjectStore::kSchemaVersion);
    CHECK(sameProject(ProjectStore::open(old), makeChain(6, 10)));
}

TEST_CASE("ProjectStore - an uncertainty row of a flow that does not exist is refused with its place") {
    TempDir dir;
    const fs::path file = dir / "bad.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "INSERT INTO flow_uncertainty VALUES (77, 1.5, 0);");
    const std::string message = thrownMessage<Error>([&] { ProjectStore::open(file); });
    CHECK(message.find("flow_uncertainty[0].flow") != std::string::npos);
}
