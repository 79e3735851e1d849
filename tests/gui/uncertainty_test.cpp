// Uncertain figures in the workbench (issue #21), driven as a user would:
// the Properties pane takes a flow's sd as a percentage and an unknown amount,
// each one undoable step. The chain (tests/gui/data/uncertain-chain.json) is
// worked by hand in its notes: χ² = 4 on 1 dof, f1 100 → 90 t with z = −2.
#include <catch2/catch.hpp>
#include <wx/menu.h>
#include <wx/propgrid/propgrid.h>

#include <wx/notebook.h>

#include <cstdlib>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "chain_canvas.h"
#include "chain_commands.h"
#include "reconciliation_page.h"
#include "table_view.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "property_panel.h"
#include "test_frame.h"
#include "property_grid_driver.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
using Catch::Detail::Approx;

namespace {

const fs::path kChain = fs::path(TRAZA_GUI_TEST_DATA) / "uncertain-chain.json";

wxString undoLabel(MainFrame* f) { return f->GetMenuBar()->FindItem(wxID_UNDO)->GetItemLabelText(); }

// The screen point `dx` pixels into a property's value cell.

bool openChain(TestFrame& fx) {
    return fx.f->files().openPath(kChain) &&
           waitUntil([&] { return fx.f->analysis() != nullptr && !fx.f->analysisRunner().busy(); });
}

// Bring the analysis pane's Reconciliation page to the front.
ReconciliationPage* showReconciliationPage(MainFrame* f) {
    ReconciliationPage* page = f->analysisPanel()->reconciliation();
    auto* book = dynamic_cast<wxNotebook*>(page->GetParent());
    REQUIRE(book);
    const int at = book->FindPage(page);
    REQUIRE(at != wxNOT_FOUND);
    CHECK(book->GetPageText(at) == _("Reconciliation"));
    book->SetSelection(at);
    pump(200);
    return page;
}

// Select a flow and wait until the grid shows it.
void showFlow(TestFrame& fx, const std::string& id) {
    fx.f->selection().set({ItemKind::Flow, id});
    wxPropertyGrid* grid = fx.f->properties()->grid();
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("sd_t") && grid->GetPropertyValueAsString("id") == toWx(id); }));
}

}  // namespace

TEST_CASE("Uncertainty - a flow's sd typed as 5% is kept in tonnes, an amount ticked unknown, and undo restores each", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(openChain(fx));
    Document& doc = f->document();
    REQUIRE(f->analysis()->reconciliation);
    CHECK(f->analysis()->reconciliation->chi2 == Approx(4));
    UiDriver ui;
    wxPropertyGrid* grid = f->properties()->grid();

    // f3 (90 t, exact): type "5%" as its sd -> 4.5 t, and the grid shows 4.5 t and 5 %.
    showFlow(fx, "f3");
    CHECK(grid->GetPropertyValueAsString("sd_t") == "0");
    ui.click(valueCell(grid, "sd_t"));
    REQUIRE(waitUntil([&] { return grid->GetEditorControl() != nullptr; }));
    ui.key(WXK_END);
    for (int i = 0; i < 6; ++i) ui.key(WXK_BACK);
    ui.type("5%");
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return doc.project().findFlow("f3")->sdT > 0; }));
    CHECK(doc.project().findFlow("f3")->sdT == Approx(4.5));
    // Undo names the field and the flow (issue #17).
    CHECK(undoLabel(f) == wxString::FromUTF8("Undo: ± sd (t) of Intermediary C → Refiner R"));
    CHECK(f->properties()->errorText().empty());
    REQUIRE(waitUntil([&] { return grid->GetPropertyValueAsString("sd_t") == "4.5"; }));
    CHECK(grid->GetPropertyValueAsDouble("sd_pct") == Approx(5));
    // The analysis follows: 10 t over 25 + 20.25 t²: χ² = 100 / 45.25.
    REQUIRE(waitUntil([&] {
        return !f->analysisRunner().busy() && f->analysis()->reconciliation &&
               std::fabs(f->analysis()->reconciliation->chi2 - 100 / 45.25) < 1e-9;
    }));

    // Something that is no uncertainty is refused with the reason, and nothing changes.
    ui.click(valueCell(grid, "sd_t"));
    REQUIRE(waitUntil([&] { return grid->GetEditorControl() != nullptr; }));
    ui.key(WXK_END);
    for (int i = 0; i < 6; ++i) ui.key(WXK_BACK);
    ui.type("lots");
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return !f->properties()->errorText().empty(); }));
    CHECK(f->properties()->errorText().Contains("percentage"));
    CHECK(doc.project().findFlow("f3")->sdT == Approx(4.5));
    ui.key(WXK_ESCAPE);
    pump(200);

    // f4 (30 ± 3 t): tick "Amount unknown" -> null tonnes, no sd.
    showFlow(fx, "f4");
    CHECK_FALSE(grid->GetPropertyValueAsBool("tonnes_unknown"));
    grid->SelectProperty("tonnes_unknown");
    pump(100);
    ui.click(valueCell(grid, "tonnes_unknown", 8));  // the check box at the start of the cell
    if (!waitUntil([&] { return doc.project().findFlow("f4")->tonnesUnknown; }, 3000)) {
        ui.click(valueCell(grid, "tonnes_unknown", 8));  // the first click may only focus the grid
        REQUIRE(waitUntil([&] { return doc.project().findFlow("f4")->tonnesUnknown; }));
    }
    const model::Flow* f4 = doc.project().findFlow("f4");
    CHECK(f4->tonnes == 0);
    CHECK(f4->sdT == 0);
    CHECK(undoLabel(f) == wxString::FromUTF8("Undo: amount unknown of Waste pickers Q → Refiner R"));
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("tonnes")->IsValueUnspecified(); }));
    CHECK_FALSE(grid->IsPropertyEnabled("sd_t"));

    // Undo from the canvas: f4 is known again with its sd, then f3 is exact again.
    f->canvas()->SetFocus();
    pump(100);
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return !doc.project().findFlow("f4")->tonnesUnknown; }));
    CHECK(doc.project().findFlow("f4")->tonnes == 30);
    CHECK(doc.project().findFlow("f4")->sdT == 3);
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return doc.project().findFlow("f3")->sdT == 0; }));
    REQUIRE(waitUntil([&] {
        return !f->analysisRunner().busy() && f->analysis()->reconciliation &&
               std::fabs(f->analysis()->reconciliation->chi2 - 4) < 1e-9;
    }));
    CHECK(fx.errors.empty());
}

TEST_CASE("Uncertainty - the Reconciliation page words the verdict, ranks figures by |z|, says what cannot be checked, and a row selects its flow", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(openChain(fx));
    ReconciliationPage* page = showReconciliationPage(f);
    // By hand (the chain's notes): χ² = 10² / 25 = 4 on 1 dof, p = P(χ²₁ > 4) = 0.0455,
    // critical 3.84; one test, so |z| = 2 is beyond 1.96.
    const wxString verdict = page->verdictText();
    CHECK(verdict.Contains(wxString::FromUTF8("χ² = 4.00 on 1 degree of freedom, p = 0.0455 (critical value at 5 %: 3.84).")));
    CHECK(verdict.Contains("At least one figure is implausible"));
    CHECK(verdict.Contains("1 uncertain figure cannot be checked"));
    CHECK(verdict.Contains("The other tabs use the figures as entered."));

    TableView* t = page->figures();
    REQUIRE(t->rowCount() == 4);  // f1 adjusted, f2 computed, f5 not determined, f4 unchecked
    auto cells = [&](std::size_t i) { return t->row(i).cells; };
    CHECK(cells(0)[0] == "f1");
    CHECK(cells(0)[1] == wxString::FromUTF8("Waste pickers A → Organisation B"));
    CHECK(cells(0)[2] == "100 t");
    CHECK(cells(0)[3] == "90 t");
    CHECK(cells(0)[4] == "0 t");  // the balance fixes it exactly: √(25 − 25)
    CHECK(cells(0)[5] == "-2.00");
    CHECK(cells(0)[6] == "implausible: |z| above 1.96");
    CHECK(cells(1)[0] == "f2");
    CHECK(cells(1)[2] == "unknown");
    CHECK(cells(1)[3] == "90 t");
    CHECK(cells(1)[6] == "unknown, computed from the balances");
    CHECK(cells(2)[0] == "f5");
    CHECK(cells(2)[3] == wxString::FromUTF8("–"));
    CHECK(cells(2)[6] == "unknown, not determined by the balances");
    CHECK(cells(3)[0] == "f4");
    CHECK(cells(3)[2] == "30 t");
    CHECK(cells(3)[5] == wxString::FromUTF8("–"));
    CHECK(cells(3)[6].StartsWith("cannot be checked"));

    // Clicking a row selects its flow on the canvas.
    UiDriver ui;
    t->EnsureVisible(3);
    pump(200);
    wxRect r;
    REQUIRE(t->GetItemRect(3, r));
    ui.click(t->ClientToScreen(r.GetPosition() + wxPoint(30, r.height / 2)));
    REQUIRE(waitUntil([&] { return f->selection().primary() == ItemRef{ItemKind::Flow, "f4"}; }));

    // With f1 at 100 ± 10 t: χ² = 100 / 100 = 1, p = P(χ²₁ > 1) = 0.3173: consistent.
    model::Flow f1 = *f->document().project().findFlow("f1");
    f1.sdT = 10;
    f->document().execute(std::make_unique<model::UpdateFlow>("f1", f1));
    REQUIRE(waitUntil([&] { return page->verdictText().Contains("p = 0.3173"); }));
    CHECK(page->verdictText().Contains("The figures are consistent"));
    CHECK(t->row(0).cells[6] == "plausible: |z| within 1.96");
    CHECK(fx.errors.empty());
}

TEST_CASE("Uncertainty - screenshot: the canvas labels ± sd and marks the implausible flow beside the Reconciliation page", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(openChain(fx));
    showReconciliationPage(f);
    // The scene the canvas draws: f1 uncertain and implausible, f2 unknown, f4 uncertain and not marked.
    const ChainScene& scene = f->canvas()->scene();
    const SceneEdge& e1 = scene.edges()[*scene.edgeOfFlow("f1")];
    CHECK(e1.sdT == 5);
    CHECK(e1.implausible);
    CHECK(scene.edges()[*scene.edgeOfFlow("f2")].tonnesUnknown);
    CHECK(scene.edges()[*scene.edgeOfFlow("f4")].sdT == 3);
    CHECK_FALSE(scene.edges()[*scene.edgeOfFlow("f4")].implausible);
    CHECK(formatUncertainTonnes(100, 5, false) == wxString::FromUTF8("100 ± 5 t"));
    CHECK(formatUncertainTonnes(0, 0, true) == "? t");
    CHECK(formatUncertainTonnes(90, 0, false) == "90 t");
    // f1 selected (its ± rows in the Properties pane), then the picture.
    f->selection().set({ItemKind::Flow, "f1"});
    pump(600);
    const fs::path png = out / "workbench-reconciliation.png";
    fs::remove(png);
    REQUIRE(screenshot(f->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);

    // Organisation B with losses of 2 ± 0.5 t: the actor's ± rows (25 %), in the build directory only.
    model::Actor b = *f->document().project().findActor("B");
    b.lossT = 2;
    b.lossSdT = 0.5;
    f->document().execute(std::make_unique<model::UpdateActor>("B", b));
    f->selection().set({ItemKind::Actor, "B"});
    wxPropertyGrid* grid = f->properties()->grid();
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("loss_sd_pct") != nullptr; }));
    pump(600);
    CHECK(grid->GetPropertyValueAsString("loss_sd_t") == "0.5");
    CHECK(grid->GetPropertyValueAsDouble("loss_sd_pct") == Approx(25));
    const fs::path actorPng = out / "workbench-actor-uncertainty.png";
    REQUIRE(screenshot(f->properties()->GetScreenRect(), actorPng));
    CHECK(fx.errors.empty());
}
