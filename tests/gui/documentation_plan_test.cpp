// What to document next and the claim fields in the workbench (issue #20),
// on the CARE sample. By hand, at "self-declared" to stage 1: every picker
// flow has 5 % of its tonnes documented (f4: 0.47 of 9.3 t) and every later
// flow is documented in full, so the refiner's input is 5 % traced today;
// documenting f1 (173.8 of 225.2 t) adds 0.95 × 173.8 / 225.2 = 73.3 points,
// then f2 adds 0.95 × 30.2 / 225.2 = 12.7: two steps reach 80 %.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/propgrid/propgrid.h>
#include <wx/spinctrl.h>

#include <cstdlib>

#include "analysis.h"
#include "analysis_panel.h"
#include "analysis_runner.h"
#include "chain_canvas.h"
#include "chain_commands.h"
#include "claims_page.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "plan_page.h"
#include "property_panel.h"
#include "reconciliation_page.h"
#include "table_view.h"
#include "test_frame.h"
#include "property_grid_driver.h"
#include "ui_driver.h"
#include "what_if_panel.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
using Catch::Detail::Approx;

namespace {


struct PlanFrame : TestFrame {
    MainFrame* frame = f;
    TempDir dir;
    /// `saved`: the sample saved as a project and opened again, so that its
    /// undo stack is empty and it is unmodified (opening the JSON lays it out, one undo step).
    explicit PlanFrame(bool saved = false) : TestFrame(wxSize(1600, 1000)) {
        if (spanishRun()) REQUIRE(_("What to document next") == wxString::FromUTF8("Qué documentar después"));
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        settle();
        if (!saved) return;
        frame->document().saveAs(dir / "care.traza");
        REQUIRE(frame->files().openPath(dir / "care.traza"));
        settle();
        REQUIRE_FALSE(frame->document().canUndo());
        REQUIRE_FALSE(frame->document().isModified());
    }
    void settle() {
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        pump(100);
    }
    PlanPage* plan() const { return frame->analysisPanel()->plan(); }
    /// Bring the plan page to the front and choose level / stage / target as a user would.
    void showPlan(model::Evidence level, int stage, int targetPct) {
        frame->analysisPanel()->showPage(plan());
        pump(200);
        wxChoice* c = plan()->levelChoice();
        c->SetSelection(c->FindString(evidenceLabel(level)));
        wxCommandEvent choose(wxEVT_CHOICE, c->GetId());
        choose.SetEventObject(c);
        choose.SetInt(c->GetSelection());
        c->GetEventHandler()->ProcessEvent(choose);
        for (wxSpinCtrl* s : {plan()->stageSpin(), plan()->targetSpin()}) {
            s->SetValue(s == plan()->stageSpin() ? stage : targetPct);
            wxSpinEvent e(wxEVT_SPINCTRL, s->GetId());
            e.SetEventObject(s);
            e.SetPosition(s->GetValue());
            s->GetEventHandler()->ProcessEvent(e);
        }
        REQUIRE(waitUntil([&] {
            const auto a = frame->analysis();
            return a && !frame->analysisRunner().busy() && a->plan && a->plan->level == level && a->plan->stage == stage &&
                   std::fabs(a->plan->target - targetPct / 100.0) < 1e-12;
        }));
        pump(200);
    }
    /// The library's analysis of the project as it is, with that plan.
    risk::Analysis reference(model::Evidence level, int stage, double target) const {
        risk::AnalysisOptions o;
        o.language = uiLanguage();
        o.planLevel = level;
        o.planStage = stage;
        o.planTarget = target;
        return risk::analyze(frame->document().project(), o);
    }
    /// Tick (or untick) a flow of the what-if list, as a click on its box does.
    void tick(const std::string& flow, bool on) {
        wxCheckListBox* list = plan()->whatIf()->flows();
        int at = wxNOT_FOUND;
        for (unsigned i = 0; i < list->GetCount(); ++i)
            if (list->GetString(i).StartsWith(toWx(flow) + ":") || list->GetString(i) == toWx(flow)) at = static_cast<int>(i);
        REQUIRE(at != wxNOT_FOUND);
        list->Check(static_cast<unsigned>(at), on);
        wxCommandEvent e(wxEVT_CHECKLISTBOX, list->GetId());
        e.SetEventObject(list);
        e.SetInt(at);
        list->GetEventHandler()->ProcessEvent(e);
        pump(100);
    }
};

wxString undoLabel(MainFrame* f) { return f->GetMenuBar()->FindItem(wxID_UNDO)->GetItemLabelText(); }


void typeInto(UiDriver& ui, wxPropertyGrid* g, const wxString& name, const char* text) {
    ui.click(valueCell(g, name));
    REQUIRE(waitUntil([&] { return g->GetEditorControl() != nullptr; }));
    ui.key(WXK_END);
    for (int i = 0; i < 8; ++i) ui.key(WXK_BACK);
    ui.type(text);
    ui.key(WXK_RETURN);
}

// The share shown for stage k in the what-if table: {today, if documented}.
std::pair<wxString, wxString> whatIfRow(WhatIfPanel* w, int stage) {
    TableView* t = w->shares();
    REQUIRE(static_cast<int>(t->rowCount()) >= stage);
    const auto cells = t->row(static_cast<std::size_t>(stage - 1)).cells;
    return {cells[1], cells[2]};
}

double tracedAt(const risk::Traceability& t, model::Evidence level, int stage) {
    for (const risk::TraceLevel& l : t.levels)
        if (l.level == level) return l.byStage.at(stage);
    FAIL("no level");
    return 0;
}

}  // namespace

TEST_CASE("DocumentationPlan - the page lists the library's plan, the canvas marks its flows with their gain, and a step shows its flow", "[gui]") {
    PlanFrame fx;
    MainFrame* f = fx.frame;
    const auto level = model::Evidence::SelfDeclared;
    fx.showPlan(level, 1, 80);
    const risk::Analysis ref = fx.reference(level, 1, 0.8);
    REQUIRE(ref.plan);
    const risk::DocumentationPlan& plan = *ref.plan;
    // By hand (the file's comment): 5 % today, f1 then f2.
    CHECK(plan.start == Approx(0.05).epsilon(0.002));
    REQUIRE(plan.steps.size() == 2);
    CHECK(plan.steps[0].flow == "f1");
    CHECK(plan.steps[0].gain == Approx(0.95 * 173.8 / 225.2).epsilon(1e-3));
    CHECK(plan.steps[0].tonnes == Approx(173.8 - 8.69));
    CHECK(plan.steps[1].flow == "f2");
    CHECK(plan.reached);

    // The rows are the library's plan, formatted.
    TableView* steps = fx.plan()->steps();
    REQUIRE(steps->rowCount() == plan.steps.size());
    for (std::size_t i = 0; i < plan.steps.size(); ++i) {
        const auto cells = steps->row(i).cells;
        CHECK(cells[0] == wxString::Format("%d", static_cast<int>(i + 1)));
        CHECK(cells[1].StartsWith(toWx(plan.steps[i].flow) + ": "));
        CHECK(cells[2] == formatTonnes(plan.steps[i].tonnes));
        CHECK(cells[3] == formatPoints(plan.steps[i].gain));
        CHECK(cells[4] == formatShare(plan.steps[i].traced));
    }
    CHECK(steps->row(0).cells[1] == wxString::FromUTF8("f1: Waste pickers of Organisation 1 → Organisation 1"));
    CHECK(formatPoints(0.0332) == (spanishRun() ? "+3,3 pts" : "+3.3 pts"));  // the language's mark
    CHECK(fx.plan()->summaryText().Contains(formatShare(plan.start)));

    // The canvas marks exactly the plan's flows with their step and gain.
    const ChainScene& scene = f->canvas()->scene();
    for (const model::Flow& fl : f->document().project().flows) {
        const auto e = scene.edgeOfFlow(fl.id);
        REQUIRE(e);
        const SceneEdge& edge = scene.edges()[*e];
        if (fl.id == "f1" || fl.id == "f2") {
            CHECK(edge.planStep == (fl.id == "f1" ? 1 : 2));
            CHECK(edge.planGain == Approx(plan.steps[fl.id == "f1" ? 0 : 1].gain));
        } else {
            CHECK(edge.planStep == 0);
        }
    }

    // Clicking step 2 selects f2.
    UiDriver ui;
    wxRect r;
    REQUIRE(steps->GetItemRect(1, r));
    ui.click(steps->ClientToScreen(r.GetPosition() + wxPoint(60, r.height / 2)));
    REQUIRE(waitUntil([&] { return f->selection().primary() == ItemRef{ItemKind::Flow, "f2"}; }));

    // Another level: the page and the canvas follow the library again (stage 3, documented: f12 alone).
    fx.showPlan(model::Evidence::Documented, 3, 80);
    const risk::Analysis ref3 = fx.reference(model::Evidence::Documented, 3, 0.8);
    REQUIRE(ref3.plan);
    REQUIRE(steps->rowCount() == ref3.plan->steps.size());
    REQUIRE(!ref3.plan->steps.empty());
    CHECK(ref3.plan->steps[0].flow == "f12");
    CHECK(ref3.plan->steps[0].gain == Approx(217.4 / 225.2));
    CHECK(steps->row(0).cells[4] == formatShare(ref3.plan->steps[0].traced));
    CHECK(scene.edges()[*scene.edgeOfFlow("f12")].planStep == 1);
    CHECK(scene.edges()[*scene.edgeOfFlow("f1")].planStep == 0);

    // Another tab in front: the canvas shows no plan.
    f->analysisPanel()->showPage(f->analysisPanel()->reconciliation());
    pump(200);
    CHECK(f->canvas()->scene().edges()[*scene.edgeOfFlow("f12")].planStep == 0);
    CHECK(fx.errors.empty());
}

TEST_CASE("DocumentationPlan - ticked flows show the share the library computes with them documented, the project unchanged, and Reset", "[gui]") {
    PlanFrame fx(true);
    MainFrame* f = fx.frame;
    const auto level = model::Evidence::SelfDeclared;
    fx.showPlan(level, 1, 80);
    WhatIfPanel* w = fx.plan()->whatIf();
    const double today = tracedAt(f->analysis()->traceability, level, 1);
    CHECK(whatIfRow(w, 1).first == formatShare(today));
    CHECK(whatIfRow(w, 1).second == formatShare(today));

    // An independent reference: a copy of the project with f1's tonnes documented, analysed again.
    auto reanalysed = [&](const std::vector<std::string>& ids) {
        model::Project copy = f->document().project();
        for (const std::string& id : ids) {
            model::Flow* fl = copy.findFlow(id);
            REQUIRE(fl);
            if (fl->evidence < level) fl->evidence = level;
            fl->documentedT = fl->tonnes;
        }
        return risk::analyze(copy, {});
    };
    fx.tick("f1", true);
    const risk::Analysis withF1 = reanalysed({"f1"});
    const double expected = tracedAt(withF1.traceability, level, 1);
    CHECK(expected == Approx(today + 0.95 * 173.8 / 225.2).epsilon(1e-3));
    CHECK(whatIfRow(w, 1).first == formatShare(today));
    CHECK(whatIfRow(w, 1).second == formatShare(expected));
    CHECK(w->shares()->row(0).cells[3] == formatPoints(expected - today));
    // Later stages too (stage 3: the same flows, already traced beyond the organisations).
    CHECK(whatIfRow(w, 3).second == formatShare(tracedAt(withF1.traceability, level, 3)));

    // Both plan steps ticked: the share the plan's last step reaches.
    fx.tick("f2", true);
    const risk::Analysis both = reanalysed({"f1", "f2"});
    CHECK(whatIfRow(w, 1).second == formatShare(tracedAt(both.traceability, level, 1)));
    CHECK(tracedAt(both.traceability, level, 1) == Approx(f->analysis()->plan->steps.back().traced));

    // The flow selected on the canvas can be offered and ticked too (f12 carries nothing more at this level).
    f->selection().set({ItemKind::Flow, "f6"});
    pump(100);
    wxCommandEvent add(wxEVT_BUTTON, w->addSelectedButton()->GetId());
    add.SetEventObject(w->addSelectedButton());
    w->addSelectedButton()->GetEventHandler()->ProcessEvent(add);
    pump(100);
    fx.tick("f6", true);
    CHECK(whatIfRow(w, 1).second == formatShare(tracedAt(reanalysed({"f1", "f2", "f6"}).traceability, level, 1)));

    // Nothing of it reached the project.
    CHECK_FALSE(f->document().isModified());
    CHECK_FALSE(f->document().canUndo());
    CHECK(f->document().project().findFlow("f1")->documentedT == Approx(8.69));

    // Reset: back to today's figures.
    wxCommandEvent press(wxEVT_BUTTON, w->resetButton()->GetId());
    press.SetEventObject(w->resetButton());
    w->resetButton()->GetEventHandler()->ProcessEvent(press);
    pump(100);
    CHECK(w->tickedFlows().empty());
    CHECK(whatIfRow(w, 1).second == formatShare(today));
    for (unsigned i = 0; i < w->flows()->GetCount(); ++i) CHECK_FALSE(w->flows()->IsChecked(i));
    CHECK(fx.errors.empty());
}

TEST_CASE("Claims - the claim fields are edited in the Properties pane, each one undo step, and impossible values are refused", "[gui]") {
    PlanFrame fx(true);
    MainFrame* f = fx.frame;
    Document& doc = f->document();
    wxPropertyGrid* grid = f->properties()->grid();
    UiDriver ui;

    // The refiner: claims by kind, no yield set.
    f->selection().set({ItemKind::Actor, "ref"});
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("claim_yield") && grid->GetPropertyValueAsString("id") == "ref"; }));
    CHECK(grid->GetPropertyValueAsInt("makes_claims") == 0);
    CHECK(grid->IsPropertyEnabled("claim_yield"));

    typeInto(ui, grid, "claim_yield", "0.9");
    REQUIRE(waitUntil([&] { return doc.project().findActor("ref")->claimYield > 0; }));
    CHECK(doc.project().findActor("ref")->claimYield == Approx(0.9));
    CHECK(undoLabel(f) == (spanishRun() ? wxString::FromUTF8("Deshacer: Editar rendimiento de declaración")
                                        : wxString("Undo: Edit claim yield")));
    CHECK(f->properties()->errorText().empty());

    // 1.5 t of output per tonne of input cannot be: refused with the reason, nothing changes.
    typeInto(ui, grid, "claim_yield", "1.5");
    REQUIRE(waitUntil([&] { return !f->properties()->errorText().empty(); }));
    CHECK(f->properties()->errorText().Contains(spanishRun() ? wxString::FromUTF8("como máximo 1") : wxString("at most 1")));
    CHECK(doc.project().findActor("ref")->claimYield == Approx(0.9));
    ui.key(WXK_ESCAPE);
    pump(200);

    // Ctrl+Z restores the yield as it was (not set).
    f->canvas()->SetFocus();
    pump(100);
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return doc.project().findActor("ref")->claimYield == 0; }));
    CHECK_FALSE(doc.canUndo());

    // A claim on a flow whose sender makes no claims is refused, naming the sender.
    f->selection().set({ItemKind::Flow, "f12"});
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("claimed_t") && grid->GetPropertyValueAsString("id") == "f12"; }));
    typeInto(ui, grid, "claimed_t", "10");
    REQUIRE(waitUntil([&] { return !f->properties()->errorText().empty(); }));
    CHECK(f->properties()->errorText().Contains("Exporter A"));
    CHECK(doc.project().findFlow("f12")->claimedT == 0);
    ui.key(WXK_ESCAPE);
    pump(200);

    // Exporter A made a claimer through the grid, then 10 t claimed on f12: two undo steps with their labels.
    f->selection().set({ItemKind::Actor, "expA"});
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("makes_claims") && grid->GetPropertyValueAsString("id") == "expA"; }));
    CHECK_FALSE(grid->IsPropertyEnabled("claim_yield"));  // an exporter makes no claims by kind
    wxVariant yes(1L);
    REQUIRE(grid->ChangePropertyValue("makes_claims", yes));
    REQUIRE(waitUntil([&] { return doc.project().findActor("expA")->makesClaims == std::optional<bool>(true); }));
    CHECK(undoLabel(f) == (spanishRun() ? wxString::FromUTF8("Deshacer: Editar hace declaraciones") : wxString("Undo: Edit makes claims")));
    f->selection().set({ItemKind::Flow, "f12"});
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("claimed_t") && grid->GetPropertyValueAsString("id") == "f12"; }));
    typeInto(ui, grid, "claimed_t", "10");
    REQUIRE(waitUntil([&] { return doc.project().findFlow("f12")->claimedT == 10; }));
    CHECK(undoLabel(f) == (spanishRun() ? wxString::FromUTF8("Deshacer: Editar toneladas declaradas") : wxString("Undo: Edit claimed tonnes")));
    // The analysis keeps Exporter A's account; the Claims page lists its period.
    REQUIRE(waitUntil([&] { return !f->analysisRunner().busy() && f->analysis()->claims.has_value(); }));
    const auto& accounts = f->analysis()->claims->accounts;
    REQUIRE(!accounts.empty());
    std::size_t periods = 0;
    for (const auto& a : accounts) periods += a.periods.size();
    CHECK(f->analysisPanel()->claims()->periods()->rowCount() == periods);
    // Undo twice: no claim, no claimer.
    f->canvas()->SetFocus();
    pump(100);
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return doc.project().findFlow("f12")->claimedT == 0; }));
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return !doc.project().findActor("expA")->makesClaims.has_value(); }));
    CHECK(fx.errors.empty());
}

TEST_CASE("DocumentationPlan - screenshots of the plan on the canvas and of the claim fields", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    const std::string suffix = spanishRun() ? "-es" : "";
    PlanFrame fx;
    MainFrame* f = fx.frame;
    fx.showPlan(model::Evidence::SelfDeclared, 1, 80);
    fx.tick("f1", true);
    f->selection().clear();  // the plan's violet marks, not the selection's blue
    f->panes().GetPane("analysis").MinSize(-1, f->FromDIP(330));  // room for the steps and the what-if
    f->panes().Update();
    pump(300);
    f->canvas()->fitToWindow();
    pump(800);
    const fs::path plan = out / ("documentation-plan" + suffix + ".png");
    fs::remove(plan);
    REQUIRE(screenshot(f->GetScreenRect(), plan));
    CHECK(fs::file_size(plan) > 20000);

    // The refiner's claim fields: makes claims by kind, yield 0.95, the ISCC-like profile.
    model::Actor ref = *f->document().project().findActor("ref");
    ref.claimYield = 0.95;
    ref.claimProfile = "iscc";
    f->document().execute(std::make_unique<model::UpdateActor>("ref", ref));
    f->selection().set({ItemKind::Actor, "ref"});
    wxPropertyGrid* grid = f->properties()->grid();
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("claim_yield") && grid->GetPropertyValueAsString("id") == "ref"; }));
    f->panes().GetPane("properties").MinSize(f->FromDIP(460), -1);  // room for the labels and the profile's name
    f->panes().Update();
    pump(300);
    grid->SetFocus();
    grid->EnsureVisible("claim_profile");
    grid->SelectProperty("claim_yield", true);
    pump(800);
    const fs::path claims = out / ("claims-fields" + suffix + ".png");
    fs::remove(claims);
    REQUIRE(screenshot(f->properties()->GetScreenRect(), claims));
    CHECK(fs::file_size(claims) > 10000);
    CHECK(fx.errors.empty());
}
