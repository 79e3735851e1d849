// File handling in the frame: autosave beside the file and its recovery after
// a crash, export to chain JSON, and one error message naming the file.
#include <catch2/catch.hpp>
#include <wx/menu.h>

#include <filesystem>
#include <fstream>

#include "catalogue.h"
#include "chain_edits.h"
#include "chain_commands.h"
#include "chain_json.h"
#include "chain_layout.h"
#include "command_ids.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "test_frame.h"
#include "main_frame.h"
#include "project_store.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

using FilesFrame = TestFrame;
}  // namespace

TEST_CASE("Files - an autosave left by a crash is offered and recovered on open", "[gui]") {
    TempDir dir;
    const fs::path file = dir / "chain.traza";
    const fs::path autosave = dir / "chain.autosave.traza";
    FilesFrame fx;
    FileController& files = fx.f->files();
    REQUIRE(files.openPath(careSample()));
    REQUIRE(files.saveTo(file));
    CHECK(files.autosavePath() == autosave);

    // An edit, then the 60 s timer fires: the autosave appears beside the file.
    const std::string id = addActor(fx.f->document(), model::ActorKind::Exporter, {50, 50}, "Exporter C");
    REQUIRE(files.autosaveNow());
    REQUIRE(fs::exists(autosave));
    const fs::path crashCopy = dir / "kept.traza";
    fs::copy_file(autosave, crashCopy);

    // A clean save removes it.
    REQUIRE(files.saveTo(file));
    CHECK_FALSE(fs::exists(autosave));

    // Simulate the crash: the older file on disk and a newer autosave beside it.
    fx.f->document().undo();
    REQUIRE(files.saveTo(file));
    fs::copy_file(crashCopy, autosave);
    fs::last_write_time(autosave, fs::last_write_time(file) + std::chrono::seconds(10));
    files.setUnattended(true, /*recoverAutosaves=*/true);
    REQUIRE(files.openPath(file));
    CHECK(fx.f->document().project().findActor(id) != nullptr);
    CHECK(fx.f->document().isModified());
    CHECK(fx.f->document().path() == file);
    // Closing without saving discards the recovered autosave.
    REQUIRE(files.closeProject());
    CHECK_FALSE(fs::exists(autosave));
    CHECK(fx.errors.empty());
}

TEST_CASE("Files - export writes chain JSON that reads back as the same chain", "[gui]") {
    TempDir dir;
    FilesFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    addActor(fx.f->document(), model::ActorKind::Brand, {0, 0}, "Brand Y");
    REQUIRE(fx.f->files().exportJsonTo(dir / "out.json"));
    const model::Project back = model::readProjectJson(dir / "out.json", model::Catalogue::installed());
    CHECK(back.sameChain(fx.f->document().project()));
}

TEST_CASE("Files - a damaged project is reported once with the file and the reason", "[gui]") {
    TempDir dir;
    const fs::path bad = dir / "broken.traza";
    std::ofstream(bad) << "this is not a database";
    FilesFrame fx;
    const std::size_t actorsBefore = fx.f->document().project().actors.size();
    CHECK_FALSE(fx.f->files().openPath(bad));
    REQUIRE(fx.errors.size() == 1);
    CHECK(fx.errors[0].Contains("broken.traza"));
    CHECK(fx.f->document().project().actors.size() == actorsBefore);
}

TEST_CASE("Files - opening the CARE sample or a chain JSON does not mark the project modified, an edit does", "[gui]") {
    FilesFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    pump(200);
    Document& doc = fx.f->document();
    CHECK_FALSE(doc.canUndo());  // the first layout is part of opening
    CHECK_FALSE(doc.isModified());
    CHECK_FALSE(fx.f->GetTitle().Contains("*"));
    // An edit marks it; undoing the edit is back to what was opened.
    model::Actor a = *doc.project().findActor("org1");
    a.notes = "checked";
    doc.execute(std::make_unique<model::UpdateActor>("org1", a));
    pump(100);
    CHECK(doc.isModified());
    CHECK(fx.f->GetTitle().Contains("*"));
    doc.undo();
    pump(100);
    CHECK_FALSE(doc.isModified());
    CHECK(fx.errors.empty());
}

TEST_CASE("Files - right after opening the CARE sample Undo is off and plain, the title unmarked, every box placed, and Layout stays undoable",
          "[gui]") {
    REQUIRE(needsInitialLayout(model::readProjectJson(careSample(), model::Catalogue::installed())));  // the sample has no positions
    FilesFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    pump(200);
    Document& doc = fx.f->document();
    wxMenuBar* bar = fx.f->GetMenuBar();
    CHECK_FALSE(doc.canUndo());
    CHECK_FALSE(bar->IsEnabled(wxID_UNDO));
    CHECK(wxStripMenuCodes(bar->GetLabel(wxID_UNDO)) == wxStripMenuCodes(_("&Undo")));  // no "Undo: Layout chain"
    CHECK_FALSE(fx.f->GetTitle().Contains("*"));
    CHECK_FALSE(needsInitialLayout(doc.project()));
    for (const model::Actor& a : doc.project().actors) CHECK((a.x != 0 || a.y != 0));
    // The user's own Layout command is a step they can undo.
    fx.menu(ids::LayoutChain);
    pump(200);
    CHECK(doc.canUndo());
    CHECK(doc.undoLabel() == "Layout chain");
    CHECK(fx.errors.empty());
}

TEST_CASE("Files - the file read early (the command line's) is the one opened, and opening another file reads that one", "[gui]") {
    TempDir dir;
    const fs::path early = dir / "early.traza";
    model::Project chain = model::readProjectJson(careSample(), model::Catalogue::installed());
    const std::string original = chain.actors.front().name;
    chain.actors.front().name = "Read early";
    model::ProjectStore::save(chain, early);
    FilesFrame fx;
    // Opened: the project is the one the early read found, even though the
    // file changed on disk after it was read.
    auto read = std::make_unique<EarlyRead>(early);
    read->wait();
    chain.actors.front().name = "Changed on disk";
    model::ProjectStore::save(chain, early);
    fx.f->files().adoptEarlyRead(std::move(read));
    REQUIRE(fx.f->files().openPath(early));
    CHECK(fx.f->document().project().actors.front().name == "Read early");
    CHECK(fx.f->document().path() == early);
    // Another file opened instead: the early read is dropped, the file asked for is read.
    fx.f->files().adoptEarlyRead(std::make_unique<EarlyRead>(early));
    REQUIRE(fx.f->files().openPath(careSample()));
    CHECK(fx.f->document().project().actors.front().name == original);
    // Opened again later, the file is read as it is now.
    REQUIRE(fx.f->files().openPath(early));
    CHECK(fx.f->document().project().actors.front().name == "Changed on disk");
    CHECK(fx.errors.empty());
}
