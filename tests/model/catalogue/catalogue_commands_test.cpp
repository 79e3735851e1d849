// Edits of a project's own catalogue as undo steps (Edit > Catalogues…), and
// where an entry is used (what retiring it reports).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalogue_commands.h"
#include "catalogue_uses.h"
#include "error.h"
#include "project.h"

using namespace traza;
using namespace traza::model;
using nlohmann::json;

namespace {
Project twoActors() {
    Project p = Project::createEmpty();
    Actor org;
    org.id = "org";
    org.kind = ActorKind::PickerOrganisation;
    org.riskFactors = {"cash_payments"};
    Actor ref;
    ref.id = "ref";
    ref.kind = ActorKind::Refiner;
    p.actors = {org, ref};
    Flow f;
    f.id = "f1";
    f.from = "org";
    f.to = "ref";
    f.tonnes = 10;
    f.documents = {"electronic_invoice"};
    p.flows = {f};
    return p;
}
}  // namespace

TEST_CASE("SetCatalogueEntry - a changed weight, a new factor and a retirement apply and revert exactly", "[catalogue]") {
    Project p = twoActors();
    const double before = p.catalogue.riskFactor("cash_payments")->weight;
    const std::string textsBefore = p.catalogue.texts().at("risk_factors");

    SetCatalogueEntry weight("risk_factors", json{{"id", "cash_payments"}, {"weight", 0.42}}, "Edit catalogue entry");
    weight.apply(p);
    CHECK(p.catalogue.riskFactor("cash_payments")->weight == 0.42);
    CHECK(p.catalogue.riskFactor("cash_payments")->name.en == Catalogue::installed().riskFactor("cash_payments")->name.en);

    SetCatalogueEntry added("risk_factors", json::parse(R"({"id": "no_living_income_plan", "category": "labour", "weight": 0.2,
        "name": {"en": "No living-income plan", "es": "Sin plan de ingreso digno"}})"), "Add catalogue entry");
    added.apply(p);
    REQUIRE(p.catalogue.riskFactor("no_living_income_plan"));
    CHECK(p.catalogue.riskFactor("no_living_income_plan")->name.es == "Sin plan de ingreso digno");

    SetCatalogueEntry retire("risk_factors", json{{"id", "cash_payments"}, {"retired", true}}, "Retire catalogue entry");
    retire.apply(p);
    CHECK(p.catalogue.riskFactor("cash_payments")->retired);
    CHECK(p.catalogue.riskFactor("cash_payments")->weight == 0.42);  // retiring keeps the rest

    retire.revert(p);
    added.revert(p);
    weight.revert(p);
    CHECK(p.catalogue.riskFactor("no_living_income_plan") == nullptr);
    CHECK(p.catalogue.riskFactor("cash_payments")->weight == before);
    CHECK(p.catalogue.texts().at("risk_factors") == textsBefore);
}

TEST_CASE("SetCatalogueEntry - an unacceptable entry is refused with its field named and the project unchanged", "[catalogue]") {
    Project p = twoActors();
    const std::string textsBefore = p.catalogue.texts().at("risk_factors");
    SetCatalogueEntry heavy("risk_factors", json{{"id", "cash_payments"}, {"weight", 1.5}}, "Edit catalogue entry");
    CHECK_THROWS_WITH(heavy.apply(p), Catch::StartsWith("catalogue.risk_factors[0].weight"));
    SetCatalogueEntry newRule("red_flag_rules", json{{"id", "my_rule"}, {"severity", "high"}}, "Add catalogue entry");
    CHECK_THROWS_AS(newRule.apply(p), InvalidInput);  // rules are code: only known ones can change
    CHECK(p.catalogue.texts().at("risk_factors") == textsBefore);
}

TEST_CASE("catalogueEntryUsers - actors carry risk factors and kinds, flows carry typologies and documents", "[catalogue]") {
    Project p = twoActors();
    p.flows[0].typology = "rrrm-4";
    CHECK(catalogueEntryUsers(p, "risk_factors", "cash_payments") == std::vector<std::string>{"org"});
    CHECK(catalogueEntryUsers(p, "actor_kinds", "refiner") == std::vector<std::string>{"ref"});
    CHECK(catalogueEntryUsers(p, "document_types", "electronic_invoice") == std::vector<std::string>{"f1"});
    CHECK(catalogueEntryUsers(p, "typologies", "rrrm-4") == std::vector<std::string>{"f1"});
    CHECK(catalogueEntryUsers(p, "typologies", "rrrm-1").empty());
    CHECK(catalogueEntryUsers(p, "red_flag_rules", "cash_only_first_mile").empty());
    Checklist rbc;  // no template named: the default one
    rbc.scope = "org";
    Checklist minerals;
    minerals.scope = "ref";
    minerals.templateId = "oecd_minerals";
    p.checklists = {rbc, minerals};
    CHECK(catalogueEntryUsers(p, "checklist_templates", "oecd_rbc") == std::vector<std::string>{"org"});
    CHECK(catalogueEntryUsers(p, "checklist_templates", "oecd_minerals") == std::vector<std::string>{"ref"});
    CHECK(someIds({"a", "b", "c", "d", "e"}) == "a, b, c and 2 more");
}
