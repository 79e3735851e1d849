// Where a checklist answer came from (issue #18): ChecklistItem::source in the
// .traza file (schema 7, migrated from 6) and in chain JSON (written only when
// not empty).
#include <catch2/catch.hpp>

#include "chain_json.h"
#include "project_store.h"
#include "project_store_fixtures.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {

Project withSources() {
    Project p = makeChain(4, 6);
    ChecklistItem typed;
    typed.id = "2.1";
    typed.status = ItemStatus::Done;
    ChecklistItem answered = typed;
    answered.id = "2.2";
    answered.source = "questionnaire q-org1.xlsx 2026-12-03";
    p.checklists = {{p.actors[0].id, {typed, answered}}};
    return p;
}

}  // namespace

TEST_CASE("Answer source - kept by the project file, only for the items that have one") {
    TempDir dir;
    const fs::path file = dir / "p.traza";
    ProjectStore::save(withSources(), file);
    const Project back = ProjectStore::open(file);
    REQUIRE(back.checklists.size() == 1);
    CHECK(back.checklists[0].items[0].source.empty());
    CHECK(back.checklists[0].items[1].source == "questionnaire q-org1.xlsx 2026-12-03");
    CHECK(back.checklists == withSources().checklists);
}

TEST_CASE("Answer source - a version 7 file opens with every answer typed in the workbench") {
    TempDir dir;
    const fs::path file = dir / "v7.traza";
    Project p = withSources();
    p.checklists[0].items[1].source.clear();
    ProjectStore::save(p, file);
    rawExec(file, asSchemaVersion(7));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 7);
    const Project back = ProjectStore::open(file);
    CHECK(back.checklists == p.checklists);
    ProjectStore::save(back, file);
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
}

TEST_CASE("Answer source - chain JSON writes it only when set and reads it back") {
    const Project p = withSources();
    const std::string text = projectToJson(p);
    CHECK(text.find("\"source\": \"questionnaire q-org1.xlsx 2026-12-03\"") != std::string::npos);
    CHECK(text.find("\"source\": \"\"") == std::string::npos);  // the typed item has none
    const Project back = projectFromJson(text, p.catalogue);
    CHECK(back.checklists == p.checklists);
}
