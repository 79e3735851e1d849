// The workbench as a user drives it: open the CARE sample, add an actor from
// the palette, drag a flow from it to an exporter, type its tonnes in the
// property grid (and have a wrong value refused), undo and redo from the
// keyboard, save, and read the saved file back with the project store.
#include <catch2/catch.hpp>
#include <wx/aui/auibar.h>
#include <wx/menu.h>
#include <wx/propgrid/propgrid.h>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "chain_canvas.h"
#include "command_ids.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "project_store.h"
#include "property_panel.h"
#include "table_view.h"
#include "property_grid_driver.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {


wxString menuLabel(MainFrame* f, int id) { return f->GetMenuBar()->FindItem(id)->GetItemLabelText(); }

// A frame at the screen's top-left, sized like the Xvfb screen, errors collected.
struct FrameFixture {
    MainFrame* frame = nullptr;
    std::vector<wxString> errors;
    FrameFixture() {
        setErrorSink([this](const wxString& title, const wxString& message) { errors.push_back(title + ": " + message); });
        frame = new MainFrame;
        frame->files().setUnattended(true);
        frame->SetSize(0, 0, 1600, 1000);
        frame->Show();
        pump(400);
    }
    ~FrameFixture() {
        frame->Destroy();
        pump(100);
        setErrorSink({});
    }
    bool openSample() {
        const bool ok = frame->files().openPath(careSample());
        return ok && waitUntil([&] { return frame->analysis() != nullptr && !frame->analysisRunner().busy(); });
    }
};


}  // namespace

TEST_CASE("Workbench - a user adds an actor and draws a flow then types its tonnes and undo redo and save keep it", "[gui]") {
    FrameFixture fx;
    MainFrame* f = fx.frame;
    REQUIRE(fx.openSample());
    Document& doc = f->document();
    REQUIRE(doc.project().actors.size() == 14);
    REQUIRE(doc.project().flows.size() == 13);
    CHECK(menuLabel(f, wxID_UNDO) == "Undo");  // the first layout is part of opening, no step to undo (issue #17)
    CHECK(f->GetTitle() == wxString::FromUTF8("care-pilot-2025 — Traza"));  // opening is no edit (issue #17)
    CHECK(f->analysisPanel()->chokePoints()->rowCount() >= 1);
    UiDriver ui;

    // 1. Palette: add an intermediary.
    auto* palette = dynamic_cast<wxAuiToolBar*>(wxWindow::FindWindowByName("palette", f));
    REQUIRE(palette);
    const int tool = ids::AddActorFirst + static_cast<int>(model::ActorKind::Intermediary);
    const wxRect toolRect = palette->GetToolRect(tool);
    REQUIRE(toolRect.width > 0);
    ui.click(palette->ClientToScreen(toolRect.GetPosition() + wxPoint(toolRect.width / 2, toolRect.height / 2)));
    REQUIRE(waitUntil([&] { return doc.project().actors.size() == 15; }, 10000));
    const model::Actor added = doc.project().actors.back();
    CHECK(added.kind == model::ActorKind::Intermediary);
    CHECK(added.stage == 3);
    CHECK(f->selection().primary() == ItemRef{ItemKind::Actor, added.id});
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: Add actor");

    // 2. Canvas: drag from the new actor's handle to Exporter B.
    ChainCanvas* canvas = f->canvas();
    pump(200);
    auto handle = canvas->actorHandleOnScreen(added.id);
    auto target = canvas->actorCentreOnScreen("expB");
    REQUIRE(handle);
    REQUIRE(target);
    ui.drag(canvas->ClientToScreen(*handle), canvas->ClientToScreen(*target));
    REQUIRE(waitUntil([&] { return doc.project().flows.size() == 14; }, 10000));
    const model::Flow created = doc.project().flows.back();
    CHECK(created.from == added.id);
    CHECK(created.to == "expB");
    CHECK(created.tonnes == 1);
    CHECK(f->selection().primary() == ItemRef{ItemKind::Flow, created.id});
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: Add flow");

    // 3. Property grid: the flow is shown; type 12.5 into Tonnes.
    wxPropertyGrid* grid = f->properties()->grid();
    REQUIRE(waitUntil([&] {
        wxPGProperty* p = grid->GetPropertyByName("tonnes");
        return p && grid->GetPropertyByName("id") && grid->GetPropertyValueAsString("id") == toWx(created.id);
    }, 10000));
    auto typeTonnes = [&](const char* text) {
        ui.click(valueCell(grid, "tonnes"));
        REQUIRE(waitUntil([&] { return grid->GetEditorControl() != nullptr; }, 10000));
        ui.key(WXK_END);
        for (int i = 0; i < 12; ++i) ui.key(WXK_BACK);
        ui.type(text);
        ui.key(WXK_RETURN);
    };
    // Undo names the field and the flow (issue #17).
    const wxString tonnesOfFlow = wxString::FromUTF8("tonnes of ") + toWx(added.name) + wxString::FromUTF8(" → Exporter B");
    typeTonnes("12.5");
    REQUIRE(waitUntil([&] { return doc.project().findFlow(created.id)->tonnes == 12.5; }, 10000));
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: " + tonnesOfFlow);
    CHECK(f->properties()->errorText().empty());

    // A negative tonnage is refused where it was typed, with the reason.
    typeTonnes("-3");
    REQUIRE(waitUntil([&] { return !f->properties()->errorText().empty(); }, 10000));
    CHECK(f->properties()->errorText().Contains("greater than 0"));
    CHECK(doc.project().findFlow(created.id)->tonnes == 12.5);
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: " + tonnesOfFlow);
    ui.key(WXK_ESCAPE);  // give up the edit: the grid shows 12.5 again
    pump(200);

    // 4. Undo / redo from the keyboard on the canvas.
    canvas->SetFocus();
    pump(100);
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return doc.project().findFlow(created.id)->tonnes == 1; }, 10000));
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: Add flow");
    CHECK(menuLabel(f, wxID_REDO) == "Redo: " + tonnesOfFlow);
    ui.key('y', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return doc.project().findFlow(created.id)->tonnes == 12.5; }, 10000));
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: " + tonnesOfFlow);
    CHECK_FALSE(f->GetMenuBar()->IsEnabled(wxID_REDO));

    // 5. Save, and read the file back without the GUI.
    TempDir dir;
    const fs::path saved = dir / "edited.traza";
    REQUIRE(f->files().saveTo(saved));
    CHECK(f->GetTitle() == wxString::FromUTF8("edited.traza — Traza"));
    REQUIRE(waitUntil([&] { return !f->analysisRunner().busy(); }));
    CHECK(fx.errors.empty());

    const model::Project reread = model::ProjectStore::open(saved);
    const model::Actor* a = reread.findActor(added.id);
    REQUIRE(a);
    CHECK(a->kind == model::ActorKind::Intermediary);
    CHECK(a->hasPosition);
    const model::Flow* fl = reread.findFlow(created.id);
    REQUIRE(fl);
    CHECK(fl->from == added.id);
    CHECK(fl->to == "expB");
    CHECK(fl->tonnes == 12.5);
    CHECK(reread.actors.size() == 15);
    CHECK(reread.flows.size() == 14);
}

TEST_CASE("Workbench - Delete removes the selection in one undoable step", "[gui]") {
    FrameFixture fx;
    MainFrame* f = fx.frame;
    REQUIRE(fx.openSample());
    Document& doc = f->document();
    UiDriver ui;
    ChainCanvas* canvas = f->canvas();
    auto org3 = canvas->actorCentreOnScreen("org3");
    REQUIRE(org3);
    ui.click(canvas->ClientToScreen(*org3));
    REQUIRE(f->selection().actors() == std::set<std::string>{"org3"});
    ui.key(WXK_DELETE);
    REQUIRE(waitUntil([&] { return doc.project().findActor("org3") == nullptr; }, 10000));
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: Delete selection");
    CHECK(f->selection().empty());
    ui.key('z', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return doc.project().findActor("org3") != nullptr; }, 10000));
    CHECK(doc.project().flows.size() == 13);
    CHECK(fx.errors.empty());
}

TEST_CASE("Workbench - moving an actor by mouse is one Move actor step", "[gui]") {
    FrameFixture fx;
    MainFrame* f = fx.frame;
    REQUIRE(fx.openSample());
    Document& doc = f->document();
    UiDriver ui;
    ChainCanvas* canvas = f->canvas();
    const double x0 = doc.project().findActor("ref")->x;
    const double y0 = doc.project().findActor("ref")->y;
    REQUIRE(waitUntil([&] { return !f->analysisRunner().busy(); }, 10000));
    const auto shown = f->analysis();
    const std::uint64_t generation = f->analysisRunner().generation();
    auto ref = canvas->actorCentreOnScreen("ref");
    REQUIRE(ref);
    ui.drag(canvas->ClientToScreen(*ref), canvas->ClientToScreen(*ref + wxPoint(0, 120)));
    REQUIRE(waitUntil([&] { return doc.project().findActor("ref")->y != y0; }, 10000));
    CHECK(menuLabel(f, wxID_UNDO) == "Undo: Move actor");
    // A move changes no figure: the analysis shown stays, none is started.
    CHECK_FALSE(f->analysisRunner().busy());
    CHECK(f->analysisRunner().generation() == generation);
    CHECK(f->analysis() == shown);
    CHECK(doc.project().findActor("ref")->x == Approx(x0).margin(1));
    CHECK(doc.project().findActor("ref")->y == Approx(y0 + 120 / canvas->view().scale()).margin(2 / canvas->view().scale()));
    doc.undo();
    CHECK(doc.project().findActor("ref")->y == Approx(y0));
}
