// Anonymised sharing (issue #22): pseudonyms, region levels, what is removed,
// and the whole-word substitution that rewrites a title. The CLI test
// (tests/cli/anonymise_test.py) searches every shareable output.
#include <catch2/catch.hpp>

#include "anonymise.h"
#include "pseudonyms.h"
#include "text_substitution.h"

using namespace traza::model;

namespace {

Actor actor(std::string id, std::string name, ActorKind kind, int stage, std::string region = "") {
    Actor a;
    a.id = std::move(id);
    a.name = std::move(name);
    a.kind = kind;
    a.stage = stage;
    a.region = std::move(region);
    a.country = "CO";
    a.notes = "call Ana on 300 123 4567";
    return a;
}

Project sharedChain() {
    Project p = Project::createEmpty();
    // Out of stage order on purpose: numbering follows stage, then this order.
    p.actors = {actor("exp-andes", "Exportadora Andes", ActorKind::Exporter, 4, "Bolívar / Cartagena"),
                actor("eca-sol", "ECA El Sol", ActorKind::PickerOrganisation, 2, "Atlántico / Barranquilla / Sur"),
                actor("grp-sol", "Recicladores del Sol", ActorKind::WastePicker, 1, "Atlántico > Soledad"),
                actor("eca-luna", "ECA La Luna", ActorKind::PickerOrganisation, 2, "Bogotá, Kennedy")};
    p.actors[0].cocCertification = "ASI CoC cert. 4711";
    Flow f;
    f.id = "sol-to-andes";
    f.from = "eca-sol";
    f.to = "exp-andes";
    f.tonnes = 12.5;
    f.documentedT = 10;
    f.notes = "invoice FE-2231";
    p.flows.push_back(f);
    Checklist c;
    c.scope = "eca-sol";
    ChecklistItem item;
    item.id = "2.1";
    item.evidence = "visit by Ana";
    item.documents = {"acta-sol.pdf"};
    item.owner = "Ana";
    c.items.push_back(item);
    p.checklists.push_back(c);
    Finding finding;
    finding.id = "F1";
    finding.subject = "sol-to-andes";
    finding.action = "ask ECA El Sol for receipts";
    finding.owner = "Ana";
    p.findings.push_back(finding);
    p.assessment.title = "ECA El Sol and exp-andes in Atlántico (exp-andesX kept)";
    p.assessment.notes = "source: Ana";
    return p;
}

}  // namespace

TEST_CASE("anonymise: pseudonyms numbered within the kind by stage, then by the chain's order") {
    const std::vector<Pseudonym> en = pseudonymsFor(sharedChain().actors, "en");
    REQUIRE(en.size() == 4);
    CHECK(en[0].id == "exporter-1");
    CHECK(en[0].name == "Exporter 1");
    CHECK(en[1].id == "org-1");
    CHECK(en[1].name == "Organisation 1");
    CHECK(en[2].id == "pickers-1");
    CHECK(en[3].id == "org-2");
    CHECK(pseudonymsFor(sharedChain().actors, "es")[3].name == "Organización 2");
}

TEST_CASE("anonymise: identities, notes and references go, figures and links stay") {
    const AnonymisedProject shared = anonymise(sharedChain(), {});
    const Project& p = shared.project;
    CHECK(shared.actorIds.at("eca-sol") == "org-1");
    CHECK(p.actors[1].name == "Organisation 1");
    CHECK(p.actors[1].notes.empty());
    CHECK(p.actors[1].region.empty());
    CHECK(p.actors[1].country == "CO");
    CHECK(p.actors[0].cocCertification == "[withheld]");
    REQUIRE(p.flows.size() == 1);
    CHECK(p.flows[0].id == "f1");
    CHECK(p.flows[0].from == "org-1");
    CHECK(p.flows[0].to == "exporter-1");
    CHECK(p.flows[0].tonnes == 12.5);
    CHECK(p.flows[0].documentedT == 10);
    CHECK(p.flows[0].notes.empty());
    CHECK(p.checklists[0].scope == "org-1");
    CHECK(p.checklists[0].items[0].evidence.empty());
    CHECK(p.checklists[0].items[0].documents.empty());
    CHECK(p.checklists[0].items[0].owner.empty());
    CHECK(p.findings[0].subject == "f1");
    CHECK(p.findings[0].action.empty());
    CHECK(p.findings[0].owner.empty());
    CHECK(p.assessment.notes.empty());
    CHECK(p.assessment.title == "Organisation 1 and exporter-1 in Atlántico (exp-andesX kept)");
}

TEST_CASE("anonymise: regions generalised to the level asked") {
    const Project original = sharedChain();
    AnonymiseOptions o;
    o.regions = RegionLevel::Top;
    Project p = anonymise(original, o).project;
    CHECK(p.actors[0].region == "Bolívar");
    CHECK(p.actors[1].region == "Atlántico");
    CHECK(p.actors[2].region == "Atlántico");
    CHECK(p.actors[3].region == "Bogotá");
    o.regions = RegionLevel::Full;
    CHECK(anonymise(original, o).project.actors[1].region == "Atlántico / Barranquilla / Sur");
    o.regions = RegionLevel::None;
    p = anonymise(original, o).project;
    CHECK(p.actors[1].region.empty());
    CHECK(p.actors[1].country.empty());
    CHECK(parseRegionLevel("country") == RegionLevel::Country);
    CHECK_FALSE(parseRegionLevel("city"));
}

TEST_CASE("anonymise: whole-word substitution leaves longer words alone, longest first") {
    TextSubstitution s;
    s.add("org1", "org-1", TextSubstitution::Match::WholeWord);
    s.add("Cali", "[region]", TextSubstitution::Match::WholeWord);
    s.add("ECA El Sol", "Organisation 1", TextSubstitution::Match::Anywhere);
    s.add("ECA El Sol Norte", "Organisation 2", TextSubstitution::Match::Anywhere);
    s.add("", "never", TextSubstitution::Match::Anywhere);
    CHECK(s.apply("org1, org10 and org1x from Cali (Calidad)") == "org-1, org10 and org1x from [region] (Calidad)");
    CHECK(s.apply("ECA El Sol Norte buys from ECA El Sol.") == "Organisation 2 buys from Organisation 1.");
    CHECK(s.apply("Calió") == "Calió");  // a UTF-8 letter continues the word
    CHECK(s.apply("") == "");
}
