// View > Focus in the real frame (issue #17): the dialog answered as a user
// would (choice, steps, OK), the canvas then draws only the focused actors,
// and View > Show the whole chain brings every actor back. CARE sample: org3
// sells to int1 and expA, which sells to ref (see chain_focus_test.cpp).
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/radiobox.h>
#include <wx/spinctrl.h>

#include <filesystem>

#include "analysis_runner.h"
#include "catalogue.h"
#include "chain_commands.h"
#include "chain_canvas.h"
#include "command_ids.h"
#include "file_controller.h"
#include "focus_dialog.h"
#include "main_frame.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
namespace fs = std::filesystem;

namespace {

std::set<std::string> drawnActors(const ChainCanvas& canvas) {
    std::set<std::string> ids;
    for (const SceneNode& n : canvas.scene().nodes()) ids.insert(n.id);
    return ids;
}

// Answer the Focus dialog the menu is about to open: pick `show` and `steps`, press OK.
void answerFocusDialog(int show, int steps) {
    wxTheApp->CallAfter([show, steps] {
        auto* dialog = dynamic_cast<FocusDialog*>(wxWindow::FindWindowByName("focus-dialog"));
        REQUIRE(dialog);
        dialog->showBox()->SetSelection(show);
        dialog->hopsBox()->SetValue(steps);
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        dialog->FindWindow(wxID_OK)->GetEventHandler()->ProcessEvent(ok);
    });
}

}  // namespace

TEST_CASE("Focus - the dialog narrows the canvas to org3's customers within one step or all, and Show the whole chain undoes it", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    REQUIRE(drawnActors(canvas).size() == 14);

    f->selection().set({ItemKind::Actor, "org3"});
    answerFocusDialog(1, 1);  // downstream, one step
    fx.menu(ids::Focus);
    pump(300);
    CHECK(canvas.focused());
    CHECK(drawnActors(canvas) == std::set<std::string>{"org3", "int1", "expA"});
    CHECK(canvas.scene().edges().size() == 2);  // f6 and f9

    answerFocusDialog(1, 0);  // downstream, every step
    fx.menu(ids::Focus);
    pump(300);
    CHECK(drawnActors(canvas) == std::set<std::string>{"org3", "int1", "expA", "ref"});
    // The focused actors fill the view: org3 and ref both on screen.
    CHECK(canvas.actorCentreOnScreen("org3").has_value());
    CHECK(canvas.actorCentreOnScreen("ref").has_value());

    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) / "focus-downstream.png";
    fs::remove(png);
    REQUIRE(screenshot(f->GetScreenRect(), png));

    // An edit while focused keeps the focus, and undo too.
    model::Flow f6 = *f->document().project().findFlow("f6");
    const double before = f6.tonnes;
    f6.tonnes = before + 1;
    f->document().execute(std::make_unique<model::UpdateFlow>("f6", f6));
    pump(200);
    CHECK(drawnActors(canvas).size() == 4);
    const auto edge = canvas.scene().edgeOfFlow("f6");
    REQUIRE(edge);
    CHECK(canvas.scene().edges()[*edge].tonnes == Approx(before + 1));
    fx.menu(wxID_UNDO);
    pump(200);
    CHECK(drawnActors(canvas).size() == 4);
    CHECK(f->document().project().findFlow("f6")->tonnes == before);

    fx.menu(ids::ShowWholeChain);
    pump(300);
    CHECK_FALSE(canvas.focused());
    CHECK(drawnActors(canvas).size() == 14);
    CHECK(fx.errors.empty());
}

TEST_CASE("Focus - Ctrl+Shift+A typed on the canvas shows the whole chain again, and Ctrl+A still selects every actor", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    ChainCanvas& canvas = *f->canvas();
    f->selection().set({ItemKind::Actor, "org3"});
    answerFocusDialog(1, 1);  // downstream, one step
    fx.menu(ids::Focus);
    pump(300);
    REQUIRE(canvas.focused());

    // The keys as the menu shows them, typed where the user works: on the canvas. The
    // canvas took them as Ctrl+A (select all) and the focus stayed.
    UiDriver ui;
    canvas.SetFocus();
    REQUIRE(waitUntil([&] { return canvas.HasFocus(); }, 3000));
    ui.key('A', wxMOD_CONTROL | wxMOD_SHIFT);
    REQUIRE(waitUntil([&] { return !canvas.focused(); }, 3000));
    CHECK(drawnActors(canvas).size() == 14);

    ui.key('A', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return f->selection().actors().size() == 14; }, 3000));
    CHECK(fx.errors.empty());
}
