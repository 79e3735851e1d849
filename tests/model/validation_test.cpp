#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "error.h"
#include "goal_progress.h"
#include "validation.h"

using namespace traza::model;

namespace {
Project twoActors() {
    Project p;
    Actor a;
    a.id = "a";
    a.kind = ActorKind::PickerOrganisation;
    a.stage = 2;
    Actor b = a;
    b.id = "b";
    b.kind = ActorKind::Exporter;
    b.stage = 4;
    p.actors = {a, b};
    Flow f;
    f.id = "f1";
    f.from = "a";
    f.to = "b";
    f.tonnes = 10;
    p.flows = {f};
    return p;
}

bool hasIssue(const std::vector<ValidationIssue>& issues, const std::string& path) {
    for (const auto& i : issues)
        if (i.path == path) return true;
    return false;
}
}  // namespace

TEST_CASE("Validation - a valid chain has no issues") { CHECK(validateProject(twoActors()).empty()); }

TEST_CASE("Validation - every broken rule names its path") {
    Project p = twoActors();
    p.flows[0].tonnes = 0;
    CHECK(hasIssue(validateProject(p), "flows[0].tonnes"));
    p.flows[0].tonnes = std::numeric_limits<double>::infinity();
    CHECK(hasIssue(validateProject(p), "flows[0].tonnes"));
    p.flows[0].tonnes = 5;
    p.flows[0].documentedT = 6;
    CHECK(hasIssue(validateProject(p), "flows[0].documented_t"));
    p.flows[0].documentedT = -1;
    CHECK(hasIssue(validateProject(p), "flows[0].documented_t"));
    p.flows[0].documentedT = 0;
    p.flows[0].to = "zzz";
    CHECK(hasIssue(validateProject(p), "flows[0].to"));
    p.flows[0].to = "b";
    p.actors[1].id = "a";
    CHECK(hasIssue(validateProject(p), "actors[1].id"));
    p.actors[1].id = "b";
    p.actors[0].stage = 0;
    CHECK(hasIssue(validateProject(p), "actors[0].stage"));
    p.actors[0].stage = 2;
    p.flows[0].typology = "rrrm-7";
    CHECK(hasIssue(validateProject(p), "flows[0].typology"));
}

// A national chain's flows are checked on a second thread (from 5 000 flows):
// the issues must still come in the order of one pass over the flows, each
// flow's field issues, then its duplicate id, then its ends.
TEST_CASE("Validation - flow issues come in flow order, with or without the second thread") {
    for (const std::size_t n : {std::size_t{4}, std::size_t{6000}}) {
        Project p = twoActors();
        Actor c = p.actors[0];
        c.id = "c";
        c.stage = 0;
        p.actors.push_back(c);
        const Flow valid = p.flows[0];
        p.flows.clear();
        for (std::size_t i = 0; i < n; ++i) {
            p.flows.push_back(valid);
            p.flows.back().id = "f" + std::to_string(i);
        }
        p.flows[1].tonnes = 0;
        p.flows[1].from = "zzz";
        p.flows[2].id = "f0";
        p.flows[2].documentedT = -1;
        p.flows[2].to = "yyy";
        p.flows[n - 1].to = "xxx";
        p.flows[n - 1].pricePerT = -1;
        std::vector<std::string> paths;
        for (const ValidationIssue& i : validateProject(p)) paths.push_back(i.path);
        const std::string last = "flows[" + std::to_string(n - 1) + "]";
        const std::vector<std::string> expected{"actors[2].stage",       "flows[1].tonnes", "flows[1].from",
                                                "flows[2].documented_t", "flows[2].id",     "flows[2].to",
                                                last + ".price_per_t",   last + ".to"};
        INFO(n << " flows");
        CHECK(paths == expected);
    }
}

TEST_CASE("Validation - a date must exist on the calendar, whatever the entry path") {
    Project p = twoActors();
    p.flows[0].periodStart = "2024-02-29";  // leap year
    p.flows[0].periodEnd = "2000-02-29";    // divisible by 400: leap
    p.assessment.period.start = "2025-12-31";
    CHECK(validateProject(p).empty());
    for (const char* bad : {"2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                            "2025-1-01", "2025-01-01 ", "２０２５-01-01"}) {
        INFO(bad);
        p.flows[0].periodEnd = bad;
        const auto issues = validateProject(p);
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].path == "flows[0].period.end");
        CHECK(issues[0].reason == std::string("must be a date YYYY-MM-DD that exists (got \"") + bad + "\")");
    }
}

TEST_CASE("Validation - throwIfInvalid reports path and reason") {
    Project p = twoActors();
    p.flows[0].from = "nobody";
    try {
        throwIfInvalid(validateProject(p));
        FAIL("expected InvalidInput");
    } catch (const traza::InvalidInput& e) {
        CHECK(e.where() == "flows[0].from");
        CHECK(std::string(e.what()).find("nobody") != std::string::npos);
    }
}

TEST_CASE("GoalTable - compliance is delivered over the last threshold, hand-worked") {
    Project p = twoActors();
    p.goals = {{"a", "b", {4, 8, 12}}};
    p.flows[0].tonnes = 9;
    GoalTable t = goalTable(p);
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0].deliveredT == Approx(9));
    CHECK(t.rows[0].compliance == Approx(0.75));
    CHECK(t.rows[0].thresholdsReached == 2);
    CHECK(t.thresholdTotalsT == std::vector<double>{4, 8, 12});
}
