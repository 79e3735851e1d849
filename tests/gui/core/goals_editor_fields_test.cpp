// The goals and supports editor's cell rules without a display: thresholds
// typed with semicolons or decimal commas, whole numbers, refusals naming the
// field, and the computed cells against the CARE pilot's table (domain.md).
#include <catch2/catch.hpp>

#include "error.h"
#include "goal_progress.h"
#include "goals_editor_fields.h"

using namespace traza;
using namespace traza::gui;

TEST_CASE("GoalsEditorFields - thresholds read with semicolons, spaces and decimal commas") {
    CHECK(parseThresholds("90; 120; 150") == std::vector<double>{90, 120, 150});
    CHECK(parseThresholds(" 19,2 ;25.6 32 ") == std::vector<double>{19.2, 25.6, 32});
    CHECK(parseThresholds("").empty());
    CHECK(formatThresholds({19.2, 25.6, 32}) == "19.2; 25.6; 32");
    CHECK(formatThresholds({6, 8, 10, 150, 1200}) == "6; 8; 10; 150; 1200");  // no "1e+01"
    CHECK(formatNumber(1e300) == "1e+300");
    CHECK(parseThresholds(formatThresholds({0.1, 1.0 / 3})) == std::vector<double>{0.1, 1.0 / 3});
    try {
        parseThresholds("6; eight");
        FAIL("accepted a word");
    } catch (const InvalidInput& e) {
        CHECK(e.where() == "thresholds_t");
        CHECK(e.reason().find("eight") != std::string::npos);
    }
    CHECK_THROWS_AS(parseThresholds("1e999"), InvalidInput);  // not finite
}

TEST_CASE("GoalsEditorFields - support cells parse whole numbers and name the field they refuse") {
    std::vector<model::Support> s(1);
    CHECK(withSupportCell(s, 0, SupportColumn::Count, " 117 ")[0].count == 117);
    CHECK(withSupportCell(s, 0, SupportColumn::Count, "-5")[0].count == -5);  // the model refuses it, naming "count"
    CHECK(withSupportCell(s, 0, SupportColumn::Cost, "63675500,5")[0].cost == 63675500.5);
    try {
        withSupportCell(s, 0, SupportColumn::Beneficiaries, "12.5");
        FAIL("accepted a fraction");
    } catch (const InvalidInput& e) {
        CHECK(e.where() == "beneficiaries");
    }
    CHECK_THROWS_AS(withSupportCell(s, 1, SupportColumn::Count, "1"), InvalidInput);
    std::vector<model::Goal> g(1);
    CHECK_THROWS_AS(withGoalCell(g, 0, GoalColumn::Compliance, "90%"), InvalidInput);
    CHECK(withGoalCell(g, 0, GoalColumn::Buyer, "expB")[0].buyer == "expB");
}

TEST_CASE("GoalsEditorFields - computed cells match the CARE pilot's compliance column") {
    // delivered, goal thresholds, expected cell: from domain.md (Organisation 5's
    // 7.8 t of 10 t is 78%; the pilot report's 86% is its own figure).
    struct Case { double delivered; std::vector<double> thresholds; const char* compliance; const char* reached; };
    const Case cases[] = {{173.8, {90, 120, 150}, "116%", "3 / 3"}, {30.2, {19.2, 25.6, 32}, "94%", "2 / 3"},
                          {4.1, {6.6, 8.8, 11}, "37%", "0 / 3"},    {9.3, {7.2, 9.6, 12}, "78%", "1 / 3"},
                          {7.8, {6, 8, 10}, "78%", "1 / 3"}};
    for (const Case& c : cases) {
        model::Project p;
        p.actors.resize(2);
        p.actors[0].id = "org";
        p.actors[1].id = "exp";
        model::Flow f;
        f.id = "f";
        f.from = "org";
        f.to = "exp";
        f.tonnes = c.delivered;
        p.flows.push_back(f);
        p.goals.push_back({"org", "exp", c.thresholds, ""});
        const model::GoalTable t = model::goalTable(p);
        REQUIRE(t.rows.size() == 1);
        CHECK(computedCell(t.rows[0], GoalColumn::Compliance) == c.compliance);
        CHECK(computedCell(t.rows[0], GoalColumn::Reached) == c.reached);
    }
}
