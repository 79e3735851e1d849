// The property sets: every field of an actor and a flow reaches the grid, and a
// changed property comes back as the right model value (choices by index,
// multi-choices from catalogue labels to ids).
#include <catch2/catch.hpp>
#include <wx/frame.h>
#include <wx/propgrid/propgrid.h>

#include "actor_properties.h"
#include "flow_properties.h"
#include "gui_test_support.h"
#include "labels.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {
struct GridFrame {
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "grid");
    wxPropertyGrid* grid = new wxPropertyGrid(frame, wxID_ANY, wxDefaultPosition, wxSize(400, 700));
    ~GridFrame() {
        frame->Destroy();
        pump(50);
    }
};

model::Project twoActors() {
    model::Project p;
    p.catalogue = model::Catalogue::installed();
    p.actors.push_back(actor("org1", model::ActorKind::PickerOrganisation));
    p.actors.push_back(actor("exp", model::ActorKind::Exporter));
    p.flows.push_back(flow("f1", "org1", "exp", 12.5, model::Evidence::Documented, 10));
    return p;
}
}  // namespace

TEST_CASE("PropertySets - an actor's fields show in the grid and come back as model values", "[gui]") {
    const model::Project p = twoActors();
    REQUIRE(p.catalogue.riskFactors.size() >= 2);
    model::Actor a = p.actors[0];
    a.region = "Barranquilla";
    a.capacityT = 200;
    a.publicServiceProvider = true;
    a.riskFactors = {p.catalogue.riskFactors[1].id};
    GridFrame g;
    const ActorProperties props(p);
    props.append(*g.grid);
    props.show(*g.grid, a);
    CHECK(g.grid->GetPropertyValueAsString("region") == "Barranquilla");
    CHECK(g.grid->GetPropertyValueAsDouble("capacity_t") == 200);
    CHECK(g.grid->GetPropertyValueAsBool("public_service_provider"));
    CHECK(g.grid->GetPropertyValueAsString("kind") == kindLabel(model::ActorKind::PickerOrganisation));
    const wxArrayString chosen = g.grid->GetPropertyValueAsArrayString("risk_factors");
    REQUIRE(chosen.size() == 1);
    CHECK(chosen[0] == localText(p.catalogue.riskFactors[1].name));

    // Changes: one field at a time, the rest untouched.
    const model::Actor k = props.with(a, "kind", wxVariant(static_cast<long>(model::ActorKind::Exporter)));
    CHECK(k.kind == model::ActorKind::Exporter);
    CHECK(k.region == "Barranquilla");
    wxArrayString two;
    two.push_back(localText(p.catalogue.riskFactors[0].name));
    two.push_back(localText(p.catalogue.riskFactors[1].name));
    const model::Actor r = props.with(a, "risk_factors", wxVariant(two));
    CHECK(r.riskFactors == std::vector<std::string>{p.catalogue.riskFactors[0].id, p.catalogue.riskFactors[1].id});
    CHECK(props.with(a, "stock_change_t", wxVariant(-2.5)).stockChangeT == -2.5);
    CHECK(props.with(a, "notes", wxVariant(wxString::FromUTF8("Bogotá"))).notes == "Bogotá");

    // The actor's own due diligence (issue 16).
    a.ddStatus = model::DueDiligenceStatus::ThirdPartyAudited;
    a.cocCertification = "ASI CoC, cert. 1234, valid to 2027-05";
    props.show(*g.grid, a);
    CHECK(g.grid->GetPropertyValueAsString("dd_status") == _("Audited by a third party"));
    CHECK(g.grid->GetPropertyValueAsString("coc_certification") == "ASI CoC, cert. 1234, valid to 2027-05");
    CHECK(props.with(a, "dd_status", wxVariant(static_cast<long>(model::DueDiligenceStatus::SelfAssessed))).ddStatus ==
          model::DueDiligenceStatus::SelfAssessed);
    CHECK(props.with(a, "coc_certification", wxVariant(wxString("none"))).cocCertification == "none");
}

TEST_CASE("PropertySets - a flow's ends are chosen among the actors and documents among the catalogue", "[gui]") {
    model::Project p = twoActors();
    p.actors.push_back(actor("ref", model::ActorKind::Refiner));
    REQUIRE(p.catalogue.documentTypes.size() >= 2);
    REQUIRE(!p.catalogue.typologies.empty());
    GridFrame g;
    const FlowProperties props(p);
    props.append(*g.grid);
    model::Flow f = p.flows[0];
    f.typology = p.catalogue.typologies.back().id;
    props.show(*g.grid, f);
    CHECK(g.grid->GetPropertyValueAsString("from").Contains("org1"));
    CHECK(g.grid->GetPropertyValueAsDouble("tonnes") == 12.5);
    CHECK(g.grid->GetPropertyValueAsString("evidence") == evidenceLabel(model::Evidence::Documented));
    CHECK(g.grid->GetPropertyValueAsString("typology").StartsWith(toWx(f.typology)));

    CHECK(props.with(f, "to", wxVariant(2L)).to == "ref");  // index 2 in project order
    CHECK(props.with(f, "typology", wxVariant(0L)).typology.empty());  // "(not set)"
    CHECK(props.with(f, "evidence", wxVariant(4L)).evidence == model::Evidence::Verified);
    wxArrayString docs;
    docs.push_back(localText(p.catalogue.documentTypes[1].name));
    CHECK(props.with(f, "documents", wxVariant(docs)).documents == std::vector<std::string>{p.catalogue.documentTypes[1].id});
    CHECK(props.with(f, "tonnes", wxVariant(3.25)).tonnes == 3.25);
}
