// Checklist templates side by side (issue #18): the installed OECD six-step
// and Minerals Guidance five-step templates, a checklist's own template in
// validation, chain JSON and the .traza file, and a user's own template
// carried losslessly through chain JSON and framework files.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_writer.h"
#include "document_commands.h"
#include "error.h"
#include "framework_file.h"
#include "own_entries.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "validation.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;
using nlohmann::json;

namespace {

json chainWith(const json& checklist) {
    json doc = json::parse(R"J({
      "format": "traza-chain", "version": 1,
      "actors": [{"id": "org", "kind": "picker_organisation"}, {"id": "ref", "kind": "refiner"}],
      "flows": [{"id": "f1", "from": "org", "to": "ref", "tonnes": 100}]
    })J");
    doc["checklists"] = json::array({checklist});
    return doc;
}

json ownTemplate() {
    return json::parse(R"J({
      "id": "asi_ps", "name": {"en": "ASI Performance Standard (excerpt)", "es": "Norma de desempeño ASI (extracto)"},
      "steps": [{"step": 1, "name": {"en": "Human rights", "es": "Derechos humanos"}, "scope": "supplier",
                 "description": "Criteria 9.x"},
                {"step": 2, "name": "Governance", "scope": "assessment"}],
      "items": [{"id": "9.8", "step": 1, "on_the_ground": true, "reference": "ASI PS 9.8",
                 "name": {"en": "No child labour in collection", "es": "Sin trabajo infantil en la recolección"},
                 "description": {"en": "Seen on site.", "es": "Verificado en sitio."}},
                {"id": "9.9", "step": 1, "reference": "ASI PS 9.9", "name": "Fair wages"},
                {"id": "1.1", "step": 2, "name": "Policy", "retired": true}]
    })J");
}

std::string templateErrorOf(const json& doc) {
    try {
        projectFromJson(doc.dump(), Catalogue::installed());
    } catch (const InvalidInput& e) {
        return e.where() + ": " + e.reason();
    }
    return "";
}

}  // namespace

TEST_CASE("Checklist templates - the Minerals template loads with its five steps in English and Spanish") {
    const Catalogue& cat = Catalogue::installed();
    REQUIRE(cat.checklistTemplates.size() >= 2);
    const ChecklistTemplate* rbc = cat.checklistTemplate("");
    REQUIRE(rbc);
    CHECK(rbc->id == "oecd_rbc");
    CHECK(&cat.checklistTemplates.front() == rbc);
    CHECK(rbc->steps.size() == 6);
    CHECK(rbc->name.es.find("OCDE") != std::string::npos);
    CHECK(cat.checklistSteps.size() == 6);                     // the default, for older callers
    CHECK(cat.checklistItems.size() == rbc->items.size());

    const ChecklistTemplate* mg = cat.checklistTemplate("oecd_minerals");
    REQUIRE(mg);
    REQUIRE(mg->steps.size() == 5);
    const char* scopes[] = {"assessment", "supplier", "supplier", "supplier", "assessment"};
    for (int i = 0; i < 5; ++i) {
        const ChecklistStep& s = mg->steps[i];
        CHECK(s.step == i + 1);
        CHECK(s.scope == scopes[i]);
        CHECK_FALSE(s.name.en.empty());
        CHECK_FALSE(s.name.es.empty());
        CHECK(s.name.en != s.name.es);
        int items = 0;
        for (const ChecklistItemTemplate& t : mg->items) {
            if (t.step != s.step) continue;
            ++items;
            CHECK_FALSE(t.name.es.empty());
            CHECK_FALSE(t.description.es.empty());
            CHECK(t.reference.rfind("OECD MG Annex I step " + std::to_string(s.step), 0) == 0);
        }
        CHECK(items >= 3);
    }
    CHECK(mg->steps[3].name.en.find("audit") != std::string::npos);
    CHECK(mg->steps[3].name.es.find("Auditoría") != std::string::npos);
    CHECK(mg->steps[4].name.en.find("annually") != std::string::npos);
    CHECK(mg->item("2.c")->onTheGround);
    CHECK(mg->scopeOf("4.a") == "supplier");
    CHECK(mg->item("2.5") == nullptr);
    CHECK(cat.checklistTemplate("oecd_mineral") == nullptr);
}

TEST_CASE("Checklist templates - a supplier checklist following oecd_minerals validates with its ids, and not with RBC ids") {
    const json list = json::parse(R"({"scope": "org", "template": "oecd_minerals",
        "items": [{"id": "2.a", "status": "done"}, {"id": "4.c", "status": "in_progress"}]})");
    const Project p = projectFromJson(chainWith(list).dump(), Catalogue::installed());
    CHECK(validateProject(p).empty());
    REQUIRE(p.checklists.size() == 1);
    CHECK(p.checklists[0].templateId == "oecd_minerals");
    CHECK(p.checklistTemplateOf("org")->id == "oecd_minerals");
    CHECK(p.checklistTemplateOf("ref")->id == "oecd_rbc");  // no checklist yet: the default

    // "2.5" is an RBC item (a site visit); the Minerals template names it otherwise.
    json bad = chainWith(list);
    bad["checklists"][0]["items"][1]["id"] = "2.5";
    CHECK(templateErrorOf(bad) == "checklists[0].items[1].id: not an item of the checklist template \"oecd_minerals\" (\"2.5\") (closest: 2.a, 2.b, 2.c)");
    // And the other way round: a checklist naming no template follows oecd_rbc.
    bad = chainWith(list);
    bad["checklists"][0].erase("template");
    CHECK(templateErrorOf(bad).rfind("checklists[0].items[0].id: not an item of the checklist template \"oecd_rbc\" (\"2.a\") (closest: 2.1", 0) == 0);
    bad = chainWith(list);
    bad["checklists"][0]["template"] = "oecd_mineral";
    CHECK(templateErrorOf(bad) == "checklists[0].template: unknown checklist template \"oecd_mineral\" (closest: oecd_minerals, oecd_rbc)");

    // Export names the template only when it is not the default.
    const json out = json::parse(projectToJson(p));
    CHECK(out["checklists"][0]["template"] == "oecd_minerals");
    json plain = chainWith(json::parse(R"({"scope": "org", "template": "oecd_rbc", "items": [{"id": "2.4"}]})"));
    CHECK_FALSE(json::parse(projectToJson(projectFromJson(plain.dump(), Catalogue::installed())))["checklists"][0].contains("template"));

    // The undoable commands check items against the checklist's template too.
    Project edited = p;
    ChecklistItem rbcItem;
    rbcItem.id = "2.5";
    CHECK_THROWS_AS(SetChecklistItem("org", rbcItem).apply(edited), InvalidInput);
    SetChecklistItem("ref", rbcItem).apply(edited);  // ref has no checklist: the default template
    SetChecklistTemplate change("org", "oecd_rbc");
    change.apply(edited);
    CHECK(edited.findChecklist("org")->templateId.empty());  // the default is stored as ""
    CHECK(edited.findChecklist("org")->items.empty());       // 2.a and 4.c are no RBC items
    change.revert(edited);
    CHECK(*edited.findChecklist("org") == p.checklists[0]);
    CHECK_THROWS_WITH(SetChecklistTemplate("org", "oecd_minerls").apply(edited),
                      Catch::Contains("closest: oecd_minerals"));
}

TEST_CASE("Checklist templates - a user-made template in chain JSON round-trips losslessly") {
    json doc = chainWith(json::parse(R"({"scope": "org", "template": "asi_ps",
        "items": [{"id": "9.8", "status": "done", "evidence": "visita 2025-03-02", "owner": "", "due": ""}]})"));
    doc["catalogue"]["checklist_templates"] = json::array({ownTemplate()});
    const Project p = projectFromJson(doc.dump(), Catalogue::installed());
    CHECK(validateProject(p).empty());
    const ChecklistTemplate* t = p.catalogue.checklistTemplate("asi_ps");
    REQUIRE(t);
    CHECK(t->steps.size() == 2);
    CHECK(t->item("9.8")->reference == "ASI PS 9.8");
    CHECK(t->item("9.8")->onTheGround);
    CHECK(t->item("1.1")->retired);
    CHECK(t->steps[0].description.en == "Criteria 9.x");

    // import -> export: the template comes back exactly as written.
    const json out = json::parse(projectToJson(p));
    REQUIRE(out["catalogue"]["checklist_templates"].size() == 1);
    CHECK(out["catalogue"]["checklist_templates"][0] == ownTemplate());
    CHECK(out["checklists"][0]["template"] == "asi_ps");
    CHECK(out["checklists"][0]["items"][0]["evidence"] == "visita 2025-03-02");
    // export -> import -> export: the same text.
    const Project back = projectFromJson(out.dump(), Catalogue::installed());
    CHECK(projectToJson(back) == projectToJson(p));
    CHECK(back.catalogue.texts() == p.catalogue.texts());

    // The .traza file keeps both the template and the checklist's choice.
    TempDir dir;
    ProjectStore::save(p, dir / "own.traza");
    const Project opened = ProjectStore::open(dir / "own.traza");
    CHECK(opened.checklists == p.checklists);
    CHECK(opened.catalogue.checklistTemplate("asi_ps"));

    // A framework file carries it to another project, which reports it added, then unchanged.
    const std::string framework = frameworkJson(p.catalogue, Catalogue::installed(), false);
    const FrameworkImport first = importFramework(framework, Catalogue::installed());
    REQUIRE(first.changes.size() == 1);
    CHECK(first.changes[0].list == "checklist_templates");
    CHECK(first.changes[0].id == "asi_ps");
    CHECK(first.changes[0].kind == CatalogueChange::Kind::Added);
    CHECK(first.catalogue.checklistTemplate("asi_ps")->items.size() == 3);
    const FrameworkImport again = importFramework(framework, first.catalogue);
    CHECK(again.changes[0].kind == CatalogueChange::Kind::Unchanged);
    // --all exports every template, the default one included, and reads back unchanged.
    const json all = json::parse(frameworkJson(p.catalogue, Catalogue::installed(), true));
    std::vector<std::string> ids;
    for (const json& e : all["catalogue"]["checklist_templates"]) ids.push_back(e["id"]);
    CHECK(ids == std::vector<std::string>{"oecd_rbc", "oecd_minerals", "asi_ps"});
    for (const CatalogueChange& c : importFramework(all.dump(), p.catalogue).changes)
        if (c.list == "checklist_templates") CHECK(c.kind == CatalogueChange::Kind::Unchanged);
}

TEST_CASE("Checklist templates - replacing an installed template by id, and what is refused") {
    json doc = chainWith(json::parse(R"({"scope": "org", "items": [{"id": "2.4", "status": "done"}]})"));
    doc["catalogue"]["checklist_templates"] = json::parse(R"([{"id": "oecd_rbc", "name": {"en": "Our six steps", "es": "Nuestros seis pasos"}},
        {"id": "oecd_minerals", "retired": true}])");
    std::vector<CatalogueChange> changes;
    const Catalogue merged = withOwnEntries(Catalogue::installed(), doc["catalogue"], "catalogue", &changes);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].kind == CatalogueChange::Kind::Replaced);
    CHECK(changes[1].kind == CatalogueChange::Kind::Replaced);
    CHECK(changes[1].retired);
    CHECK(merged.checklistTemplate("oecd_rbc")->name.es == "Nuestros seis pasos");
    CHECK(merged.checklistTemplate("oecd_rbc")->steps.size() == 6);  // the rest of the entry kept
    CHECK(merged.checklistSteps.size() == 6);
    CHECK(merged.checklistTemplate("oecd_minerals")->retired);
    CHECK(merged.checklistTemplate("oecd_minerals")->items.size() == Catalogue::installed().checklistTemplate("oecd_minerals")->items.size());

    const Project p = projectFromJson(doc.dump(), Catalogue::installed());
    const json out = json::parse(projectToJson(p));
    CHECK(out["catalogue"]["checklist_templates"].size() == 2);
    CHECK(projectToJson(projectFromJson(out.dump(), Catalogue::installed())) == projectToJson(p));

    auto refused = [&](const char* entry) {
        json d = chainWith(json::parse(R"({"scope": "org", "items": []})"));
        json t = ownTemplate();
        t.merge_patch(json::parse(entry));
        d["catalogue"]["checklist_templates"] = json::array({t});
        return templateErrorOf(d);
    };
    CHECK(refused(R"({"items": [{"id": "x", "step": 7, "name": "X"}]})") ==
          "catalogue.checklist_templates[0].items[0].step: the template has no step 7");
    CHECK(refused(R"({"items": [{"id": "x", "step": 1, "name": "X", "refrence": "ASI"}]})") ==
          "catalogue.checklist_templates[0].items[0].refrence: unknown field");
    CHECK(refused(R"({"steps": [{"step": 1, "name": "S", "scope": "buyer"}]})") ==
          "catalogue.checklist_templates[0].steps[0].scope: must be assessment or supplier");
    CHECK(refused(R"({"items": [{"id": "x", "step": 1, "name": "X"}, {"id": "x", "step": 2, "name": "Y"}]})") ==
          "catalogue.checklist_templates[0].items[1].id: duplicate item id \"x\"");
    CHECK(refused(R"({"name": null})") == "catalogue.checklist_templates[0].name: missing");
}

TEST_CASE("Checklist templates - a version 6 file opens with every checklist on the default template") {
    TempDir dir;
    const fs::path file = dir / "v6.traza";
    Project p = makeChain(6, 10);
    REQUIRE(validateProject(p).empty());
    ProjectStore::save(p, file);
    // Version 6 had no checklists.template column, no checklist_templates catalogue file and no answer sources.
    rawExec(file, "DELETE FROM catalogue WHERE stem = 'checklist_templates'; " + asSchemaVersion(6));
    REQUIRE(ProjectStore::fileSchemaVersion(file) == 6);
    const Project old = ProjectStore::open(file);
    CHECK(old.sameChain(p));
    REQUIRE_FALSE(old.checklists.empty());
    for (const Checklist& c : old.checklists) {
        CHECK(c.templateId.empty());
        CHECK(old.checklistTemplateOf(c.scope)->id == "oecd_rbc");
    }
    CHECK(validateProject(old).empty());
    CHECK(old.catalogue.checklistTemplates.size() == 1);  // the copy predates the other templates
    CHECK(ownEntries(old.catalogue, Catalogue::installed()).empty());

    // Saved again, it is the current version and keeps a chosen template.
    Project edited = old;
    edited.catalogue = Catalogue::installed();
    edited.checklists[1].templateId = "oecd_minerals";
    edited.checklists[1].items = {{"3.b", ItemStatus::Done, "plan firmado", {}, "", ""}};
    REQUIRE(validateProject(edited).empty());
    ProjectStore::save(edited, file);
    CHECK(ProjectStore::fileSchemaVersion(file) == ProjectStore::kSchemaVersion);
    const Project reopened = ProjectStore::open(file);
    CHECK(reopened.checklists == edited.checklists);
    CHECK(reopened.catalogue.checklistTemplates.size() == Catalogue::installed().checklistTemplates.size());
}
