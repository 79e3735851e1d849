// A project shared on a real PostgreSQL server (issue #22): concurrent
// editors, conflicts, the audit trail and notifications. Needs the ctest
// fixture pg_cluster (server_setup.sh).
#include <catch2/catch.hpp>

#include <chrono>

#include <pqxx/transaction>

#include "server_fixture.h"

using namespace traza;
using traza::test::uri;

namespace {

model::Project renamed(model::Project p, std::size_t actor, const std::string& name) {
    p.actors.at(actor).name = name;
    return p;
}

model::Project reread(const std::string& project) {
    return model::ServerProject(model::ServerLocation(uri("traza_admin", project)), test::catalogue()).takeProject();
}

}  // namespace

TEST_CASE("ServerProject - a project pushed and read back has the same chain", "[round_trip]") {
    const model::Project care = test::pushCare("round-trip");
    const model::Project back = reread("round-trip");
    CHECK(back.sameChain(care));
    CHECK(model::projectToJson(back) == model::projectToJson(care));
}

TEST_CASE("ServerProject - two clients editing different objects both land", "[two_clients]") {
    const model::Project care = test::pushCare("two-clients");
    model::ServerProject alice(model::ServerLocation(uri("alice", "two-clients")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "two-clients")), test::catalogue());
    alice.commitCommand(alice.project(), renamed(alice.project(), 0, "Renamed by Alice"), "Rename actor 1");
    bob.commitCommand(bob.project(), renamed(bob.project(), 1, "Renamed by Bob"), "Rename actor 2");
    const model::Project both = reread("two-clients");
    CHECK(both.actors[0].name == "Renamed by Alice");
    CHECK(both.actors[1].name == "Renamed by Bob");
    CHECK(both.actors[2].name == care.actors[2].name);
    CHECK(both.actors.size() == care.actors.size());
}

TEST_CASE("ServerProject - an edit to an object changed meanwhile is refused with who and when", "[conflict]") {
    const model::Project care = test::pushCare("conflict");
    model::ServerProject alice(model::ServerLocation(uri("alice", "conflict")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "conflict")), test::catalogue());
    alice.commitCommand(alice.project(), renamed(alice.project(), 2, "Alice's name"), "Rename the depot");
    // Bob's command renames actor 3 (free) and actor 2 (changed by Alice): all of it is refused.
    const model::Project bobs = renamed(renamed(bob.project(), 3, "Bob's free edit"), 2, "Bob's name");
    try {
        bob.commitCommand(bob.project(), bobs, "Bob renames two");
        FAIL("the conflicting command was accepted");
    } catch (const model::ServerConflict& e) {
        const std::string m = e.what();
        INFO(m);
        CHECK(m.find("actor \"" + care.actors[2].id + "\"") != std::string::npos);
        CHECK(m.find("alice") != std::string::npos);
        CHECK(m.find("Rename the depot") != std::string::npos);
        CHECK(m.find(" UTC") != std::string::npos);
        CHECK(m.find("alice-pw") == std::string::npos);
    }
    const model::Project now = reread("conflict");
    CHECK(now.actors[2].name == "Alice's name");
    CHECK(now.actors[3].name == care.actors[3].name);  // nothing half-written
    // After reloading, Bob's edit lands.
    model::ServerProject bob2(model::ServerLocation(uri("bob", "conflict")), test::catalogue());
    bob2.commitCommand(bob2.project(), renamed(bob2.project(), 2, "Bob's name"), "Bob renames again");
    CHECK(reread("conflict").actors[2].name == "Bob's name");
}

TEST_CASE("ServerProject - the audit trail holds user, time, label and the change", "[audit]") {
    const model::Project care = test::pushCare("audit");
    model::ServerProject alice(model::ServerLocation(uri("alice", "audit")), test::catalogue());
    const model::Project after = renamed(alice.project(), 1, "Audited name");
    alice.commitCommand(alice.project(), after, "Audited command");
    const std::vector<model::AuditEntry> h = alice.history(10);
    REQUIRE(!h.empty());
    const model::AuditEntry* rename = nullptr;
    for (const model::AuditEntry& e : h)
        if (e.action == "update" && e.kind == "actor" && e.objectId == care.actors[1].id) rename = &e;
    REQUIRE(rename != nullptr);
    CHECK(rename->user == "alice");
    CHECK(rename->label == "Audited command");
    CHECK(rename->before.find(care.actors[1].name) != std::string::npos);
    CHECK(rename->after.find("Audited name") != std::string::npos);
    CHECK(rename->at.size() >= 19);
    CHECK(h.front().label == "Audited command");
    // The initial push is in the trail too, under its own label and the admin's name.
    const std::vector<model::AuditEntry> all = alice.history(100000);
    CHECK(all.back().label == "test setup");
    CHECK(all.back().user == "traza_admin");
    CHECK(all.back().action == "insert");
}

TEST_CASE("ServerProject - a report's one read gives the editing client's project and the newest audit entries", "[report_read]") {
    test::pushCare("report-read");
    model::ServerProject alice(model::ServerLocation(uri("alice", "report-read")), test::catalogue());
    alice.commitCommand(alice.project(), renamed(alice.project(), 1, "Reported name"), "Rename for the report");
    alice.commitCommand(alice.project(), renamed(alice.project(), 2, "Second name"), "Second rename");
    const model::ServerProject::Reading r =
        model::ServerProject::readWithHistory(model::ServerLocation(uri("bob", "report-read")), test::catalogue(), 3);
    CHECK(model::projectToJson(r.project) == model::projectToJson(alice.project()));
    CHECK(model::projectObjects(r.project) == model::projectObjects(alice.project()));  // positions and rules too
    const std::vector<model::AuditEntry> full = alice.history(3);
    REQUIRE(r.history.size() == 3);
    for (std::size_t i = 0; i < full.size(); ++i) {
        INFO(i);
        CHECK(r.history[i].seq == full[i].seq);
        CHECK(r.history[i].at == full[i].at);
        CHECK(r.history[i].user == full[i].user);
        CHECK(r.history[i].label == full[i].label);
        CHECK(r.history[i].kind == full[i].kind);
        CHECK(r.history[i].objectId == full[i].objectId);
        CHECK(r.history[i].action == full[i].action);
        CHECK(r.history[i].before.empty());  // the report lists the changes, not their JSON
        CHECK(r.history[i].after.empty());
    }
    CHECK(r.history[0].label == "Second rename");
    CHECK(r.history[1].label == "Rename for the report");
    // Without a history it is read(): the same project, no audit query.
    CHECK(model::projectToJson(model::ServerProject::read(model::ServerLocation(uri("bob", "report-read")), test::catalogue())) ==
          model::projectToJson(r.project));
}

TEST_CASE("ServerProject - a second client is notified and reloads the changed objects", "[notify]") {
    test::pushCare("notify");
    model::ServerProject alice(model::ServerLocation(uri("alice", "notify")), test::catalogue());
    model::ServerProject bob(model::ServerLocation(uri("bob", "notify")), test::catalogue());
    bob.listen();
    CHECK(bob.poll().empty());
    alice.commitCommand(alice.project(), renamed(alice.project(), 4, "Seen by Bob"), "Rename for Bob");
    std::vector<model::AuditEntry> seen;
    for (int i = 0; i < 20 && seen.empty(); ++i) seen = bob.poll(std::chrono::milliseconds(250));
    REQUIRE(seen.size() == 1);
    CHECK(seen[0].user == "alice");
    CHECK(seen[0].label == "Rename for Bob");
    CHECK(bob.project().actors[4].name == "Seen by Bob");
    // Bob's own commit is not reported back to him, and he can edit on top of it.
    bob.commitCommand(bob.project(), renamed(bob.project(), 4, "Bob on top"), "Bob on top");
    CHECK(bob.poll(std::chrono::milliseconds(300)).empty());
    CHECK(reread("notify").actors[4].name == "Bob on top");
}

TEST_CASE("ServerProject - an actor removed while another client adds a flow from it: the second is refused",
          "[references]") {
    test::pushCare("references");
    model::ServerProject setup(model::ServerLocation(uri("alice", "references")), test::catalogue());
    model::Project withNew = setup.project();
    withNew.actors.push_back(withNew.actors[0]);
    withNew.actors.back().id = "new-actor";
    setup.commitCommand(setup.project(), withNew, "Add an actor");
    auto flowFromNew = [](model::Project p) {
        p.flows.push_back(p.flows[0]);
        p.flows.back().id = "f-new";
        p.flows.back().from = "new-actor";
        return p;
    };
    auto withoutNew = [](model::Project p) {
        p.actors.pop_back();
        return p;
    };
    SECTION("removal first") {
        model::ServerProject alice(model::ServerLocation(uri("alice", "references")), test::catalogue());
        model::ServerProject bob(model::ServerLocation(uri("bob", "references")), test::catalogue());
        alice.commitCommand(alice.project(), withoutNew(alice.project()), "Remove the actor");
        CHECK_THROWS_WITH(bob.commitCommand(bob.project(), flowFromNew(bob.project()), "Add a flow"),
                          Catch::Contains("flow \"f-new\" refers to actor \"new-actor\""));
        const model::Project now = reread("references");
        CHECK(now.findFlow("f-new") == nullptr);
        CHECK(now.findActor("new-actor") == nullptr);
    }
    SECTION("flow first") {
        model::ServerProject alice(model::ServerLocation(uri("alice", "references")), test::catalogue());
        model::ServerProject bob(model::ServerLocation(uri("bob", "references")), test::catalogue());
        bob.commitCommand(bob.project(), flowFromNew(bob.project()), "Add a flow");
        CHECK_THROWS_WITH(alice.commitCommand(alice.project(), withoutNew(alice.project()), "Remove the actor"),
                          Catch::Contains("actor \"new-actor\" is used by flow \"f-new\""));
        const model::Project now = reread("references");
        CHECK(now.findFlow("f-new") != nullptr);
        CHECK(now.findActor("new-actor") != nullptr);
    }
}

TEST_CASE("ServerProject - an object failing validation is named by location, kind, id and JSON path", "[validation]") {
    const model::Project care = test::pushCare("validation");
    {
        pqxx::connection admin(test::connection("traza_admin"));
        pqxx::work tx(admin);
        tx.exec("UPDATE traza.objects SET body = jsonb_set(body::jsonb, '{to}', '\"nobody\"') WHERE kind = 'flow' AND id = '" +
                care.flows[2].id + "' AND project_id = (SELECT id FROM traza.projects WHERE name = 'validation')");
        tx.commit();
    }
    try {
        model::ServerProject p(model::ServerLocation(uri("alice", "validation")), test::catalogue());
        FAIL("an invalid project was opened");
    } catch (const InvalidInput& e) {
        const std::string m = e.what();
        INFO(m);
        CHECK(m.find("postgresql://alice:***@/traza?host=") == 0);
        CHECK(m.find("&project=validation: flow \"" + care.flows[2].id + "\" (flows[2].to): ") != std::string::npos);
        CHECK(m.find("nobody") != std::string::npos);
    }
}
