// Delivery records (issue #19): chain JSON, validation, commands and the .traza store.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_writer.h"
#include "command_stack.h"
#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "chain_commands.h"
#include "record_commands.h"
#include "record_summary.h"
#include "records/record_validation.h"
#include "validation.h"

using namespace traza::model;
using namespace traza::model::test;
using nlohmann::json;

namespace {

// a -> b with flow f1 (period 2025) and f2 (the assessment's period), three records.
json withRecords() {
    return json::parse(R"({
      "format": "traza-chain", "version": 1,
      "assessment": {"period": {"start": "2025-01-01", "end": "2025-12-31"}},
      "actors": [{"id": "a", "kind": "picker_organisation"}, {"id": "b", "kind": "exporter"}],
      "flows": [{"id": "f1", "from": "a", "to": "b", "period": {"start": "2025-03-01", "end": "2025-06-30"}},
                {"id": "f2", "from": "a", "to": "b", "tonnes": 4}],
      "records": [
        {"id": "r1", "flow": "f1", "date": "2025-03-14", "tonnes": 1.25, "evidence": "documented",
         "documents": [{"type": "electronic_invoice", "number": "FE-2231"}], "payment": "credit", "price_per_t": 3900000,
         "notes": "ñ"},
        {"id": "r2", "flow": "f1", "date": "2025-04-02", "tonnes": 2.5, "evidence": "self_declared",
         "documents": [{"type": "delivery_receipt", "number": "7"}, {"type": "cash_receipt", "number": ""}]},
        {"id": "r3", "flow": "f1", "date": "2025-05-20", "tonnes": 0.25, "evidence": "verified"}
      ]
    })");
}

traza::InvalidInput errorOf(const json& doc) {
    try {
        projectFromJson(doc.dump(), Catalogue::installed());
    } catch (const traza::InvalidInput& e) {
        return e;
    }
    FAIL("expected InvalidInput");
    throw;
}

void requireErrorAt(const json& doc, const std::string& path, const std::string& reasonPart) {
    const traza::InvalidInput e = errorOf(doc);
    INFO(e.what());
    CHECK(e.where() == path);
    CHECK_THAT(e.reason(), Catch::Contains(reasonPart));
}

Project importedRecords(const json& doc = withRecords()) { return projectFromJson(doc.dump(), Catalogue::installed()); }

}  // namespace

TEST_CASE("Records - a flow takes its tonnes and documentation summary from its records") {
    const Project p = importedRecords();
    const Flow& f1 = *p.findFlow("f1");
    REQUIRE(f1.records.size() == 3);
    CHECK(f1.tonnes == 4.0);  // 1.25 + 2.5 + 0.25, exact in binary
    CHECK(f1.documentedT == 3.75);  // r3 has no document
    CHECK(f1.evidence == Evidence::SelfDeclared);  // the lowest of the documented records
    CHECK(f1.records[1].documents == std::vector<RecordDocument>{{"delivery_receipt", "7"}, {"cash_receipt", ""}});
    CHECK(f1.records[0].payment == Payment::Credit);
    CHECK(f1.records[0].pricePerT == 3900000);
    // Per level: Σ t_r with evidence >= L and a document (hand-worked).
    CHECK(documentedAtLeast(f1, Evidence::SelfDeclared) == 3.75);
    CHECK(documentedAtLeast(f1, Evidence::Reported) == 1.25);
    CHECK(documentedAtLeast(f1, Evidence::Documented) == 1.25);
    CHECK(documentedAtLeast(f1, Evidence::Verified) == 0.0);  // r3 is verified but has no document
    CHECK(p.findFlow("f2")->records.empty());
    CHECK(documentedAtLeast(*p.findFlow("f2"), Evidence::SelfDeclared) == 0.0);
}

TEST_CASE("Records - a one-record flow is documented exactly as the version-1 flow") {
    Flow v1;
    v1.tonnes = 7.5;
    v1.documentedT = 7.5;
    v1.evidence = Evidence::Reported;
    Flow one = v1;
    one.records.push_back({"r", "2025-01-01", 7.5, Evidence::Reported, {{"cash_receipt", "1"}}, Payment::Cash, 0, ""});
    applyRecordSummary(one);
    CHECK(one.tonnes == v1.tonnes);
    CHECK(one.documentedT == v1.documentedT);
    CHECK(one.evidence == v1.evidence);
    for (int L = 0; L <= 4; ++L)
        CHECK(documentedAtLeast(one, static_cast<Evidence>(L)) == documentedAtLeast(v1, static_cast<Evidence>(L)));
}

TEST_CASE("Records - chain JSON round trip is lossless and files without records are unchanged") {
    const Project p = importedRecords();
    const std::string text = projectToJson(p);
    const Project back = projectFromJson(text, Catalogue::installed());
    CHECK(back.sameChain(p));
    CHECK(back.flows == p.flows);
    CHECK(projectToJson(back) == text);
    CHECK(json::parse(text).at("records").size() == 3);
    json plain = withRecords();
    plain.erase("records");
    plain["flows"][0]["tonnes"] = 3;
    CHECK(json::parse(projectToJson(importedRecords(plain))).count("records") == 0);
}

TEST_CASE("Records - errors name the JSON path and nothing is imported") {
    json d = withRecords();
    d["records"][2]["date"] = "2025-13-01";
    requireErrorAt(d, "records[2].date", "2025-13-01 is not a date");
    d = withRecords();
    d["records"][1]["flow"] = "nope";
    requireErrorAt(d, "records[1].flow", "no flow has id \"nope\"");
    d = withRecords();
    d["records"][2]["flow"] = "f2";
    d["records"][2]["date"] = "2024-12-31";  // before the assessment period
    requireErrorAt(d, "records[2].date", "outside the assessment period (2025-01-01 to 2025-12-31)");
    d = withRecords();
    d["records"][0]["date"] = "2026-01-01";  // f1's period ends 2025-06-30, the assessment's 2025-12-31
    requireErrorAt(d, "records[0].date", "outside the assessment period");
    // Without an assessment period, the flow's own bounds hold.
    d = withRecords();
    d.erase("assessment");
    d["records"][0]["date"] = "2025-07-01";
    requireErrorAt(d, "records[0].date", "(2025-03-01 to 2025-06-30)");
    // Inside the assessment period but outside the flow's own: valid (a red flag, not an error).
    d = withRecords();
    d["records"][0]["date"] = "2025-07-01";
    CHECK(importedRecords(d).findFlow("f1")->records[0].date == "2025-07-01");
    d = withRecords();
    d["records"][1]["tonnes"] = 0;
    requireErrorAt(d, "records[1].tonnes", "greater than 0");
    d = withRecords();
    d["records"][1]["tonnes"] = -2;
    requireErrorAt(d, "records[1].tonnes", "greater than 0");
    d = withRecords();
    d["records"][2]["id"] = "r1";
    requireErrorAt(d, "records[2].id", "duplicate record id \"r1\"");
    d = withRecords();
    d["records"][0].erase("date");
    requireErrorAt(d, "records[0].date", "missing required field");
    d = withRecords();
    d["records"][0]["documents"][0]["type"] = "invoice_xyz";
    requireErrorAt(d, "records[0].documents[0].type", "unknown document type");
    d = withRecords();
    d["records"][0]["colour"] = "red";
    requireErrorAt(d, "records[0].colour", "unknown field");
    d = withRecords();
    d["flows"][0]["tonnes"] = 4.1;
    requireErrorAt(d, "flows[0].tonnes", "must equal the sum of the flow's records (4 t in 3 records)");
    d = withRecords();
    d["flows"][0]["documented_t"] = 4;
    requireErrorAt(d, "flows[0].documented_t", "3.75");
    d = withRecords();
    d["flows"][1].erase("tonnes");  // f2 has no records
    requireErrorAt(d, "flows[1].tonnes", "missing required field");
}

TEST_CASE("Records - a given flow tonnes equal to the sum within 1e-9 is accepted") {
    json d = withRecords();
    d["flows"][0]["tonnes"] = 4.0 * (1 + 5e-10);
    CHECK(importedRecords(d).findFlow("f1")->tonnes == 4.0);
    d["flows"][0]["tonnes"] = 4.0 * (1 + 5e-9);
    requireErrorAt(d, "flows[0].tonnes", "sum");
}

TEST_CASE("Records - a non-finite record tonnage is refused") {
    // JSON has no NaN; the check is shared with the store and the commands.
    Project p = importedRecords();
    p.flows[0].records[0].tonnes = std::numeric_limits<double>::quiet_NaN();
    const auto issues = validateProject(p);
    REQUIRE_FALSE(issues.empty());
    bool found = false;
    for (const ValidationIssue& i : issues) found = found || i.path == "records[0].tonnes";
    CHECK(found);
}

TEST_CASE("Records - add, edit and delete are one undo step each, and a pasted batch one") {
    Project p = importedRecords();
    const Project start = p;
    CommandStack stack;
    Record r4{"r4", "2025-06-01", 1.0, Evidence::Verified, {{"certificate", "C-1"}}, Payment::Cash, 10, ""};
    stack.execute(p, std::make_unique<AddRecords>(std::vector<FlowRecord>{{"f1", r4}}));
    CHECK(p.findFlow("f1")->tonnes == 5.0);
    CHECK(documentedAtLeast(*p.findFlow("f1"), Evidence::Verified) == 1.0);
    Record edited = r4;
    edited.tonnes = 2.0;
    stack.execute(p, std::make_unique<UpdateRecord>("r4", edited));
    CHECK(p.findFlow("f1")->tonnes == 6.0);
    stack.execute(p, std::make_unique<RemoveRecords>(std::vector<std::string>{"r1", "r2"}));
    CHECK(p.findFlow("f1")->records.size() == 2);
    CHECK(p.findFlow("f1")->tonnes == 2.25);
    // A batch over two flows: f2 gains its first records and takes its tonnes from them.
    std::vector<FlowRecord> batch{{"f2", {"p1", "2025-02-01", 1.5, Evidence::None, {}, Payment::Unknown, 0, ""}},
                                  {"f2", {"p2", "2025-02-02", 0.5, Evidence::None, {}, Payment::Unknown, 0, ""}},
                                  {"f1", {"p3", "2025-03-02", 0.75, Evidence::None, {}, Payment::Unknown, 0, ""}}};
    stack.execute(p, std::make_unique<AddRecords>(batch));
    CHECK(p.findFlow("f2")->tonnes == 2.0);
    CHECK(p.findFlow("f1")->tonnes == 3.0);
    CHECK(validateProject(p).empty());
    for (int i = 0; i < 4; ++i) stack.undo(p);
    CHECK(p.flows == start.flows);
    for (int i = 0; i < 4; ++i) stack.redo(p);
    CHECK(p.findFlow("f2")->tonnes == 2.0);
}

TEST_CASE("Records - an invalid record command changes nothing") {
    Project p = importedRecords();
    const Project start = p;
    CommandStack stack;
    // The second record of the batch is outside the assessment period: nothing of the batch stays.
    std::vector<FlowRecord> batch{{"f2", {"q1", "2025-02-01", 1.5, Evidence::None, {}, Payment::Unknown, 0, ""}},
                                  {"f1", {"q2", "2026-09-01", 1.0, Evidence::None, {}, Payment::Unknown, 0, ""}}};
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<AddRecords>(batch)), traza::InvalidInput);
    CHECK(p.flows == start.flows);
    Record dup{"r2", "2025-04-01", 1.0, Evidence::None, {}, Payment::Unknown, 0, ""};
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<AddRecords>(std::vector<FlowRecord>{{"f2", dup}})), traza::InvalidInput);
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<UpdateRecord>("r1", dup)), traza::InvalidInput);
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<RemoveRecords>(std::vector<std::string>{"zz"})), traza::InvalidInput);
    CHECK(p.flows == start.flows);
    CHECK_FALSE(stack.canUndo());
}

TEST_CASE("Records - the .traza file keeps them, and a version 8 file opens without records") {
    TempDir dir;
    const fs::path file = dir / "records.traza";
    Project p = importedRecords();
    ProjectStore::save(p, file);
    const Project back = ProjectStore::open(file);
    CHECK(back.flows == p.flows);
    CHECK(back.findFlow("f1")->records[1].documents[0].number == "7");

    // A file of schema 8 (today's release) has no records tables: it opens, and saves as the current version.
    Project plain = makeChain(4, 6);
    ProjectStore::save(plain, file);
    rawExec(file, asSchemaVersion(8));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 8);
    Project old = ProjectStore::open(file);
    CHECK(sameProject(old, plain));
    for (const Flow& f : old.flows) CHECK(f.records.empty());
    ProjectStore::save(old, file);
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
    // ... and from version 1 as well.
    ProjectStore::save(plain, file);
    rawExec(file, asSchemaVersion(1));
    CHECK(sameProject(ProjectStore::open(file), plain));
}

TEST_CASE("Records - a hostile file's record rows are checked") {
    TempDir dir;
    const fs::path file = dir / "bad.traza";
    ProjectStore::save(importedRecords(), file);
    rawExec(file, "UPDATE records SET tonnes = 9 WHERE id = 'r3';");  // no longer the flow's sum
    CHECK_THAT(thrownMessage<traza::Error>([&] { ProjectStore::open(file); }), Catch::Contains("flows[0].tonnes"));
    ProjectStore::save(importedRecords(), file);
    rawExec(file, "UPDATE records SET flow = 77 WHERE id = 'r3';");
    CHECK_THAT(thrownMessage<traza::Error>([&] { ProjectStore::open(file); }), Catch::Contains("records[2].flow"));
    ProjectStore::save(importedRecords(), file);
    rawExec(file, "UPDATE records SET evidence = 'great' WHERE id = 'r1';");
    CHECK_THAT(thrownMessage<traza::Error>([&] { ProjectStore::open(file); }), Catch::Contains("records[0].evidence"));
    ProjectStore::save(importedRecords(), file);
    rawExec(file, "UPDATE records SET id = 'r1' WHERE id = 'r2';");
    CHECK_THAT(thrownMessage<traza::Error>([&] { ProjectStore::open(file); }), Catch::Contains("duplicate record id"));
}

TEST_CASE("Records - an actor's suspended_from travels in chain JSON and the .traza file") {
    json d = withRecords();
    d["actors"][0]["suspended_from"] = "2025-05-01";
    const Project p = importedRecords(d);
    CHECK(p.findActor("a")->suspendedFrom == "2025-05-01");
    CHECK(json::parse(projectToJson(p))["actors"][0]["suspended_from"] == "2025-05-01");
    CHECK_FALSE(json::parse(projectToJson(importedRecords()))["actors"][0].contains("suspended_from"));  // only when set
    TempDir dir;
    const fs::path file = dir / "suspended.traza";
    ProjectStore::save(p, file);
    CHECK(ProjectStore::open(file).findActor("a")->suspendedFrom == "2025-05-01");
    d["actors"][0]["suspended_from"] = "2025-02-30";
    requireErrorAt(d, "actors[0].suspended_from", "2025-02-30");
}

TEST_CASE("Records - an edit of a flow with records that contradicts them is refused") {
    Project p = importedRecords();
    const Project start = p;
    CommandStack stack;
    Flow f1 = *p.findFlow("f1");
    f1.tonnes = 9;
    CHECK_THROWS_WITH(stack.execute(p, std::make_unique<UpdateFlow>("f1", f1)), Catch::Contains("sum of the flow's records"));
    f1 = *p.findFlow("f1");
    f1.documentedT = 4;
    CHECK_THROWS_WITH(stack.execute(p, std::make_unique<UpdateFlow>("f1", f1)), Catch::Contains("documented_t"));
    f1 = *p.findFlow("f1");
    f1.evidence = Evidence::Verified;
    CHECK_THROWS_WITH(stack.execute(p, std::make_unique<UpdateFlow>("f1", f1)), Catch::Contains("lowest evidence"));
    CHECK(p.flows == start.flows);
    // Other fields of the flow stay editable.
    f1 = *p.findFlow("f1");
    f1.notes = "checked";
    stack.execute(p, std::make_unique<UpdateFlow>("f1", f1));
    CHECK(p.findFlow("f1")->notes == "checked");
}

// validateRecords checks a large project's records on several threads; its
// issues must be those of one pass in record order: each record's field issues,
// then its duplicate id. The reference here is that one pass.
TEST_CASE("Records - many records' issues come out in record order, as one pass gives them, duplicates included") {
    Project p = importedRecords();
    const Catalogue* cat = p.catalogue.actorKinds.empty() ? nullptr : &p.catalogue;
    REQUIRE(cat);
    p.flows.resize(2);
    for (Flow& f : p.flows) f.records.clear();
    std::uint32_t seed = 12345;
    auto next = [&seed] { return seed = seed * 1664525u + 1013904223u, seed >> 8; };
    for (int i = 0; i < 30000; ++i) {  // above the count that starts threads
        Flow& f = p.flows[(i / 7) % 2 == 0 ? 0 : 1];
        Record r;
        r.id = "r" + std::to_string(i);
        r.date = "2025-04-01";
        r.tonnes = 1.5;
        const std::uint32_t roll = next() % 1000;
        if (roll < 6) r.id = "r" + std::to_string(next() % (i + 1));  // an earlier id, or its own
        else if (roll < 8) r.id.clear();
        if (roll % 97 == 3) r.date = "2025-02-30";
        if (roll % 89 == 5) r.tonnes = -1;
        if (roll % 83 == 7) r.documents.push_back({"no_such_type", "1"});
        f.records.push_back(std::move(r));
    }
    std::vector<ValidationIssue> expected;
    std::unordered_set<std::string> ids;
    std::size_t k = 0;
    for (const Flow& f : p.flows)
        for (const Record& r : f.records) {
            const std::string path = "records[" + std::to_string(k++) + "]";
            for (ValidationIssue& issue : validateRecord(r, f, p.assessment.period, path, cat)) expected.push_back(issue);
            if (!r.id.empty() && !ids.insert(r.id).second) expected.push_back({path + ".id", "duplicate record id \"" + r.id + "\""});
        }
    std::size_t duplicates = 0;
    for (const ValidationIssue& issue : expected) duplicates += issue.reason.rfind("duplicate record id", 0) == 0;
    REQUIRE(duplicates > 50);
    REQUIRE(expected.size() > duplicates + 100);

    std::vector<ValidationIssue> found;
    validateRecords(p, found);
    REQUIRE(found.size() == expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        INFO(i << ": " << expected[i].path << " " << expected[i].reason);
        CHECK(found[i].path == expected[i].path);
        CHECK(found[i].reason == expected[i].reason);
    }
}

// The records are read on another connection than the flows and the checklists
// (readProject); a file damaged in several tables is still refused naming the
// first one a reading in file order meets: flows, then records, then checklists.
TEST_CASE("Records - a file damaged in several tables names the flows first, then the records, then the checklists") {
    TempDir dir;
    const fs::path file = dir / "bad.traza";
    const Project care = readProjectJson(fs::path(TRAZA_TEST_DATADIR) / "samples" / "care-pilot-2025.json", Catalogue::installed());
    REQUIRE(!care.checklists.empty());
    auto damaged = [&](const std::string& sql) {
        ProjectStore::save(care, file);
        rawExec(file, sql);
        return thrownMessage<traza::Error>([&] { ProjectStore::open(file); });
    };
    const std::string badFlow = "UPDATE flows SET evidence = 'great' WHERE ord = (SELECT max(ord) FROM flows);";
    const std::string badRecord = "UPDATE records SET evidence = 'great' WHERE ord = (SELECT min(ord) FROM records);";
    const std::string badItem = "UPDATE checklist_items SET status = 'great' WHERE ord = (SELECT min(ord) FROM checklist_items);";
    CHECK_THAT(damaged(badFlow + badRecord + badItem), Catch::Contains("flows[") && Catch::Contains("evidence"));
    CHECK_THAT(damaged(badRecord + badItem), Catch::Contains("records[0].evidence"));
    CHECK_THAT(damaged(badItem), Catch::Contains("checklist_items[0].status"));
}
