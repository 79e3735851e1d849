// The property sets: every field of an actor and a flow reaches the grid, and a
// changed property comes back as the right model value (choices by index,
// multi-choices from catalogue labels to ids).
#include <catch2/catch.hpp>
#include <wx/frame.h>
#include <wx/propgrid/propgrid.h>

#include "actor_properties.h"
#include "error.h"
#include "flow_properties.h"
#include "gui_test_support.h"
#include "labels.h"
#include "ui_driver.h"
#include "validation.h"

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

TEST_CASE("PropertySets - uncertainties are typed as tonnes or as a percentage, kept in tonnes, and an amount can be unknown", "[gui]") {
    model::Project p = twoActors();
    GridFrame g;
    const FlowProperties props(p);
    props.append(*g.grid);
    model::Flow f = p.flows[0];  // 12.5 t, 10 documented
    f.sdT = 0.625;
    props.show(*g.grid, f);
    CHECK(g.grid->GetPropertyValueAsString("sd_t") == "0.625");
    CHECK(g.grid->GetPropertyValueAsDouble("sd_pct") == Catch::Detail::Approx(5));  // 0.625 / 12.5
    CHECK_FALSE(g.grid->GetPropertyValueAsBool("tonnes_unknown"));

    // 8 % of 12.5 t = 1 t; 2 % typed in the percentage row = 0.25 t; tonnes as typed.
    CHECK(props.with(f, "sd_t", wxVariant(wxString("8%"))).sdT == Catch::Detail::Approx(1));
    CHECK(props.with(f, "sd_pct", wxVariant(2.0)).sdT == Catch::Detail::Approx(0.25));
    CHECK(props.with(f, "sd_t", wxVariant(wxString::FromUTF8("± 1.5 t"))).sdT == 1.5);
    CHECK(props.with(f, "sd_t", wxVariant(wxString())).sdT == 0);
    CHECK_THROWS_AS(props.with(f, "sd_t", wxVariant(wxString("a lot"))), InvalidInput);
    CHECK_THROWS_AS(props.with(f, "sd_t", wxVariant(wxString("-1"))), InvalidInput);

    // Unknown: tonnes, sd and documented tonnes go to 0 (the model's rule); typing tonnes makes it known.
    const model::Flow u = props.with(f, "tonnes_unknown", wxVariant(true));
    CHECK(u.tonnesUnknown);
    CHECK(u.tonnes == 0);
    CHECK(u.sdT == 0);
    CHECK(u.documentedT == 0);
    CHECK(model::validateFlow(u, "flows[0]", &p.catalogue).empty());
    props.show(*g.grid, u);
    CHECK(g.grid->GetPropertyValueAsBool("tonnes_unknown"));
    CHECK(g.grid->GetPropertyByName("tonnes")->IsValueUnspecified());
    CHECK_FALSE(g.grid->IsPropertyEnabled("sd_t"));
    CHECK_FALSE(g.grid->IsPropertyEnabled("documented_t"));
    const model::Flow k = props.with(u, "tonnes", wxVariant(7.0));
    CHECK_FALSE(k.tonnesUnknown);
    CHECK(k.tonnes == 7);
    CHECK_THROWS_AS(props.with(u, "tonnes_unknown", wxVariant(false)), InvalidInput);  // known only by a figure

    // An actor's stock change and losses: 10 % of a stock change of −20 t = 2 t; a
    // percentage of losses of 0 t is refused (type tonnes), tonnes are not.
    const ActorProperties actorProps(p);
    GridFrame ga;
    actorProps.append(*ga.grid);
    model::Actor a = p.actors[0];
    a.stockChangeT = -20;
    a.lossSdT = 0.5;
    actorProps.show(*ga.grid, a);
    CHECK(ga.grid->GetPropertyValueAsString("loss_sd_t") == "0.5");
    CHECK_FALSE(ga.grid->IsPropertyEnabled("loss_sd_pct"));  // losses are 0 t
    CHECK(actorProps.with(a, "stock_change_sd_t", wxVariant(wxString("10%"))).stockChangeSdT == Catch::Detail::Approx(2));
    CHECK(actorProps.with(a, "stock_change_sd_pct", wxVariant(5.0)).stockChangeSdT == Catch::Detail::Approx(1));
    CHECK(actorProps.with(a, "loss_sd_t", wxVariant(wxString("2"))).lossSdT == 2);
    CHECK_THROWS_AS(actorProps.with(a, "loss_sd_t", wxVariant(wxString("5%"))), InvalidInput);
}
