// Moving objects within a list on the server (schema version 3): a move
// writes the moved row alone, so two users' moves of different objects both
// land, and a move of one object by both is refused once; and the migration
// of a version-2 database. Needs the ctest fixture pg_cluster.
#include <catch2/catch.hpp>

#include <algorithm>

#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include "order_keys.h"
#include "server_fixture.h"
#include "server_schema.h"

using namespace traza;
using traza::test::uri;

namespace {

model::Project moved(model::Project p, std::size_t from, std::size_t to) {
    model::Flow f = p.flows.at(from);
    p.flows.erase(p.flows.begin() + static_cast<std::ptrdiff_t>(from));
    p.flows.insert(p.flows.begin() + static_cast<std::ptrdiff_t>(to), f);
    return p;
}

std::vector<std::string> flowIds(const model::Project& p) {
    std::vector<std::string> ids;
    for (const model::Flow& f : p.flows) ids.push_back(f.id);
    return ids;
}

model::Project rereadOrder(const std::string& project, const std::string& database = "traza") {
    return model::ServerProject(model::ServerLocation(uri("traza_admin", project, database)), test::catalogue()).takeProject();
}

// Audit rows of `project` written under `label` (earlier runs' projects of that name had other ids).
int auditRows(const std::string& project, const std::string& label, const std::string& database = "traza") {
    pqxx::connection admin(test::connection("traza_admin", database));
    pqxx::read_transaction tx(admin);
    return tx.exec_params1("SELECT count(*) FROM traza.audit WHERE label = $1 AND project_id = "
                           "(SELECT id FROM traza.projects WHERE name = $2)",
                           label, project)[0]
        .as<int>();
}

}  // namespace

TEST_CASE("ServerProject - two users moving different flows of one list both land, each move one row", "[moves]") {
    test::pushCare("moves");
    model::ServerProject alice(model::ServerLocation(uri("alice", "moves")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "moves")), test::catalogue());
    const std::vector<std::string> s = flowIds(alice.project());
    REQUIRE(s.size() >= 9);
    // Alice puts the 2nd flow after the 6th; Bob, who has not seen that, the 8th before the 4th.
    alice.commitCommand(alice.project(), moved(alice.project(), 1, 5), "Alice moves a flow");
    bob.commitCommand(bob.project(), moved(bob.project(), 7, 3), "Bob moves a flow");
    std::vector<std::string> expected{s[0], s[2], s[7], s[3], s[4], s[5], s[1], s[6]};
    expected.insert(expected.end(), s.begin() + 8, s.end());
    CHECK(flowIds(rereadOrder("moves")) == expected);
    CHECK(auditRows("moves", "Alice moves a flow") == 1);
    CHECK(auditRows("moves", "Bob moves a flow") == 1);
    // Bob's client takes in Alice's move and agrees.
    bob.listen();
    bob.poll(std::chrono::milliseconds(100));
    CHECK(flowIds(bob.project()) == expected);
}

TEST_CASE("ServerProject - removing a flow leaves the ones after it alone: an edit of a later one lands", "[moves]") {
    test::pushCare("remove-middle");
    model::ServerProject alice(model::ServerLocation(uri("alice", "remove-middle")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "remove-middle")), test::catalogue());
    const std::vector<std::string> s = flowIds(alice.project());
    model::Project fewer = alice.project();
    const std::string gone = fewer.flows.at(2).id;
    fewer.flows.erase(fewer.flows.begin() + 2);
    alice.commitCommand(alice.project(), fewer, "Alice removes a flow");
    model::Project edited = bob.project();
    edited.flows.at(10).notes = "Checked by Bob";
    bob.commitCommand(bob.project(), edited, "Bob edits a later flow");
    const model::Project now = rereadOrder("remove-middle");
    REQUIRE(now.flows.size() == s.size() - 1);
    CHECK(now.flows.at(9).id == s[10]);
    CHECK(now.flows.at(9).notes == "Checked by Bob");
    const std::vector<std::string> ids = flowIds(now);
    CHECK(std::find(ids.begin(), ids.end(), gone) == ids.end());
}

TEST_CASE("ServerProject - one flow moved by two users at once: the second move is refused, naming it", "[move_conflict]") {
    test::pushCare("move-conflict");
    model::ServerProject alice(model::ServerLocation(uri("alice", "move-conflict")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "move-conflict")), test::catalogue());
    const std::vector<std::string> s = flowIds(alice.project());
    alice.commitCommand(alice.project(), moved(alice.project(), 4, 0), "Alice moves it first");
    try {
        bob.commitCommand(bob.project(), moved(bob.project(), 4, s.size() - 1), "Bob moves it last");
        FAIL("the second move of one flow was accepted");
    } catch (const model::ServerConflict& e) {
        const std::string m = e.what();
        INFO(m);
        CHECK(m.find("flow \"" + s[4] + "\"") != std::string::npos);
        CHECK(m.find("alice") != std::string::npos);
        CHECK(m.find("Alice moves it first") != std::string::npos);
    }
    CHECK(flowIds(rereadOrder("move-conflict")).front() == s[4]);
    CHECK(auditRows("move-conflict", "Bob moves it last") == 0);
}

TEST_CASE("ServerProject - moves into one gap until it runs out renumber the list, then one row again", "[renumber]") {
    test::pushCare("renumber");
    model::ServerProject alice(model::ServerLocation(uri("alice", "renumber")), test::catalogue());
    // Moving the last flow to second place again and again halves one gap each time.
    for (int i = 0; i < 25; ++i) {
        const model::Project& p = alice.project();
        alice.commitCommand(p, moved(p, p.flows.size() - 1, 1), "Squeeze " + std::to_string(i));
    }
    CHECK(auditRows("renumber", "Renumber the flow list") > 0);
    for (int i = 0; i < 25; ++i) CHECK(auditRows("renumber", "Squeeze " + std::to_string(i)) == 1);
    CHECK(flowIds(rereadOrder("renumber")) == flowIds(alice.project()));
}

TEST_CASE("initServerSchema - a version-2 database is migrated to version 3: lists spaced, nothing audited", "[migration_v3]") {
    {
        pqxx::connection admin(test::connection("traza_admin", "postgres"));
        pqxx::nontransaction tx(admin);
        tx.exec("DROP DATABASE IF EXISTS traza_v2");
        tx.exec("CREATE DATABASE traza_v2");
    }
    const model::ServerLocation at(uri("traza_admin", "old", "traza_v2"));
    CHECK(model::initServerSchema(at, {}, 2) == 0);
    const model::Project care =
        model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", test::catalogue());
    {
        // A project as version 2 wrote it: each list numbered 0, 1, 2, ...
        pqxx::connection admin(test::connection("traza_admin", "traza_v2"));
        pqxx::work tx(admin);
        const auto id = tx.exec1("INSERT INTO traza.projects (name) VALUES ('old') RETURNING id")[0].as<std::int64_t>();
        for (const auto& [key, row] : model::projectObjects(care)) {
            const std::int64_t dense = row.ordinal == 0 ? 0 : row.ordinal / model::kOrderGap - 1;
            tx.exec_params("INSERT INTO traza.objects (project_id, kind, id, ordinal, body) VALUES ($1, $2, $3, $4, $5::jsonb)", id,
                           key.first, key.second, dense, row.body);
        }
        tx.commit();
    }
    const int audited = auditRows("old", "(no label)", "traza_v2");
    CHECK_THROWS_WITH(model::ServerProject(at, test::catalogue()),
                      Catch::Contains("schema version 2") && Catch::Contains("server init"));
    CHECK(model::initServerSchema(at, {}, 3) == 2);
    pqxx::connection admin(test::connection("traza_admin", "traza_v2"));
    CHECK(model::serverSchemaVersion(admin) == 3);
    {
        pqxx::read_transaction tx(admin);
        const pqxx::result r = tx.exec("SELECT id, ordinal FROM traza.objects WHERE kind = 'flow' ORDER BY ordinal");
        REQUIRE(r.size() == care.flows.size());
        for (std::size_t i = 0; i < care.flows.size(); ++i) {
            CHECK(r[i][0].as<std::string>() == care.flows[i].id);
            CHECK(r[i][1].as<std::int64_t>() == static_cast<std::int64_t>(i + 1) * 1048576);  // (index + 1) * 2^20
        }
        CHECK(tx.exec1("SELECT count(*) FROM traza.audit")[0].as<int>() == audited);  // renumbering changes no object
    }
    // Version 4: the bodies become json, holding jsonb's text of them (keys
    // reordered, spaces after ':' and ','); the project reads back the same,
    // and pushing it again finds nothing changed.
    CHECK(model::initServerSchema(at) == 3);
    CHECK(model::serverSchemaVersion(admin) == 4);
    {
        pqxx::read_transaction tx(admin);
        CHECK(tx.exec1("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                       " WHERE attrelid = 'traza.objects'::regclass AND attname = 'body'")[0]
                  .as<std::string>() == "json");
        CHECK(tx.exec1("SELECT count(*) FROM traza.objects WHERE body::text LIKE '{\"%\": %'")[0].as<int>() > 0);
        CHECK(tx.exec1("SELECT count(*) FROM traza.audit")[0].as<int>() == audited);  // the conversion changes no object
    }
    CHECK(rereadOrder("old", "traza_v2").sameChain(care));
    model::ServerProject::saveWhole(care, at, "Push after migration");
    CHECK(auditRows("old", "Push after migration", "traza_v2") == 0);
    // A move now writes one row; a further init changes nothing.
    model::ServerProject alice(at, test::catalogue());
    alice.commitCommand(alice.project(), moved(alice.project(), 0, 3), "Move after migration");
    CHECK(auditRows("old", "Move after migration", "traza_v2") == 1);
    CHECK(model::initServerSchema(at) == 4);
}
