// A project's own catalogue entries (issue #18): chain JSON "catalogue" with
// risk factors, document types, typologies, red-flag rules and actor kinds,
// merged over the installed catalogue, checked with their JSON path, written
// back only when they differ, and kept in the .traza file.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_writer.h"
#include "error.h"
#include "own_entries.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "validation.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;
using nlohmann::json;

namespace {

json ownChain() {
    return json::parse(R"J({
      "format": "traza-chain", "version": 1,
      "actors": [{"id": "org", "kind": "picker_organisation", "risk_factors": ["living_income"]},
                 {"id": "ref", "kind": "refiner"}],
      "flows": [{"id": "f1", "from": "org", "to": "ref", "tonnes": 100, "documents": ["eca_delivery_note"],
                 "typology": "cemp-1"}],
      "catalogue": {
        "risk_factors": [{"id": "living_income", "category": "labour", "weight": 0.3,
                          "name": {"en": "Pickers below a living income", "es": "Recicladores por debajo de un ingreso digno"}}],
        "document_types": [{"id": "eca_delivery_note", "name": "Tiquete de báscula", "typical_evidence": "documented"}],
        "typologies": [{"id": "cemp-1", "name": "Post-consumer cans via an ECA", "baseline_risk": 0.6}],
        "red_flag_rules": [{"id": "mass_balance_gap", "severity": "high", "parameters": {"relative": 0.05}},
                           {"id": "volume_above_capacity", "retired": true}],
        "actor_kinds": [{"id": "intermediary", "name": {"en": "Buyer (chatarrería)", "es": "Chatarrería"}}]
      }
    })J");
}

std::string catalogueErrorOf(const json& doc) {
    try {
        projectFromJson(doc.dump(), Catalogue::installed());
    } catch (const InvalidInput& e) {
        return e.where() + ": " + e.reason();
    }
    return "";
}

}  // namespace

TEST_CASE("Own catalogue - chain JSON adds and changes entries over the installed catalogue") {
    const Catalogue& installed = Catalogue::installed();
    const Project p = projectFromJson(ownChain().dump(), installed);
    const RiskFactor* living = p.catalogue.riskFactor("living_income");
    REQUIRE(living);
    CHECK(living->weight == 0.3);
    CHECK(living->name.es == "Recicladores por debajo de un ingreso digno");
    REQUIRE(p.catalogue.documentType("eca_delivery_note"));
    CHECK(p.catalogue.documentType("eca_delivery_note")->name.en == "Tiquete de báscula");  // one language: shown in both
    CHECK(p.catalogue.typology("cemp-1")->baselineRisk == 0.6);
    CHECK(p.catalogue.riskFactors.size() == installed.riskFactors.size() + 1);
    CHECK(p.catalogue.typologies.size() == installed.typologies.size() + 1);

    // A rule's entry may name only what changes: the other parameters and the texts stay.
    const RedFlagRule* gap = p.catalogue.redFlagRule("mass_balance_gap");
    REQUIRE(gap);
    CHECK(gap->severity == "high");
    const json params = json::parse(gap->parametersJson);
    CHECK(params["relative"] == 0.05);
    CHECK(params["absolute_t"] == json::parse(installed.redFlagRule("mass_balance_gap")->parametersJson)["absolute_t"]);
    CHECK(gap->name == installed.redFlagRule("mass_balance_gap")->name);
    CHECK(p.catalogue.redFlagRule("volume_above_capacity")->retired);
    CHECK_FALSE(installed.redFlagRule("volume_above_capacity")->retired);
    CHECK(p.catalogue.actorKind("intermediary")->name.es == "Chatarrería");
    CHECK(p.catalogue.actorKind("intermediary")->defaultStage == installed.actorKind("intermediary")->defaultStage);
    CHECK(validateProject(p).empty());
}

TEST_CASE("Own catalogue - export writes the entries that differ, and reads back the same project") {
    const Project p = projectFromJson(ownChain().dump(), Catalogue::installed());
    const json out = json::parse(projectToJson(p));
    const json& cat = out["catalogue"];
    CHECK(cat["risk_factors"].size() == 1);
    CHECK(cat["risk_factors"][0]["id"] == "living_income");
    CHECK(cat["red_flag_rules"].size() == 2);
    CHECK(cat["red_flag_rules"][0]["parameters"]["absolute_t"].is_number());  // written whole
    CHECK(cat["actor_kinds"].size() == 1);
    CHECK_FALSE(cat.contains("claim_profiles"));
    const Project back = projectFromJson(out.dump(), Catalogue::installed());
    CHECK(projectToJson(back) == projectToJson(p));
    CHECK(back.catalogue.texts() == p.catalogue.texts());

    // An entry given exactly as installed is no change, and is not written.
    json same = ownChain();
    same.erase("catalogue");
    same["actors"][0]["risk_factors"] = json::array();
    same["flows"][0]["documents"] = json::array();
    same["flows"][0].erase("typology");
    same["catalogue"]["risk_factors"] = json::array({json::parse(R"({"id": "cash_payments"})")});
    CHECK_FALSE(json::parse(projectToJson(projectFromJson(same.dump(), Catalogue::installed()))).contains("catalogue"));

    // The .traza file keeps the project's catalogue copy.
    TempDir dir;
    ProjectStore::save(p, dir / "own.traza");
    const Project opened = ProjectStore::open(dir / "own.traza");
    CHECK(ownEntries(opened.catalogue, Catalogue::installed()).dump() == ownEntries(p.catalogue, Catalogue::installed()).dump());
    CHECK(opened.catalogue.riskFactor("living_income"));
}

TEST_CASE("Own catalogue - what Traza cannot act on is refused with its JSON path and the closest id") {
    json doc = ownChain();
    doc["catalogue"]["red_flag_rules"][0]["id"] = "mass_balance_gaps";
    CHECK(catalogueErrorOf(doc) == "catalogue.red_flag_rules[0].id: Traza has no red-flag rule \"mass_balance_gaps\"; a project may change "
                          "the texts, severity and parameters of the known ones (closest: mass_balance_gap)");
    doc = ownChain();
    doc["catalogue"]["red_flag_rules"][0]["parameters"] = json::parse(R"({"relativ": 0.2})");
    CHECK(catalogueErrorOf(doc) == "catalogue.red_flag_rules[0].parameters.relativ: the rule has no such parameter (closest: relative)");
    doc = ownChain();
    doc["catalogue"]["red_flag_rules"][0]["parameters"] = json::parse(R"({"relative": "5%"})");
    CHECK(catalogueErrorOf(doc) == "catalogue.red_flag_rules[0].parameters.relative: must be number like the rule's own value");
    doc = ownChain();
    doc["catalogue"]["red_flag_rules"][0]["severity"] = "severe";
    CHECK(catalogueErrorOf(doc) == "catalogue.red_flag_rules[0].severity: must be low, medium, high or critical");
    doc = ownChain();
    doc["catalogue"]["risk_factors"][0]["weight"] = 1.5;
    CHECK(catalogueErrorOf(doc) == "catalogue.risk_factors[0].weight: must be between 0 and 1 (the share of the remaining risk the factor adds)");
    doc = ownChain();
    doc["catalogue"]["risk_factors"][0].erase("name");
    CHECK(catalogueErrorOf(doc) == "catalogue.risk_factors[0].name: missing");
    doc = ownChain();
    doc["catalogue"]["risk_factors"].push_back(doc["catalogue"]["risk_factors"][0]);
    CHECK(catalogueErrorOf(doc) == "catalogue.risk_factors[1].id: duplicate id \"living_income\"");
    doc = ownChain();
    doc["catalogue"]["actor_kinds"][0]["id"] = "scrapyard";
    CHECK(catalogueErrorOf(doc).rfind("catalogue.actor_kinds[0].id: Traza has no actor kind \"scrapyard\"", 0) == 0);
    doc = ownChain();
    doc["catalogue"]["document_types"][0]["typical_evidence"] = "notarised";
    CHECK(catalogueErrorOf(doc).rfind("catalogue.document_types[0].typical_evidence: must be an evidence level", 0) == 0);
    doc = ownChain();
    doc["catalogue"]["checklist_templates"] = json::object();  // accepted since issue #18, as a list
    CHECK(catalogueErrorOf(doc) == "catalogue.checklist_templates: must be an array of entries");
}

TEST_CASE("Own catalogue - an unknown id in the chain names the closest known one") {
    json doc = ownChain();
    doc["actors"][0]["risk_factors"][0] = "living_incme";
    CHECK(catalogueErrorOf(doc).find("unknown risk factor \"living_incme\" (closest: living_income") != std::string::npos);
    doc = ownChain();
    doc["flows"][0]["documents"][0] = "eca_delivery_nte";
    CHECK(catalogueErrorOf(doc).find("unknown document type \"eca_delivery_nte\" (closest: eca_delivery_note)") != std::string::npos);
    doc = ownChain();
    doc["flows"][0]["typology"] = "rrrm-5";
    CHECK(catalogueErrorOf(doc).find("unknown typology \"rrrm-5\" (closest: rrrm-1") != std::string::npos);
    // Without the project's own entries, its own ids are unknown.
    doc = ownChain();
    doc.erase("catalogue");
    CHECK(catalogueErrorOf(doc).find("unknown risk factor \"living_income\"") != std::string::npos);
}

TEST_CASE("Own catalogue - merging reports what it adds, replaces and leaves as it was") {
    std::vector<CatalogueChange> changes;
    const json section = ownChain()["catalogue"];
    const Catalogue once = withOwnEntries(Catalogue::installed(), section, "catalogue", &changes);
    REQUIRE(changes.size() == 6);
    CHECK(changes[0].list == "actor_kinds");
    CHECK(changes[0].kind == CatalogueChange::Kind::Replaced);
    CHECK(changes[1].id == "eca_delivery_note");
    CHECK(changes[1].kind == CatalogueChange::Kind::Added);
    CHECK(changes[5].id == "volume_above_capacity");
    CHECK(changes[5].retired);
    changes.clear();
    const Catalogue twice = withOwnEntries(once, section, "catalogue", &changes);
    for (const CatalogueChange& c : changes) CHECK(c.kind == CatalogueChange::Kind::Unchanged);
    CHECK(twice.texts() == once.texts());
}
