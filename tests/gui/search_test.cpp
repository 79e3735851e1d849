// Edit > Find in the real frame: Ctrl+F opens the bar with the cursor in its
// field, Enter / F3 / Shift+F3 step through the hits with a count, and every
// hit is selected and centred on the canvas. In the CARE sample
// (data/samples/care-pilot-2025.json) "bogota" is the region of pickers-org2,
// pickers-org5, org2 and org5 and is in the notes of pickers-org1, -org3 and
// -org4: seven actors, in the project's order pickers-org1..5, org2, org5; no flow.
#include <catch2/catch.hpp>
#include <wx/grid.h>
#include <wx/textctrl.h>

#include <cmath>
#include <cstdlib>

#include "analysis_runner.h"
#include "chain_canvas.h"
#include "command_ids.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "search_bar.h"
#include "table_page.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

TEST_CASE("Search - Ctrl+F finds by region, Enter and F3 step through the hits with a count, each selected and centred", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    if (spanishRun()) REQUIRE(_("No match") == wxString::FromUTF8("Sin resultados"));
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    f->canvas()->fitToWindow();
    f->canvas()->SetFocus();
    pump(200);
    UiDriver ui;
    REQUIRE_FALSE(f->panes().GetPane("search").IsShown());
    ui.key('F', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return f->panes().GetPane("search").IsShown() && f->searchBar()->field()->HasFocus(); }, 3000));

    auto centred = [&](const std::string& id) {
        const auto c = f->canvas()->actorCentreOnScreen(id);
        const wxSize size = f->canvas()->GetClientSize();
        return c && std::abs(c->x - size.x / 2) <= 2 && std::abs(c->y - size.y / 2) <= 2;
    };
    ui.type("bogota");
    REQUIRE(waitUntil([&] { return f->searchBar()->countText() == wxString::Format(_("%d found"), 7); }, 3000));
    const char* expected[] = {"pickers-org1", "pickers-org2", "pickers-org3", "pickers-org4", "pickers-org5", "org2", "org5"};
    auto shows = [&](int i) {
        return waitUntil([&] { return f->selection().primary() == ItemRef{ItemKind::Actor, expected[i]}; }, 3000) &&
               f->searchBar()->countText() == wxString::Format(_("%d of %d"), i + 1, 7) && centred(expected[i]);
    };
    ui.key(WXK_RETURN);
    CHECK(shows(0));
    ui.key(WXK_F3);
    CHECK(shows(1));
    ui.key(WXK_F3, wxMOD_SHIFT);
    CHECK(shows(0));
    ui.key(WXK_F3, wxMOD_SHIFT);  // back around the start
    CHECK(shows(6));
    ui.key(WXK_RETURN);  // on around the end
    CHECK(shows(0));

    // A flow by its id: selected, its arrow in the middle of the canvas.
    f->searchBar()->field()->SelectAll();
    ui.type("f12");
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return f->selection().primary() == ItemRef{ItemKind::Flow, "f12"}; }, 3000));
    CHECK(f->searchBar()->countText() == wxString::Format(_("%d of %d"), 1, 1));

    f->searchBar()->field()->SelectAll();
    ui.type("zzz");
    REQUIRE(waitUntil([&] { return f->searchBar()->countText() == _("No match"); }, 3000));
    ui.key(WXK_ESCAPE);
    REQUIRE(waitUntil([&] { return !f->panes().GetPane("search").IsShown(); }, 3000));
    CHECK(fx.errors.empty());
}

TEST_CASE("Search - typing counts the hits once the keys pause, and Enter does not wait for the pause", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    fx.menu(ids::Find);
    REQUIRE(waitUntil([&] { return f->searchBar()->field()->HasFocus(); }, 3000));
    SearchBar* bar = f->searchBar();
    UiDriver ui;
    const std::size_t before = bar->searchesRun();
    ui.type("bogota");  // six keys, well inside one pause
    REQUIRE(waitUntil([&] { return bar->countText() == wxString::Format(_("%d found"), 7); }, 3000));
    CHECK(bar->searchesRun() - before == 1);  // one search for the six keys, not six

    // Typed and Enter at once: the pending search runs now and its first hit shows.
    bar->field()->SelectAll();
    const std::size_t typed = bar->searchesRun();
    bar->field()->WriteText("f12");
    CHECK(bar->searchPending());
    CHECK(bar->searchesRun() == typed);
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return f->selection().primary() == ItemRef{ItemKind::Flow, "f12"}; }, 3000));
    CHECK_FALSE(bar->searchPending());
    CHECK(bar->countText() == wxString::Format(_("%d of %d"), 1, 1));
    pump(SearchBar::kTypingPause + 100);
    CHECK(bar->searchesRun() == typed + 1);  // the pause that followed found nothing new to do
    CHECK(fx.errors.empty());
}

TEST_CASE("Tables - screenshots of the tables and the search bar on the CARE sample", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    const std::string suffix = spanishRun() ? "-es" : "";
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    if (spanishRun()) REQUIRE(_("Tables") == wxString::FromUTF8("Tablas"));
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    fx.menu(ids::ShowTables);
    f->showTables(f->flowTable());
    pump(300);
    // Sorted by tonnes, heaviest first, with two clicks on the header (its arrow shows the order).
    wxGrid* g = f->flowTable()->grid();
    UiDriver ui;
    for (int click = 0; click < 2; ++click) {
        const wxRect r = g->CellToRect(0, 4);
        const int x = g->CalcScrolledPosition(r.GetPosition()).x + r.width / 2;
        ui.click(g->GetGridColLabelWindow()->ClientToScreen(wxPoint(x, g->GetColLabelSize() / 2)));
    }
    REQUIRE(waitUntil([&] { return f->flowTable()->idAt(0) == "f12"; }, 3000));
    f->selection().set({ItemKind::Flow, "f7"});
    pump(300);
    f->canvas()->fitToWindow();
    pump(600);
    const fs::path flows = out / ("tables-flows" + suffix + ".png");
    fs::remove(flows);
    REQUIRE(screenshot(f->GetScreenRect(), flows));
    CHECK(fs::file_size(flows) > 20000);

    f->showTables(f->actorTable());
    fx.menu(ids::Find);
    ui.type("bogota");
    ui.key(WXK_RETURN);
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return f->selection().primary() == ItemRef{ItemKind::Actor, "pickers-org2"}; }, 3000));
    pump(600);
    const fs::path search = out / ("search-actors" + suffix + ".png");
    fs::remove(search);
    REQUIRE(screenshot(f->GetScreenRect(), search));
    CHECK(fs::file_size(search) > 20000);
    CHECK(fx.errors.empty());
}
