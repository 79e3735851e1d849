// What chain JSON does not carry, kept on the server (schema version 2): the
// canvas positions of actors and the remembered spreadsheet column rules, and
// the migration of a version-1 database. Needs the ctest fixture pg_cluster.
#include <catch2/catch.hpp>

#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include "server_fixture.h"
#include "server_schema.h"

using namespace traza;
using traza::test::uri;

namespace {

model::Project rereadLayout(const std::string& project) {
    return model::ServerProject(model::ServerLocation(uri("traza_admin", project)), test::catalogue()).takeProject();
}

model::Project placed(model::Project p) {
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
        p.actors[i].hasPosition = i != 3;  // one actor never placed
        p.actors[i].x = 10.25 * static_cast<double>(i) + 0.1;
        p.actors[i].y = -3.5 * static_cast<double>(i);
    }
    p.importRules.add({"Kg entregados", "tonnes", 0.001});
    p.importRules.add({"Observaciones", "", 1});
    return p;
}

void checkSameLayout(const model::Project& got, const model::Project& want) {
    REQUIRE(got.actors.size() == want.actors.size());
    for (std::size_t i = 0; i < want.actors.size(); ++i) {
        INFO(want.actors[i].id);
        CHECK(got.actors[i].hasPosition == want.actors[i].hasPosition);
        if (!want.actors[i].hasPosition) continue;
        CHECK(got.actors[i].x == want.actors[i].x);  // exact: the JSON numbers round-trip
        CHECK(got.actors[i].y == want.actors[i].y);
    }
    CHECK(got.importRules == want.importRules);
}

std::int64_t count(const std::string& project, const std::string& kind) {
    pqxx::connection admin(test::connection("traza_admin"));
    pqxx::read_transaction tx(admin);
    return tx
        .exec_params1("SELECT count(*) FROM traza.objects o JOIN traza.projects p ON p.id = o.project_id"
                      " WHERE p.name = $1 AND o.kind = $2",
                      project, kind)[0]
        .as<std::int64_t>();
}

}  // namespace

TEST_CASE("ServerProject - positions and column rules are kept as their own rows", "[layout]") {
    const model::Project care = test::pushCare("layout");
    const model::Project want = placed(care);
    model::ServerProject::saveWhole(want, model::ServerLocation(uri("alice", "layout")), "place");
    CHECK(count("layout", "position") == static_cast<std::int64_t>(care.actors.size()) - 1);
    CHECK(count("layout", "import_rules") == 1);
    checkSameLayout(rereadLayout("layout"), want);
    // Chain data unchanged by the layout rows.
    CHECK(rereadLayout("layout").sameChain(care));

    // Alice moves actor 5 while Bob renames it: both land (a position is not the actor's row).
    model::ServerProject alice(model::ServerLocation(uri("alice", "layout")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "layout")), test::catalogue());
    model::Project moved = alice.project();
    moved.actors[5].x = 999.5;
    alice.commitCommand(alice.project(), moved, "Move actor");
    model::Project renamed = bob.project();
    renamed.actors[5].name = "Renamed by Bob";
    CHECK_NOTHROW(bob.commitCommand(bob.project(), renamed, "Rename actor"));
    const model::Project both = rereadLayout("layout");
    CHECK(both.actors[5].x == 999.5);
    CHECK(both.actors[5].name == "Renamed by Bob");
    // Two moves of the same actor: the second is refused.
    model::Project alsoMoved = bob.project();
    alsoMoved.actors[5].x = 1.0;
    CHECK_THROWS_AS(bob.commitCommand(bob.project(), alsoMoved, "Move too"), model::ServerConflict);
    // Changed rules and an unplaced actor go to the server too.
    model::Project fewer = alice.project();
    fewer.actors[0].hasPosition = false;
    fewer.importRules = {};
    alice.commitCommand(alice.project(), fewer, "Forget");
    CHECK(count("layout", "import_rules") == 0);
    CHECK_FALSE(rereadLayout("layout").actors[0].hasPosition);
}

TEST_CASE("ServerProject - a bad position or rule is named by location and object", "[layout]") {
    test::pushCare("layout-bad");
    model::ServerProject::saveWhole(placed(test::pushCare("layout-bad")), model::ServerLocation(uri("alice", "layout-bad")), "place");
    pqxx::connection admin(test::connection("traza_admin"));
    {
        pqxx::work tx(admin);
        tx.exec("UPDATE traza.objects SET body = '[{\"header\":\"x\",\"field\":\"tonnes\",\"factor\":0}]'"
                " WHERE kind = 'import_rules' AND project_id = (SELECT id FROM traza.projects WHERE name = 'layout-bad')");
        tx.commit();
    }
    CHECK_THROWS_WITH(rereadLayout("layout-bad"), Catch::Contains("project=layout-bad: import_rules (import_rules[0].factor)") &&
                                                 Catch::Contains("positive"));
    {
        pqxx::work tx(admin);
        tx.exec("UPDATE traza.objects SET body = '[]' WHERE kind = 'import_rules'"
                " AND project_id = (SELECT id FROM traza.projects WHERE name = 'layout-bad')");
        tx.exec("UPDATE traza.objects SET body = '{\"x\":\"left\",\"y\":1}' WHERE kind = 'position' AND id = 'org1'"
                " AND project_id = (SELECT id FROM traza.projects WHERE name = 'layout-bad')");
        tx.commit();
    }
    CHECK_THROWS_WITH(rereadLayout("layout-bad"), Catch::Contains("position \"org1\" (x): must be a finite number"));
    // The database itself refuses a kind it does not know.
    pqxx::work tx(admin);
    CHECK_THROWS(tx.exec("INSERT INTO traza.objects (project_id, kind, id, ordinal, body)"
                         " SELECT id, 'colour', 'x', 0, '{}' FROM traza.projects WHERE name = 'layout-bad'"));
}

TEST_CASE("initServerSchema - a version-1 database is migrated to the current version, its projects kept", "[migration]") {
    {
        pqxx::connection admin(test::connection("traza_admin", "postgres"));
        pqxx::nontransaction tx(admin);
        tx.exec("DROP DATABASE IF EXISTS traza_v1");
        tx.exec("CREATE DATABASE traza_v1");
    }
    const model::ServerLocation at(uri("traza_admin", "old", "traza_v1"));
    CHECK(model::initServerSchema(at, {}, 1) == 0);
    const model::Project care =
        model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", test::catalogue());
    {
        // A project as version 1 wrote it: its chain JSON rows only.
        pqxx::connection admin(test::connection("traza_admin", "traza_v1"));
        CHECK(model::serverSchemaVersion(admin) == 1);
        pqxx::work tx(admin);
        const auto id = tx.exec1("INSERT INTO traza.projects (name) VALUES ('old') RETURNING id")[0].as<std::int64_t>();
        for (const auto& [key, row] : model::projectObjects(care))
            tx.exec_params("INSERT INTO traza.objects (project_id, kind, id, ordinal, body) VALUES ($1, $2, $3, $4, $5::jsonb)", id,
                           key.first, key.second, row.ordinal, row.body);
        tx.commit();
    }
    CHECK_THROWS_WITH(model::ServerProject(at, test::catalogue()),
                      Catch::Contains("schema version 1") && Catch::Contains("server init"));
    CHECK(model::initServerSchema(at) == 1);
    pqxx::connection admin(test::connection("traza_admin", "traza_v1"));
    CHECK(model::serverSchemaVersion(admin) == model::kServerSchemaVersion);
    CHECK(model::ServerProject(at, test::catalogue()).project().sameChain(care));
    // Now it keeps positions; and a second init changes nothing.
    model::ServerProject::saveWhole(placed(care), at, "place");
    checkSameLayout(model::ServerProject(at, test::catalogue()).project(), placed(care));
    CHECK(model::initServerSchema(at) == model::kServerSchemaVersion);
    // One newer than this Traza is still refused.
    {
        pqxx::work tx(admin);
        tx.exec("UPDATE traza.schema_version SET version = " + std::to_string(model::kServerSchemaVersion + 1));
        tx.commit();
    }
    CHECK_THROWS_AS(model::ServerProject(at, test::catalogue()), FutureVersionError);
    CHECK_THROWS_AS(model::initServerSchema(at), FutureVersionError);
}
