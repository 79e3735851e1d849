// Screenshots for review (issue #17: "screenshots of the CARE sample, a
// hand-built chain and a national chain, in both languages"). A chain is
// built as a new user would: File > New, five actors from the palette (each in
// its own stage's lane), four flows dragged from box to box; then a national
// chain of 6 000 picker groups is opened. Both are fitted and photographed;
// the Spanish run (dd_es_cases) writes the "-es" pictures.
#include <catch2/catch.hpp>
#include <wx/aui/auibar.h>
#include <wx/menu.h>

#include <cstdlib>

#include "analysis_runner.h"
#include "canvas_painter.h"
#include "chain_canvas.h"
#include "command_ids.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "project_store.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {


fs::path screenshotPath(const std::string& name) {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    return (outDir ? fs::path(outDir) : fs::temp_directory_path()) / (name + (spanishRun() ? "-es" : "") + ".png");
}

}  // namespace

TEST_CASE("Screenshots - a chain built by hand from the palette and a national chain, in the interface language", "[gui][screenshot]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    if (spanishRun()) REQUIRE(_("Tables") == wxString::FromUTF8("Tablas"));
    fx.menu(wxID_NEW);
    pump(300);
    Document& doc = f->document();
    REQUIRE(doc.project().actors.empty());
    UiDriver ui;

    // Five actors from the palette, one per stage.
    auto* palette = dynamic_cast<wxAuiToolBar*>(wxWindow::FindWindowByName("palette", f));
    REQUIRE(palette);
    const model::ActorKind kinds[] = {model::ActorKind::WastePicker, model::ActorKind::PickerOrganisation,
                                      model::ActorKind::Intermediary, model::ActorKind::Exporter, model::ActorKind::Refiner};
    std::vector<std::string> actorIds;
    for (model::ActorKind kind : kinds) {
        const wxRect r = palette->GetToolRect(ids::AddActorFirst + static_cast<int>(kind));
        REQUIRE(r.width > 0);
        const std::size_t before = doc.project().actors.size();
        ui.click(palette->ClientToScreen(r.GetPosition() + wxPoint(r.width / 2, r.height / 2)));
        REQUIRE(waitUntil([&] { return doc.project().actors.size() == before + 1; }, 10000));
        CHECK(doc.project().actors.back().kind == kind);
        CHECK(doc.project().actors.back().name.find(toUtf8(kindLabel(kind))) == 0);  // named in the window's language
        actorIds.push_back(doc.project().actors.back().id);
    }
    // Four flows, each dragged from a box's handle to the next stage's box.
    ChainCanvas* canvas = f->canvas();
    for (std::size_t i = 0; i + 1 < actorIds.size(); ++i) {
        f->canvas()->fitToWindow();
        pump(200);
        const auto handle = canvas->actorHandleOnScreen(actorIds[i]);
        const auto target = canvas->actorCentreOnScreen(actorIds[i + 1]);
        REQUIRE(handle);
        REQUIRE(target);
        const std::size_t before = doc.project().flows.size();
        ui.drag(canvas->ClientToScreen(*handle), canvas->ClientToScreen(*target));
        REQUIRE(waitUntil([&] { return doc.project().flows.size() == before + 1; }, 10000));
        CHECK(doc.project().flows.back().from == actorIds[i]);
        CHECK(doc.project().flows.back().to == actorIds[i + 1]);
    }
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }, 10000));
    f->selection().clear();
    canvas->fitToWindow();
    pump(500);
    // Every box in view, left to right in stage order.
    const wxSize size = canvas->GetClientSize();
    int lastX = -1;
    for (const std::string& id : actorIds) {
        const auto c = canvas->actorCentreOnScreen(id);
        REQUIRE(c);
        CHECK(wxRect(size).Contains(*c));
        CHECK(c->x > lastX);
        lastX = c->x;
    }
    const fs::path handmade = screenshotPath("hand-built-chain");
    fs::remove(handmade);
    REQUIRE(screenshot(f->GetScreenRect(), handmade));
    CHECK(fs::file_size(handmade) > 20000);

    // A national chain: 300 organisations of 20 picker groups each.
    TempDir dir;
    const fs::path file = dir / "national.traza";
    model::ProjectStore::save(nationalChain(300, 20), file);
    REQUIRE(f->files().openPath(file));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }, 60000));
    fx.menu(ids::FitWindow);
    pump(800);
    CHECK(canvas->view().scale() >= kReadableScale);  // readable, not a strip
    const fs::path national = screenshotPath("national-chain");
    fs::remove(national);
    REQUIRE(screenshot(f->GetScreenRect(), national));
    CHECK(fs::file_size(national) > 20000);
    CHECK(fx.errors.empty());
}

TEST_CASE("Workbench - the Chain menu names each kind of actor as the palette does, acronyms in capitals", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    if (spanishRun()) REQUIRE(kindLabel(model::ActorKind::Brand) == "Marca / sistema REP");
    for (int k = 0; k <= static_cast<int>(model::ActorKind::Other); ++k) {
        const wxString kind = kindLabel(static_cast<model::ActorKind>(k));
        const wxString item = wxMenuItem::GetLabelText(fx.f->GetMenuBar()->GetLabel(ids::AddActorFirst + k));
        INFO(item.utf8_string());
        // "Add brand / EPR scheme": the palette's words, only the first letter lowered (it read "epr").
        CHECK(item == wxString::Format(_("Add %s"), kind.Left(1).Lower() + kind.Mid(1)));
    }
    CHECK(fx.errors.empty());
}
