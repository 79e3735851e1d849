// Checklist completion per OECD step, counted over the installed template:
// items missing from a checklist count as not started, not applicable items
// leave the denominator.
#include <catch2/catch.hpp>

#include <map>

#include "catalogue.h"
#include "checklist_completion.h"
#include "document_commands.h"

using namespace traza;
using namespace traza::gui;

TEST_CASE("ChecklistCompletion - done over applicable per step, missing items not started") {
    model::Project p;
    p.catalogue = model::Catalogue::installed();
    REQUIRE(p.catalogue.checklistSteps.size() == 6);
    model::Actor a;
    a.id = "exp";
    p.actors.push_back(a);
    // Only a supplier's own steps count overall (the template marks steps 2-4 "supplier").
    std::map<int, std::string> stepScope;
    for (const auto& s : p.catalogue.checklistSteps) stepScope[s.step] = s.scope;
    int supplierItems = 0;
    for (const auto& t : p.catalogue.checklistItems) supplierItems += stepScope[t.step] == "supplier";
    REQUIRE(supplierItems > 0);
    REQUIRE(supplierItems < static_cast<int>(p.catalogue.checklistItems.size()));
    // No checklist: nothing done, everything applicable.
    ChecklistCompletion none = checklistCompletion(p, "exp");
    REQUIRE(none.steps.size() == 6);
    CHECK(none.overall.done == 0);
    CHECK(none.overall.applicable == supplierItems);
    CHECK(none.steps[1].applies);
    CHECK_FALSE(none.steps[0].applies);
    // The assessment's overall is the other steps.
    CHECK(checklistCompletion(p, "assessment").overall.applicable ==
          static_cast<int>(p.catalogue.checklistItems.size()) - supplierItems);
    int step2 = 0;
    for (const auto& t : p.catalogue.checklistItems) step2 += t.step == 2;
    REQUIRE(step2 >= 3);
    p.checklists.push_back({"exp",
                            {{"2.1", model::ItemStatus::Done, "", {}, "", ""},
                             {"2.2", model::ItemStatus::NotApplicable, "", {}, "", ""},
                             {"2.3", model::ItemStatus::InProgress, "", {}, "", ""},
                             {"4.1", model::ItemStatus::Done, "", {}, "", ""}}});
    const ChecklistCompletion c = checklistCompletion(p, "exp");
    CHECK(c.steps[1].step == 2);
    CHECK(c.steps[1].done == 1);
    CHECK(c.steps[1].applicable == step2 - 1);
    CHECK(c.steps[1].total == step2);
    CHECK(c.steps[3].done == 1);
    CHECK(c.overall.done == 2);
    CHECK(c.overall.applicable == supplierItems - 1);
    CHECK(checklistItemOf(p, "exp", "2.3").status == model::ItemStatus::InProgress);
    CHECK(checklistItemOf(p, "exp", "3.1").status == model::ItemStatus::NotStarted);
    CHECK(checklistItemOf(p, "other", "2.1").id == "2.1");
}

TEST_CASE("ChecklistCompletion - document references split on semicolons and join back") {
    CHECK(splitDocuments(" invoice 12, 13 ; ; photos.zip ") == std::vector<std::string>{"invoice 12, 13", "photos.zip"});
    CHECK(splitDocuments("").empty());
    CHECK(joinDocuments({"a.pdf", "b"}) == "a.pdf; b");
}

TEST_CASE("ChecklistCompletion - due dates must exist on the calendar (SetChecklistItem's check)") {
    CHECK(model::isCalendarDate("2026-03-31"));
    CHECK(model::isCalendarDate("2024-02-29"));  // leap year
    CHECK(model::isCalendarDate("2000-02-29"));  // divisible by 400
    CHECK_FALSE(model::isCalendarDate("1900-02-29"));
    CHECK_FALSE(model::isCalendarDate("2026-02-29"));
    CHECK_FALSE(model::isCalendarDate("2026-04-31"));
    CHECK_FALSE(model::isCalendarDate("2026-13-01"));
    CHECK_FALSE(model::isCalendarDate("2026-00-10"));
    CHECK_FALSE(model::isCalendarDate("31/03/2026"));
    CHECK_FALSE(model::isCalendarDate("2026-3-31"));
    CHECK_FALSE(model::isCalendarDate(""));
}
