// The findings register (issue 16): validation with JSON paths, undoable
// commands, chain JSON and the project file (schema 5, migrated from 4), and
// the actors' own due-diligence fields that came with the same schema step.
#include <catch2/catch.hpp>

#include "chain_commands.h"
#include "chain_json.h"
#include "command_stack.h"
#include "error.h"
#include "findings/finding_commands.h"
#include "findings/finding_validation.h"
#include "project_store.h"
#include "project_store_fixtures.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {

Finding flagFinding(const std::string& subject) {
    Finding f;
    f.id = "F1";
    f.source = FindingSource::RedFlag;
    f.rule = "mass_balance_gap";
    f.subject = subject;
    f.severity = "high";
    f.owner = "Equipo DD";
    f.response = FindingResponse::Suspend;
    f.action = "Pesar en báscula calibrada y conciliar inventario";
    f.due = "2026-03-31";
    return f;
}

Finding closedUserFinding() {
    Finding f;
    f.id = "F2";
    f.source = FindingSource::User;
    f.severity = "medium";
    f.response = FindingResponse::MitigateWhileTrading;
    f.action = "Obtain the export licence";
    f.status = FindingStatus::Closed;
    f.evidence = "Licence no. 77 seen on site";
    f.closedOn = "2026-02-10";
    f.notes = "línea 2 🙂";
    return f;
}

std::vector<std::string> issuePaths(const Project& p) {
    std::vector<std::string> paths;
    for (const ValidationIssue& i : validateFindings(p)) paths.push_back(i.path + ": " + i.reason);
    return paths;
}

bool hasIssue(const Project& p, const std::string& path) {
    for (const ValidationIssue& i : validateProject(p))
        if (i.path == path) return true;
    return false;
}

}  // namespace

TEST_CASE("Findings - spellings of source, response and status round-trip and unknown ones are refused") {
    for (auto v : {FindingSource::RedFlag, FindingSource::ChecklistItem, FindingSource::User})
        CHECK(parseFindingSource(toString(v)) == v);
    for (auto v : {FindingResponse::MitigateWhileTrading, FindingResponse::Suspend, FindingResponse::Disengage})
        CHECK(parseFindingResponse(toString(v)) == v);
    for (auto v : {FindingStatus::Open, FindingStatus::InProgress, FindingStatus::Closed})
        CHECK(parseFindingStatus(toString(v)) == v);
    CHECK(toString(FindingResponse::MitigateWhileTrading) == "mitigate_while_trading");
    CHECK_FALSE(parseFindingStatus("done"));
    CHECK(parseDueDiligenceStatus("third_party_audited") == DueDiligenceStatus::ThirdPartyAudited);
    CHECK_FALSE(parseDueDiligenceStatus("audited"));
}

TEST_CASE("Findings - overdue means not closed with a due date before the reference date") {
    Finding f = flagFinding("x");
    CHECK(f.isOverdue("2026-04-01"));
    CHECK_FALSE(f.isOverdue("2026-03-31"));  // due that day: not yet overdue
    f.status = FindingStatus::InProgress;
    CHECK(f.isOverdue("2026-04-01"));
    f.status = FindingStatus::Closed;
    CHECK_FALSE(f.isOverdue("2027-01-01"));
    f.status = FindingStatus::Open;
    f.due.clear();
    CHECK_FALSE(f.isOverdue("2027-01-01"));
}

TEST_CASE("Findings - the next free id follows the highest F<n> in use") {
    std::vector<Finding> fs;
    CHECK(unusedFindingId(fs) == "F1");
    fs.push_back(flagFinding("x"));
    fs.back().id = "F7";
    fs.push_back(closedUserFinding());
    fs.back().id = "custom";
    CHECK(unusedFindingId(fs) == "F8");
}

TEST_CASE("Findings - a valid register passes and each broken rule is reported at its JSON path") {
    Project p = makeChain(4, 6);
    p.findings = {flagFinding(p.actors[1].id), closedUserFinding()};
    REQUIRE(issuePaths(p).empty());
    REQUIRE(validateProject(p).empty());

    SECTION("duplicate id") {
        p.findings[1].id = "F1";
        CHECK(hasIssue(p, "findings[1].id"));
    }
    SECTION("red flag without rule, with an unknown rule, or without subject") {
        p.findings[0].rule.clear();
        CHECK(hasIssue(p, "findings[0].rule"));
        p.findings[0].rule = "no_such_rule";
        CHECK(hasIssue(p, "findings[0].rule"));
        p.findings[0].rule = "mass_balance_gap";
        p.findings[0].subject.clear();
        CHECK(hasIssue(p, "findings[0].subject"));
    }
    SECTION("a user finding naming a rule or an item") {
        p.findings[1].rule = "mass_balance_gap";
        p.findings[1].item = "2.3";
        CHECK(hasIssue(p, "findings[1].rule"));
        CHECK(hasIssue(p, "findings[1].item"));
    }
    SECTION("a checklist finding needs an item of the template") {
        p.findings[1].source = FindingSource::ChecklistItem;
        CHECK(hasIssue(p, "findings[1].item"));
        p.findings[1].item = "9.9.9";
        CHECK(hasIssue(p, "findings[1].item"));
        p.findings[1].item = p.catalogue.checklistItems.front().id;
        CHECK(issuePaths(p).empty());
    }
    SECTION("subject that is neither actor nor flow; a flow is fine") {
        p.findings[0].subject = "nobody";
        CHECK(hasIssue(p, "findings[0].subject"));
        p.findings[0].subject = p.flows[2].id;
        CHECK(issuePaths(p).empty());
    }
    SECTION("severity off the scale") {
        p.findings[0].severity = "severe";
        CHECK(hasIssue(p, "findings[0].severity"));
    }
    SECTION("dates that do not exist") {
        p.findings[0].due = "2026-02-30";
        CHECK(hasIssue(p, "findings[0].due"));
    }
    SECTION("closed without date or evidence; open with a closing date") {
        p.findings[1].closedOn.clear();
        p.findings[1].evidence.clear();
        CHECK(hasIssue(p, "findings[1].closed_on"));
        CHECK(hasIssue(p, "findings[1].evidence"));
        p.findings[0].closedOn = "2026-01-01";
        CHECK(hasIssue(p, "findings[0].closed_on"));
    }
}

TEST_CASE("Findings - add, edit, close and delete are undoable and a refused edit changes nothing") {
    Project p = makeChain(4, 6);
    CommandStack stack;
    Finding f = flagFinding(p.actors[0].id);
    f.id.clear();
    stack.execute(p, std::make_unique<AddFinding>(f));
    REQUIRE(p.findings.size() == 1);
    CHECK(p.findings[0].id == "F1");

    Finding closed = p.findings[0];
    closed.status = FindingStatus::Closed;
    closed.closedOn = "2026-03-20";
    closed.evidence = "Báscula calibrada, acta 12";
    stack.execute(p, std::make_unique<UpdateFinding>("F1", closed, "Close finding"));
    CHECK(p.findings[0].isClosed());

    Finding bad = closed;
    bad.closedOn.clear();
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<UpdateFinding>("F1", bad)), InvalidInput);
    CHECK(p.findings[0] == closed);
    Finding unknownSubject = flagFinding("nobody");
    unknownSubject.id = "F9";
    CHECK_THROWS_WITH(stack.execute(p, std::make_unique<AddFinding>(unknownSubject)),
                      Catch::Contains("subject") && Catch::Contains("nobody"));
    CHECK(p.findings.size() == 1);

    stack.execute(p, std::make_unique<RemoveFinding>("F1"));
    CHECK(p.findings.empty());
    stack.undo(p);
    CHECK(p.findings[0] == closed);
    stack.undo(p);
    CHECK(p.findings[0].status == FindingStatus::Open);
    stack.undo(p);
    CHECK(p.findings.empty());
    stack.redo(p);
    CHECK(p.findings.size() == 1);
}

TEST_CASE("Findings - deleting an actor takes its findings and those of its flows; renaming carries them; undo restores") {
    Project p = makeChain(4, 6);
    const std::string actor = p.actors[0].id;
    const Flow* flowOfActor = nullptr;
    for (const Flow& fl : p.flows)
        if (fl.from == actor || fl.to == actor) flowOfActor = &fl;
    REQUIRE(flowOfActor);
    Finding onActor = flagFinding(actor);
    Finding onFlow = flagFinding(flowOfActor->id);
    onFlow.id = "F2";
    Finding general = closedUserFinding();
    general.id = "F3";
    p.findings = {onActor, onFlow, general};
    const Project before = p;

    CommandStack stack;
    stack.execute(p, std::make_unique<RemoveActor>(actor));
    REQUIRE(p.findings.size() == 1);
    CHECK(p.findings[0].id == "F3");
    CHECK(validateProject(p).empty());
    stack.undo(p);
    CHECK(p.findings == before.findings);

    Actor renamed = p.actors[0];
    renamed.id = "renamed-actor";
    stack.execute(p, std::make_unique<UpdateActor>(actor, renamed));
    CHECK(p.findings[0].subject == "renamed-actor");
    CHECK(validateProject(p).empty());
    stack.undo(p);
    CHECK(p.findings[0].subject == actor);
}

TEST_CASE("Findings - chain JSON carries the register and the due-diligence fields only when used") {
    Project p = makeChain(4, 6);
    const std::string plain = projectToJson(p);
    CHECK(plain.find("\"findings\"") == std::string::npos);
    CHECK(plain.find("dd_status") == std::string::npos);
    CHECK(plain.find("coc_certification") == std::string::npos);

    p.findings = {flagFinding(p.actors[1].id), closedUserFinding()};
    p.actors[2].ddStatus = DueDiligenceStatus::ThirdPartyAudited;
    p.actors[2].cocCertification = "ASI CoC, cert. 1234, valid to 2027-05";
    const std::string text = projectToJson(p);
    CHECK(text.find("\"response\": \"suspend\"") != std::string::npos);
    CHECK(text.find("\"dd_status\": \"third_party_audited\"") != std::string::npos);
    const Project back = projectFromJson(text, p.catalogue);
    CHECK(back.sameChain(p));
    CHECK(back.findings == p.findings);
    CHECK(back.actors[2].cocCertification == p.actors[2].cocCertification);
    CHECK(projectToJson(back) == text);
}

TEST_CASE("Findings - chain JSON errors name the path of the offending value") {
    Project p = makeChain(3, 3);
    p.findings = {flagFinding(p.actors[1].id)};
    const std::string text = projectToJson(p);
    const auto messageFor = [&](const std::string& from, const std::string& to) {
        std::string bad = text;
        const auto at = bad.find(from);
        REQUIRE(at != std::string::npos);
        bad.replace(at, from.size(), to);
        try {
            projectFromJson(bad, p.catalogue);
        } catch (const InvalidInput& e) {
            return std::string(e.where()) + ": " + e.reason();
        }
        return std::string("no error");
    };
    CHECK(messageFor("\"status\": \"open\"", "\"status\": \"done\"").rfind("findings[0].status: unknown value \"done\"", 0) == 0);
    CHECK(messageFor("\"response\": \"suspend\"", "\"response\": 3").rfind("findings[0].response", 0) == 0);
    CHECK(messageFor("\"due\": \"2026-03-31\"", "\"due\": \"2026-13-01\"").rfind("findings[0].due", 0) == 0);
    CHECK(messageFor("\"severity\": \"high\"", "\"severity\": \"huge\"").rfind("findings[0].severity", 0) == 0);
    CHECK(messageFor("\"closed_on\": ", "\"closed\": ").rfind("findings[0]", 0) == 0);  // a key only findings have
    CHECK(messageFor("\"kind\": \"waste_picker\",", "\"kind\": \"waste_picker\", \"dd_status\": \"audited\",")
              .rfind("actors[0].dd_status", 0) == 0);
}

TEST_CASE("Findings - the project file keeps the register and the due-diligence fields") {
    TempDir dir;
    const fs::path file = dir / "findings.traza";
    Project p = makeChain(4, 6);
    p.findings = {flagFinding(p.flows[3].id), closedUserFinding()};
    p.actors[3].ddStatus = DueDiligenceStatus::SelfAssessed;
    p.actors[1].cocCertification = "ASI CoC, cert. 1234, valid to 2027-05";
    ProjectStore::save(p, file);
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
    const Project back = ProjectStore::open(file);
    CHECK(sameProject(back, p));
    CHECK(back.findings == p.findings);
    CHECK(back.actors[3].ddStatus == DueDiligenceStatus::SelfAssessed);
    CHECK(back.actors[1].cocCertification == p.actors[1].cocCertification);
    CHECK(back.actors[1].ddStatus == DueDiligenceStatus::None);
}

TEST_CASE("Findings - a version 4 file opens with an empty register and saves as the current version") {
    TempDir dir;
    const fs::path file = dir / "v4.traza";
    Project p = makeChain(5, 8);
    p.flows[2].sdT = 1.5;  // version 4 content survives the step
    ProjectStore::save(p, file);
    rawExec(file, asSchemaVersion(4));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 4);
    const std::string bytes = readBytes(file);
    Project back = ProjectStore::open(file);
    CHECK(back.findings.empty());
    CHECK(sameProject(back, p));
    CHECK(readBytes(file) == bytes);  // migrated in memory only

    back.findings = {flagFinding(back.actors[0].id)};
    ProjectStore::save(back, file);
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
    CHECK(ProjectStore::open(file).findings == back.findings);
}

TEST_CASE("Findings - a damaged findings row is refused with its place") {
    TempDir dir;
    const fs::path file = dir / "bad.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "INSERT INTO findings VALUES (0, 'F1', 'rumour', '', '', '', 'low', '', 'suspend', '', '', 'open', '', '', '');");
    CHECK_THROWS_WITH(ProjectStore::open(file), Catch::Contains("findings[0].source"));
    rawExec(file, "UPDATE findings SET source = 'user', subject = 'ghost';");
    CHECK_THROWS_WITH(ProjectStore::open(file), Catch::Contains("findings[0].subject"));
    rawExec(file, "DELETE FROM findings; INSERT INTO actor_due_diligence VALUES (0, 'audited', '');");
    CHECK_THROWS_WITH(ProjectStore::open(file), Catch::Contains("actor_due_diligence[0].dd_status"));
}
