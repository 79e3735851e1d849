// A project on a PostgreSQL server in the real frame (issue #22), against the
// private test cluster (ctest fixture pg_cluster): opened from its location,
// each step saved as one transaction, another user's change taken in, a
// conflicting edit refused and the other user's value shown, the audit trail
// in the History window, and a reviewer's edit refused by the database.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "chain_canvas.h"
#include "chain_commands.h"
#include "history_dialog.h"
#include "labels.h"
#include "main_frame.h"
#include "selection.h"
#include "server_controller.h"
#include "server_fixture.h"
#include "table_view.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

model::Flow withTonnes(const model::Project& p, const std::string& id, double t) {
    model::Flow f = *p.findFlow(id);
    f.tonnes = t;
    if (f.documentedT > t) f.documentedT = t;
    return f;
}

// Another user's step, committed through their own connection.
void otherUserSets(const std::string& project, const std::string& flow, double t) {
    model::ServerProject bob(model::ServerLocation(traza::test::uri("bob", project)), traza::test::catalogue());
    model::Project after = bob.project();
    *after.findFlow(flow) = withTonnes(after, flow, t);
    bob.commitCommand(bob.project(), after, "Edit flow");
}

double onServer(const std::string& project, const std::string& flow) {
    model::ServerProject reader(model::ServerLocation(traza::test::uri("bob", project)), traza::test::catalogue());
    return reader.project().findFlow(flow)->tonnes;
}

}  // namespace

TEST_CASE("Server - the window edits a project on the server step by step, takes in another user's change and refuses a conflicting one",
          "[gui][server]") {
    traza::test::pushCare("gui-window");
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    Document& doc = f->document();
    REQUIRE(f->server().openLocation(traza::test::uri("alice", "gui-window")));
    REQUIRE(doc.project().actors.size() == 14);
    CHECK(doc.displayName() == "gui-window");
    CHECK_FALSE(doc.isModified());

    // A step in the window is on the server at once, and the title shows nothing unsaved.
    doc.execute(std::make_unique<model::UpdateFlow>("f6", withTonnes(doc.project(), "f6", 7)));
    CHECK(onServer("gui-window", "f6") == 7);
    CHECK_FALSE(doc.isModified());
    // Undo too.
    doc.undo();
    CHECK(onServer("gui-window", "f6") == 6.5);

    // Bob changes f2; the window takes it in.
    otherUserSets("gui-window", "f2", 31);
    REQUIRE(waitUntil([&] { return f->server().pollNow() > 0 || doc.project().findFlow("f2")->tonnes == 31; }, 5000));
    CHECK(doc.project().findFlow("f2")->tonnes == 31);

    // Bob changes f3 before the window has heard of it; the window's edit of f3 is refused and undone.
    otherUserSets("gui-window", "f3", 11);
    const double mine = doc.project().findFlow("f3")->tonnes;
    CHECK_THROWS_AS(doc.execute(std::make_unique<model::UpdateFlow>("f3", withTonnes(doc.project(), "f3", 12))), model::ServerConflict);
    CHECK(doc.project().findFlow("f3")->tonnes == mine);
    CHECK_FALSE(doc.canRedo());
    CHECK(onServer("gui-window", "f3") == 11);
    REQUIRE(waitUntil([&] {
        f->server().pollNow();
        return doc.project().findFlow("f3")->tonnes == 11;
    }, 5000));

    // The History window lists the steps with who made them.
    const auto entries = f->server().session()->history();
    REQUIRE(entries.size() >= 4);
    bool alice = false, bob = false;
    for (const model::AuditEntry& e : entries) {
        alice = alice || (e.user == "alice" && e.objectId == "f6");
        bob = bob || (e.user == "bob" && e.objectId == "f3");
    }
    CHECK(alice);
    CHECK(bob);
    HistoryDialog dialog(f, "gui-window", entries);
    CHECK(dialog.table()->rowCount() == entries.size());
    CHECK(dialog.table()->row(0).cells.at(1) == toWx(entries.front().user));

    // Opening a file leaves the server: steps no longer go there.
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    CHECK(f->server().session() == nullptr);
    CHECK_FALSE(doc.hasStepSink());
    CHECK(fx.errors.empty());
}

TEST_CASE("Server - another user's change to one flow arrives alone: the selection, the view and the undo step stay",
          "[gui][server]") {
    traza::test::pushCare("gui-live");
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    Document& doc = f->document();
    REQUIRE(f->server().openLocation(traza::test::uri("alice", "gui-live")));
    // The window's own step, then an actor selected and the view zoomed in.
    doc.execute(std::make_unique<model::UpdateFlow>("f6", withTonnes(doc.project(), "f6", 7)));
    const std::string actor = doc.project().actors.at(3).id;
    f->selection().set({ItemKind::Actor, actor});
    f->canvas()->zoomBy(1.5);
    const ViewTransform view = f->canvas()->view();

    // Bob changes f2's tonnes; the window shows them, and nothing else moves.
    otherUserSets("gui-live", "f2", 31);
    REQUIRE(waitUntil([&] { return f->server().pollNow() > 0; }, 5000));
    CHECK(doc.project().findFlow("f2")->tonnes == 31);
    CHECK(doc.project().findFlow("f6")->tonnes == 7);
    CHECK(f->selection().primary() == ItemRef{ItemKind::Actor, actor});
    CHECK(f->selection().actors() == std::set<std::string>{actor});
    CHECK(f->canvas()->view().scale() == view.scale());
    CHECK(f->canvas()->view().origin().x == view.origin().x);
    CHECK(f->canvas()->view().origin().y == view.origin().y);
    screenshot(f->GetScreenRect(), std::filesystem::temp_directory_path() / "server-live-change.png");
    // The step about f6 survived Bob's change to f2: undo takes back only it.
    REQUIRE(doc.canUndo());
    doc.undo();
    CHECK(onServer("gui-live", "f6") == 6.5);
    CHECK(onServer("gui-live", "f2") == 31);
    CHECK(doc.project().findFlow("f2")->tonnes == 31);
    doc.redo();
    CHECK(onServer("gui-live", "f6") == 7);

    // Bob changes f6 itself: the step about it would take his change back, so it goes.
    otherUserSets("gui-live", "f6", 9);
    REQUIRE(waitUntil([&] { return f->server().pollNow() > 0; }, 5000));
    CHECK(doc.project().findFlow("f6")->tonnes == 9);
    CHECK_FALSE(doc.canUndo());
    CHECK(f->selection().primary() == ItemRef{ItemKind::Actor, actor});
    CHECK(fx.errors.empty());
}

TEST_CASE("Server - a reviewer opens the project and reads it, and the database refuses the reviewer's edit", "[gui][server]") {
    traza::test::pushCare("gui-reviewer");
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    Document& doc = f->document();
    REQUIRE(f->server().openLocation(traza::test::uri("rita", "gui-reviewer")));
    REQUIRE(doc.project().flows.size() == 13);
    CHECK_THROWS_AS(doc.execute(std::make_unique<model::UpdateFlow>("f6", withTonnes(doc.project(), "f6", 7))), model::ServerError);
    CHECK(doc.project().findFlow("f6")->tonnes == 6.5);
    CHECK(onServer("gui-reviewer", "f6") == 6.5);
    for (const wxString& e : fx.errors) UNSCOPED_INFO(e.utf8_string());
    CHECK(fx.errors.empty());
}
