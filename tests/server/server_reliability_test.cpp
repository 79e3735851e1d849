// What a shared store must survive (issue #22): a client killed mid-transaction,
// the server restarting under a client, a reviewer trying to write, a database
// from a newer Traza, and passwords kept out of every message.
#include <catch2/catch.hpp>

#include <csignal>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include "server_fixture.h"
#include "server_rows.h"
#include "server_schema.h"

using namespace traza;
using traza::test::uri;

namespace {

model::Project renamedProject(model::Project p, std::size_t actor, const std::string& name) {
    p.actors.at(actor).name = name;
    return p;
}

model::Project rereadAfterFailure(const std::string& project) {
    return model::ServerProject(model::ServerLocation(uri("traza_admin", project)), test::catalogue()).takeProject();
}

}  // namespace

TEST_CASE("ServerProject - a client killed mid-transaction leaves nothing written", "[sigkill]") {
    const model::Project care = test::pushCare("sigkill");
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The child writes two objects inside a transaction, says so, and waits to be killed.
        pqxx::connection c(test::connection("alice"));
        pqxx::work tx(c);
        const std::int64_t id = *model::findProjectId(tx, "sigkill");
        model::ObjectRows rows;
        model::ObjectVersions versions;
        model::readRows(tx, id, rows, versions, true);
        model::setCommandLabel(tx, "killed");
        const model::Project p = renamedProject(renamedProject(care, 0, "half"), 1, "written");
        model::writeRows(tx, id, model::objectChanges(rows, model::projectObjects(p)), &versions, versions);
        (void)!::write(ready[1], "x", 1);
        for (;;) ::pause();
    }
    char x = 0;
    REQUIRE(::read(ready[0], &x, 1) == 1);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    ::close(ready[0]);
    ::close(ready[1]);
    const model::Project after = rereadAfterFailure("sigkill");
    CHECK(after.actors[0].name == care.actors[0].name);
    CHECK(after.actors[1].name == care.actors[1].name);
    // Another client edits the same objects: the dead one's locks are gone.
    model::ServerProject bob(model::ServerLocation(uri("bob", "sigkill")), test::catalogue());
    bob.commitCommand(bob.project(), renamedProject(bob.project(), 0, "Bob after the kill"), "after kill");
    CHECK(rereadAfterFailure("sigkill").actors[0].name == "Bob after the kill");
    pqxx::connection admin(test::connection("traza_admin"));
    pqxx::read_transaction tx(admin);
    CHECK(tx.exec1("SELECT count(*) FROM traza.audit WHERE label = 'killed'")[0].as<int>() == 0);
}

TEST_CASE("ServerProject - a server restarted under a client: command retried, then refused while down", "[restart]") {
    test::pushCare("restart");
    model::ServerProject alice(model::ServerLocation(uri("alice", "restart")), test::catalogue());
    alice.listen();
    test::cluster("restart");
    // The connection died with the server; the command reconnects and is retried once.
    alice.commitCommand(alice.project(), renamedProject(alice.project(), 0, "After restart"), "after restart");
    CHECK(rereadAfterFailure("restart").actors[0].name == "After restart");
    // A server that stays down: a clear error saying the command was not saved.
    test::cluster("down");
    const model::Project wanted = renamedProject(alice.project(), 1, "While down");
    try {
        alice.commitCommand(alice.project(), wanted, "while down");
        test::cluster("up");
        FAIL("a command was accepted with the server down");
    } catch (const model::ServerError& e) {
        test::cluster("up");
        const std::string m = e.what();
        INFO(m);
        CHECK(m.find("cannot connect") != std::string::npos);
        CHECK(m.find("\"while down\" was not saved") != std::string::npos);
        CHECK(m.find("alice-pw") == std::string::npos);
    }
    CHECK(rereadAfterFailure("restart").actors[1].name != "While down");
    // Up again: the same client saves the same command.
    alice.commitCommand(alice.project(), wanted, "while down, again");
    CHECK(rereadAfterFailure("restart").actors[1].name == "While down");
}

TEST_CASE("ServerProject - a reviewer reads but the database refuses its writes", "[reviewer]") {
    test::pushCare("reviewer");
    model::ServerProject rita(model::ServerLocation(uri("rita", "reviewer")), test::catalogue());
    CHECK(rita.project().actors.size() == 14);
    CHECK_THROWS_WITH(rita.commitCommand(rita.project(), renamedProject(rita.project(), 0, "x"), "reviewer edit"),
                      Catch::Contains("permission denied") && !Catch::Contains("rita-pw"));
    // Raw SQL, not through Traza: the grants refuse it.
    pqxx::connection c(test::connection("rita"));
    auto refused = [&](const std::string& sql) {
        pqxx::work tx(c);
        CHECK_THROWS_AS(tx.exec(sql), pqxx::insufficient_privilege);
    };
    refused("UPDATE traza.objects SET body = '{}'::jsonb");
    refused("DELETE FROM traza.objects");
    refused("INSERT INTO traza.projects (name) VALUES ('rita''s')");
    refused("DELETE FROM traza.audit");
    // Editors write objects, but not the audit trail itself.
    pqxx::connection e(test::connection("alice"));
    for (const char* sql : {"DELETE FROM traza.audit", "UPDATE traza.audit SET label = 'forged'",
                            "INSERT INTO traza.audit (project_id, label, kind, object_id, action) VALUES (1, 'f', 'k', 'i', 'insert')",
                            "UPDATE traza.schema_version SET version = 99"}) {
        pqxx::work tx(e);
        CHECK_THROWS_AS(tx.exec(sql), pqxx::insufficient_privilege);
    }
    CHECK(rereadAfterFailure("reviewer").actors[0].name != "x");
}

TEST_CASE("ServerProject - a database with a newer schema is refused", "[future_schema]") {
    {
        pqxx::connection admin(test::connection("traza_admin", "postgres"));
        pqxx::nontransaction tx(admin);
        tx.exec("DROP DATABASE IF EXISTS traza_future");
        tx.exec("CREATE DATABASE traza_future");
    }
    const model::ServerLocation at(uri("traza_admin", "p", "traza_future"));
    CHECK(model::initServerSchema(at) == 0);
    {
        pqxx::connection admin(test::connection("traza_admin", "traza_future"));
        pqxx::work tx(admin);
        tx.exec("UPDATE traza.schema_version SET version = " + std::to_string(model::kServerSchemaVersion + 1));
        tx.commit();
    }
    CHECK_THROWS_AS(model::ServerProject(at, test::catalogue()), FutureVersionError);
    CHECK_THROWS_WITH(model::ServerProject(at, test::catalogue()), Catch::Contains("newer than this Traza knows"));
    CHECK_THROWS_AS(model::initServerSchema(at), FutureVersionError);
    CHECK_THROWS_AS(model::ServerProject::saveWhole(model::Project::createEmpty(), at, "x"), FutureVersionError);
}

TEST_CASE("ServerLocation - the password never appears in what people see", "[password]") {
    const model::ServerLocation a("postgresql://alice:S3cr%40t@db.example:5433/chains?sslmode=require&project=CEMPRE%20Norte");
    CHECK(a.project() == "CEMPRE Norte");
    CHECK(a.connectionString() == "postgresql://alice:S3cr%40t@db.example:5433/chains?sslmode=require");
    CHECK(a.display() == "postgresql://alice:***@db.example:5433/chains?sslmode=require&project=CEMPRE%20Norte");
    CHECK(a.redacted("password S3cr@t and S3cr%40t") == "password *** and ***");
    const model::ServerLocation b("postgres://h/db?password=hunter2&project=p");
    CHECK(b.display().find("hunter2") == std::string::npos);
    CHECK_THROWS_WITH(model::ServerLocation("postgresql://u:pw@h/db"), Catch::Contains("project=") && !Catch::Contains(":pw@"));
    // A wrong password on the real server: refused, the password not repeated.
    std::string wrong = uri("alice", "round-trip");
    wrong.replace(wrong.find("alice-pw"), 8, "wrong-pw-77");
    try {
        model::ServerProject p(model::ServerLocation(wrong), test::catalogue());
        FAIL("a wrong password was accepted");
    } catch (const model::ServerError& e) {
        const std::string m = e.what();
        INFO(m);
        CHECK(m.find("password authentication failed") != std::string::npos);
        CHECK(m.find("wrong-pw-77") == std::string::npos);
        CHECK(m.find("alice:***@") != std::string::npos);
    }
}

TEST_CASE("ServerProject - a client catches up on changes made while it was reconnecting", "[catch_up]") {
    test::pushCare("catch-up");
    model::ServerProject alice(model::ServerLocation(uri("alice", "catch-up")), test::catalogue());
    alice.listen();
    CHECK(alice.poll().empty());
    test::cluster("restart");
    // Bob changes two objects while Alice's connection is dead: no NOTIFY can reach her.
    model::ServerProject bob(model::ServerLocation(uri("bob", "catch-up")), test::catalogue());
    model::Project changed = renamedProject(bob.project(), 2, "Changed while Alice was away");
    changed.actors[6].hasPosition = true;
    changed.actors[6].x = 42.5;
    bob.commitCommand(bob.project(), changed, "Bob while away");
    // Alice's next polls (what the window's timer calls) reconnect and report Bob's change.
    std::vector<model::AuditEntry> seen;
    for (int i = 0; i < 20 && seen.empty(); ++i) {
        try {
            seen = alice.poll(std::chrono::milliseconds(250));
        } catch (const model::ServerError& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find("alice-pw") == std::string::npos);
        }
    }
    REQUIRE(seen.size() == 2);
    std::set<std::string> objects;
    for (const model::AuditEntry& e : seen) {
        CHECK(e.user == "bob");
        CHECK(e.label == "Bob while away");
        objects.insert(e.kind + " " + e.objectId);
    }
    CHECK(objects == std::set<std::string>{"actor " + changed.actors[2].id, "position " + changed.actors[6].id});
    CHECK(alice.project().actors[2].name == "Changed while Alice was away");
    CHECK(alice.project().actors[6].x == 42.5);
    // Reported once: the next poll is quiet.
    CHECK(alice.poll(std::chrono::milliseconds(300)).empty());
    // Listening again: a later change arrives by NOTIFY as before.
    bob.commitCommand(bob.project(), renamedProject(bob.project(), 3, "After the catch-up"), "Bob later");
    seen.clear();
    for (int i = 0; i < 20 && seen.empty(); ++i) seen = alice.poll(std::chrono::milliseconds(250));
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].label == "Bob later");
    CHECK(alice.project().actors[3].name == "After the catch-up");
    // And Alice edits on top of what she caught up with, without a conflict.
    CHECK_NOTHROW(alice.commitCommand(alice.project(), renamedProject(alice.project(), 2, "Alice on top"), "Alice on top"));
    CHECK(rereadAfterFailure("catch-up").actors[2].name == "Alice on top");
}
