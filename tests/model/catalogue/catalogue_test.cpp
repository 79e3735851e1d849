#include <catch2/catch.hpp>

#include <set>

#include "catalogue.h"
#include "enums.h"
#include "error.h"

using namespace traza::model;

TEST_CASE("Catalogue - the installed data has every catalogue, in both languages") {
    const Catalogue& c = Catalogue::installed();
    for (const std::string& stem : Catalogue::requiredFiles()) CHECK(c.texts().count(stem) == 1);
    REQUIRE(c.actorKinds.size() == 8);
    for (std::string_view kind : actorKindNames()) {
        const ActorKindInfo* info = c.actorKind(std::string(kind));
        REQUIRE(info);
        CHECK(info->defaultStage == defaultStage(*parseActorKind(kind)));
        CHECK_FALSE(info->name.es.empty());
    }
    REQUIRE(c.evidenceLevels.size() == 5);
    for (const EvidenceLevelInfo& e : c.evidenceLevels) CHECK(parseEvidence(e.id).has_value());
    REQUIRE(c.typologies.size() == 4);
    CHECK(c.typology("rrrm-4")->baselineRisk > c.typology("rrrm-1")->baselineRisk);
}

TEST_CASE("Catalogue - the checklist template has six steps with items, scoped as the OECD guidance says") {
    const Catalogue& c = Catalogue::installed();
    REQUIRE(c.checklistSteps.size() == 6);
    std::set<int> stepsWithItems;
    for (const ChecklistItemTemplate& item : c.checklistItems) stepsWithItems.insert(item.step);
    CHECK(stepsWithItems == std::set<int>{1, 2, 3, 4, 5, 6});
    for (const ChecklistStep& s : c.checklistSteps)
        CHECK(s.scope == ((s.step >= 2 && s.step <= 4) ? "supplier" : "assessment"));
}

TEST_CASE("Catalogue - a malformed entry names the file and the entry") {
    auto texts = Catalogue::installed().texts();
    texts["typologies"] = R"({"catalogue":"typologies","version":1,"entries":[{"id":"rrrm-1"}]})";
    CHECK_THROWS_WITH(Catalogue::fromTexts(texts), Catch::Contains("typologies.json: entries[0].name"));
    texts.erase("typologies");
    CHECK_THROWS_WITH(Catalogue::fromTexts(texts), Catch::Contains("typologies.json"));
}

TEST_CASE("Catalogue - a malformed checklist step names the template file and the step") {
    // The step reader was given its file name as a temporary that had died by
    // the time the error was made (heap-use-after-free, found by the
    // project_open fuzzer): under ASan this test failed that way.
    auto texts = Catalogue::installed().texts();
    const std::string& tmpl = texts.at("checklist_template");
    const std::size_t steps = tmpl.find("\"steps\"");
    REQUIRE(steps != std::string::npos);
    const std::size_t scope = tmpl.find("\"scope\"", steps);
    REQUIRE(scope != std::string::npos);
    texts["checklist_template"] = tmpl.substr(0, scope) + "\"scopx\"" + tmpl.substr(scope + 7);
    CHECK_THROWS_WITH(Catalogue::fromTexts(texts), Catch::Contains("checklist_template.json: steps[0].scope: missing"));
}
