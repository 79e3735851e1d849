// Uncertain figures in the workbench (issue #21), driven as a user would:
// the Properties pane takes a flow's sd as a percentage and an unknown amount,
// each one undoable step. The chain (tests/gui/data/uncertain-chain.json) is
// worked by hand in its notes: χ² = 4 on 1 dof, f1 100 → 90 t with z = −2.
#include <catch2/catch.hpp>
#include <wx/menu.h>
#include <wx/propgrid/propgrid.h>

#include "analysis_runner.h"
#include "chain_canvas.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "property_panel.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
using Catch::Detail::Approx;

namespace {

const fs::path kChain = fs::path(TRAZA_GUI_TEST_DATA) / "uncertain-chain.json";

wxString undoLabel(MainFrame* f) { return f->GetMenuBar()->FindItem(wxID_UNDO)->GetItemLabelText(); }

// The screen point `dx` pixels into a property's value cell.
wxPoint valueCell(wxPropertyGrid* g, const wxString& name, int dx = 30) {
    wxPGProperty* p = g->GetPropertyByName(name);
    REQUIRE(p);
    g->EnsureVisible(p);
    pump(100);
    const wxRect r = g->GetPropertyRect(p, p);
    return g->ClientToScreen(g->CalcScrolledPosition(wxPoint(g->GetSplitterPosition() + dx, r.y + r.height / 2)));
}

bool openChain(TestFrame& fx) {
    return fx.f->files().openPath(kChain) &&
           waitUntil([&] { return fx.f->analysis() != nullptr && !fx.f->analysisRunner().busy(); });
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
    CHECK(undoLabel(f) == "Undo Edit flow");
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
    CHECK(undoLabel(f) == "Undo Edit flow");
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
