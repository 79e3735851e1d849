// Canvas gestures beyond the main scenario: rubber-band selection, panning
// with the right button, zoom keys and Ctrl+wheel about the mouse, and a flow
// drawn with Shift held instead of the handle.
#include <catch2/catch.hpp>
#include <wx/utils.h>

#include "analysis_runner.h"
#include "chain_canvas.h"
#include "command_ids.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "main_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

struct Sample {
    MainFrame* f = new MainFrame;
    std::vector<wxString> errors;
    Sample() {
        setErrorSink([this](const wxString& t, const wxString& m) { errors.push_back(t + ": " + m); });
        f->files().setUnattended(true);
        f->SetSize(0, 0, 1600, 1000);
        f->Show();
        pump(300);
        REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    }
    ~Sample() {
        f->Destroy();
        pump(100);
        setErrorSink({});
    }
    wxPoint screenOf(const Point& world) const {
        const Point s = f->canvas()->view().toScreen(world);
        return f->canvas()->ClientToScreen(wxPoint(static_cast<int>(s.x), static_cast<int>(s.y)));
    }
};

}  // namespace

TEST_CASE("Canvas - a rubber band selects the boxes it touches", "[gui]") {
    Sample s;
    ChainCanvas* c = s.f->canvas();
    // Around the five picker groups of stage 1 only.
    Rect pickers;
    for (const SceneNode& n : c->scene().nodes())
        if (n.stage == 1) pickers = pickers.united(n.box);
    UiDriver ui;
    ui.drag(s.screenOf({pickers.x - 12, pickers.y - 12}), s.screenOf({pickers.right() - 20, pickers.bottom() + 6}));
    CHECK(s.f->selection().actors().size() == 5);
    for (const std::string& id : s.f->selection().actors()) CHECK(id.rfind("pickers-", 0) == 0);
    CHECK(s.errors.empty());
}

TEST_CASE("Canvas - the right button pans and zoom keys and Ctrl+wheel zoom about the mouse", "[gui]") {
    Sample s;
    ChainCanvas* c = s.f->canvas();
    UiDriver ui;
    const wxPoint middle = c->ClientToScreen(wxPoint(c->GetClientSize().x / 2, c->GetClientSize().y / 2));
    const Point before = c->view().origin();
    const double scale = c->view().scale();
    wxUIActionSimulator sim;
    ui.moveTo(middle);
    sim.MouseDown(wxMOUSE_BTN_RIGHT);
    pump(50);
    for (int i = 1; i <= 5; ++i) {
        sim.MouseMove(middle + wxPoint(20 * i, 10 * i));
        pump(30);
    }
    sim.MouseUp(wxMOUSE_BTN_RIGHT);
    pump(150);
    // Content follows the mouse: the origin moves by the drag over the scale.
    CHECK(c->view().origin().x == Approx(before.x - 100 / scale).margin(2 / scale));
    CHECK(c->view().origin().y == Approx(before.y - 50 / scale).margin(2 / scale));

    c->SetFocus();
    ui.key('+');
    CHECK(c->view().scale() == Approx(scale * 1.25));
    ui.key('-');
    CHECK(c->view().scale() == Approx(scale));

    // Ctrl+wheel up over a box zooms in and keeps that box under the mouse.
    auto exp = c->actorCentreOnScreen("expA");
    REQUIRE(exp);
    const wxPoint at = c->ClientToScreen(*exp);
    ui.moveTo(at);
    const Point world = c->view().toWorld({double(exp->x), double(exp->y)});
    const std::string move = "mousemove " + std::to_string(at.x) + " " + std::to_string(at.y);
    REQUIRE(wxExecute("xdotool " + move + " keydown ctrl click 4 keyup ctrl", wxEXEC_SYNC | wxEXEC_NODISABLE) == 0);
    pump(300);
    CHECK(c->view().scale() == Approx(scale * 1.15));
    const Point still = c->view().toWorld({double(exp->x), double(exp->y)});
    CHECK(still.x == Approx(world.x).margin(1));
    CHECK(still.y == Approx(world.y).margin(1));
    CHECK(s.errors.empty());
}

TEST_CASE("Canvas - Shift-drag from a box to another adds a flow", "[gui]") {
    Sample s;
    ChainCanvas* c = s.f->canvas();
    const std::size_t flows = s.f->document().project().flows.size();
    auto from = c->actorCentreOnScreen("org5");
    auto to = c->actorCentreOnScreen("expA");
    REQUIRE(from);
    REQUIRE(to);
    wxUIActionSimulator sim;
    UiDriver ui;
    sim.KeyDown(WXK_SHIFT);
    pump(50);
    ui.drag(c->ClientToScreen(*from), c->ClientToScreen(*to));
    sim.KeyUp(WXK_SHIFT);
    pump(100);
    REQUIRE(s.f->document().project().flows.size() == flows + 1);
    const model::Flow& f = s.f->document().project().flows.back();
    CHECK(f.from == "org5");
    CHECK(f.to == "expA");
    // No actor moved: Shift turned the drag into a connection.
    CHECK(s.f->document().undoLabel() == "Add flow");
}

TEST_CASE("Canvas - five new exporters from the palette go into the exporters' lane one below another, and the view scrolls to each", "[gui]") {
    Sample s;
    MainFrame* f = s.f;
    ChainCanvas* canvas = f->canvas();
    canvas->fitToWindow();
    pump(200);
    // The exporters' lane (stage 4) of the laid-out sample: Exporter A and B share its middle.
    const auto& scene = [&]() -> const ChainScene& { return canvas->scene(); };
    const double laneX = scene().nodes()[*scene().nodeOfActor("expA")].box.centre().x;
    REQUIRE(scene().nodes()[*scene().nodeOfActor("expB")].box.centre().x == Approx(laneX));
    std::vector<std::string> added;
    for (int i = 0; i < 5; ++i) {
        wxCommandEvent add(wxEVT_MENU, ids::AddActorFirst + static_cast<int>(model::ActorKind::Exporter));
        f->GetEventHandler()->ProcessEvent(add);
        pump(150);
        const auto primary = f->selection().primary();
        REQUIRE(primary);
        added.push_back(primary->id);
        const Rect box = scene().nodes()[*scene().nodeOfActor(primary->id)].box;
        CHECK(box.centre().x == Approx(laneX));  // its own lane, not the middle of the view
        // Overlapping no other box.
        for (const SceneNode& n : scene().nodes())
            if (n.id != primary->id) CHECK_FALSE(n.box.intersects(box));
        // The view came to it: its box in the middle of the canvas.
        const wxPoint c = *canvas->actorCentreOnScreen(primary->id);
        const wxSize size = canvas->GetClientSize();
        CHECK(std::abs(c.x - size.x / 2) <= 2);
        CHECK(std::abs(c.y - size.y / 2) <= 2);
    }
    // One below another, in the order added.
    for (std::size_t i = 1; i < added.size(); ++i)
        CHECK(scene().nodes()[*scene().nodeOfActor(added[i])].box.y > scene().nodes()[*scene().nodeOfActor(added[i - 1])].box.y);
    CHECK(s.errors.empty());
}
