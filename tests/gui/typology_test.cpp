// Typologies and risk factors in the real window under Xvfb: Chain > Set
// typology of outgoing flows is one undo step and re-runs the analysis; the
// property grid explains the chosen typology and risk factors from the catalogue.
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/listbox.h>
#include <wx/propgrid/propgrid.h>
#include <wx/textctrl.h>

#include <cstdlib>

#include "analysis_runner.h"
#include "bulk_typology.h"
#include "command_ids.h"
#include "error.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "test_frame.h"
#include "labels.h"
#include "main_frame.h"
#include "property_panel.h"
#include "typology_action.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

struct TypologyFrame : TestFrame {
    TypologyFrame() : TestFrame(wxSize(1400, 900)) {}
    ~TypologyFrame() { setTypologyChooser({}); }
    bool analysed() { return f->analysis() && !f->analysisRunner().busy(); }
};

std::vector<const model::Flow*> outgoing(const model::Project& p, const std::string& actor) {
    std::vector<const model::Flow*> out;
    for (const model::Flow& f : p.flows)
        if (f.from == actor) out.push_back(&f);
    return out;
}
}  // namespace

TEST_CASE("Typology - setting the typology of all outgoing flows of an actor is one undo step and re-runs the analysis", "[gui][typology]") {
    TypologyFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    REQUIRE(waitUntil([&] { return fx.analysed(); }));
    Document& doc = fx.f->document();
    // The actor with the most outgoing flows (an exporter or intermediary of the sample).
    std::string actor;
    for (const model::Actor& a : doc.project().actors)
        if (outgoing(doc.project(), a.id).size() > outgoing(doc.project(), actor).size()) actor = a.id;
    const std::size_t n = outgoing(doc.project(), actor).size();
    REQUIRE(n >= 2);
    const std::vector<model::Flow> before = doc.project().flows;
    const auto analysisBefore = fx.f->analysis();
    const std::string json = risk::analysisToJson(*analysisBefore);

    std::vector<std::string> asked;
    setTypologyChooser([&](const std::vector<std::string>& ids) {
        asked = ids;
        return std::optional<std::string>("rrrm-1");
    });
    fx.f->selection().set({ItemKind::Actor, actor});
    fx.menu(ids::SetOutgoingTypology);
    CHECK(asked == std::vector<std::string>{actor});
    for (const model::Flow* f : outgoing(doc.project(), actor)) CHECK(f->typology == "rrrm-1");
    // Flows of other actors are untouched.
    for (std::size_t i = 0; i < before.size(); ++i)
        if (before[i].from != actor) CHECK(doc.project().flows[i] == before[i]);
    CHECK(doc.undoLabel() == kSetOutgoingTypologyLabel);
    // The analysis re-runs on the change: a new result, and a low-risk typology lowers it.
    REQUIRE(waitUntil([&] { return fx.analysed() && fx.f->analysis() != analysisBefore; }));
    CHECK(risk::analysisToJson(*fx.f->analysis()) != json);

    // One undo restores every flow.
    doc.undo();
    CHECK(doc.project().flows == before);
    CHECK(doc.undoLabel() != kSetOutgoingTypologyLabel);
    REQUIRE(waitUntil([&] { return fx.analysed(); }));
    CHECK(risk::analysisToJson(*fx.f->analysis()) == json);
    doc.redo();
    for (const model::Flow* f : outgoing(doc.project(), actor)) CHECK(f->typology == "rrrm-1");

    // Cancel changes nothing; nothing selected changes nothing.
    setTypologyChooser([](const std::vector<std::string>&) { return std::optional<std::string>(); });
    fx.menu(ids::SetOutgoingTypology);
    CHECK(doc.undoLabel() == kSetOutgoingTypologyLabel);
    fx.f->selection().clear();
    setTypologyChooser([](const std::vector<std::string>&) { return std::optional<std::string>("rrrm-3"); });
    fx.menu(ids::SetOutgoingTypology);
    CHECK(outgoing(doc.project(), actor).front()->typology == "rrrm-1");
    CHECK(fx.errors.empty());
}

TEST_CASE("Typology - an unknown typology is refused and nothing changes", "[gui][typology]") {
    TypologyFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    Document& doc = fx.f->document();
    const std::vector<model::Flow> before = doc.project().flows;
    CHECK_THROWS_AS(setOutgoingTypology(doc, {"expA"}, "rrrm-9"), traza::InvalidInput);
    CHECK(doc.project().flows == before);
    CHECK(setOutgoingTypology(doc, {"no-such-actor"}, "rrrm-2") == 0);
}

TEST_CASE("Typology - the property grid explains the chosen typology and risk factors from the catalogue", "[gui][typology]") {
    TypologyFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    const model::Project& p = fx.f->document().project();
    const model::Catalogue& c = p.catalogue;
    wxPropertyGrid* grid = fx.f->properties()->grid();

    // A flow with a typology: its help is that typology's description and expected due diligence.
    const model::Flow* typed = nullptr;
    for (const model::Flow& f : p.flows)
        if (!f.typology.empty()) typed = &f;
    REQUIRE(typed);
    const model::Typology* t = c.typology(typed->typology);
    REQUIRE(t);
    fx.f->selection().set({ItemKind::Flow, typed->id});
    fx.f->properties()->refresh();
    wxPGProperty* typology = grid->GetPropertyByName("typology");
    REQUIRE(typology);
    CHECK(typology->GetHelpString().Contains(localText(t->description)));
    CHECK(typology->GetHelpString().Contains(localText(t->expectedDueDiligence)));

    // An actor with risk factors: each chosen factor is explained.
    const model::Actor* withFactors = nullptr;
    for (const model::Actor& a : p.actors)
        if (!a.riskFactors.empty()) withFactors = &a;
    REQUIRE(withFactors);
    fx.f->selection().set({ItemKind::Actor, withFactors->id});
    fx.f->properties()->refresh();
    wxPGProperty* factors = grid->GetPropertyByName("risk_factors");
    REQUIRE(factors);
    for (const std::string& id : withFactors->riskFactors) {
        REQUIRE(c.riskFactor(id));
        CHECK(factors->GetHelpString().Contains(localText(c.riskFactor(id)->description)));
    }
    // Clicked in the grid, the description box shows it; a screenshot for review.
    const wxRect row = grid->GetPropertyRect(factors, factors);
    UiDriver ui;
    ui.click(UiDriver::onScreen(grid, wxPoint(row.x + 30, row.y + row.height / 2)));
    REQUIRE(waitUntil([&] { return grid->GetSelection() == factors; }, 5000));
    pump(300);
    const char* dir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path shot = (dir ? fs::path(dir) : fs::temp_directory_path()) / "typology-risk-factors.png";
    fs::remove(shot);
    CHECK(screenshot(fx.f->GetScreenRect(), shot));
    CHECK(fx.errors.empty());
}

TEST_CASE("Typology - the dialog lists the catalogue's typologies and explains the highlighted one", "[gui][typology]") {
    TypologyFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    Document& doc = fx.f->document();
    const model::Catalogue& c = doc.project().catalogue;
    REQUIRE(c.typologies.size() >= 2);
    const model::Typology& second = c.typologies[1];
    fx.f->selection().set({ItemKind::Actor, "org3"});
    // The real dialog: runs modally; this answers it from inside its loop as a user would.
    wxString help;
    int items = 0;
    bool answered = false;
    wxTheApp->CallAfter([&] {
        auto* dlg = dynamic_cast<wxDialog*>(wxWindow::FindWindowByName("typology-dialog"));
        if (!dlg) return;
        auto* list = dynamic_cast<wxListBox*>(wxWindow::FindWindowByName("typology-list", dlg));
        auto* text = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName("typology-help", dlg));
        if (!list || !text) return;
        items = static_cast<int>(list->GetCount());
        list->SetSelection(2);  // "(not set)", then the catalogue's typologies in order
        wxCommandEvent pick(wxEVT_LISTBOX, list->GetId());
        pick.SetEventObject(list);
        pick.SetInt(2);
        list->GetEventHandler()->ProcessEvent(pick);
        help = text->GetValue();
        pump(300);
        const char* dir = std::getenv("TRAZA_SCREENSHOT_DIR");
        screenshot(dlg->GetScreenRect(), (dir ? fs::path(dir) : fs::temp_directory_path()) / "typology-dialog.png");
        answered = true;
        dlg->EndModal(wxID_OK);
    });
    fx.menu(ids::SetOutgoingTypology);
    REQUIRE(answered);
    CHECK(items == static_cast<int>(c.typologies.size()) + 1);
    CHECK(help.Contains(localText(second.description)));
    CHECK(help.Contains(localText(second.expectedDueDiligence)));
    for (const model::Flow* f : outgoing(doc.project(), "org3")) CHECK(f->typology == second.id);
    CHECK(doc.undoLabel() == kSetOutgoingTypologyLabel);
    CHECK(fx.errors.empty());
}
