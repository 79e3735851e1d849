#include <catch2/catch.hpp>

#include <fstream>
#include <stdexcept>
#include <thread>

#include "chain_edits.h"
#include "chain_layout.h"
#include "document.h"
#include "error.h"
#include "gui_test_support.h"
#include "project_files.h"
#include "project_store.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {
const fs::path kSample = model::dataDirectory() / "samples" / "care-pilot-2025.json";

Document sampleDocument() {
    Document d;
    d.replace(loadProjectFile(kSample), {}, "care-pilot-2025", true);
    return d;
}
}  // namespace

TEST_CASE("Document - edits are undone and redone with the model's labels") {
    Document d = sampleDocument();
    CHECK(d.displayName() == "care-pilot-2025");
    CHECK(d.suggestedFileName() == "care-pilot-2025.traza");
    CHECK(d.isModified());  // an import is not saved anywhere yet
    CHECK_FALSE(d.canUndo());
    int edits = 0;
    d.changed.connect([&](DocumentChange c) { edits += c == DocumentChange::Edited; });

    const std::string id = addActor(d, model::ActorKind::Intermediary, {10, 20}, "Scrap dealer");
    const std::string flowId = connectActors(d, id, "expB");
    CHECK(d.undoLabel() == "Add flow");
    const model::Flow* f = d.project().findFlow(flowId);
    REQUIRE(f);
    CHECK(f->tonnes == 1);
    CHECK(f->from == id);
    CHECK(f->material == "UBC");  // the assessment's material
    CHECK(d.project().findActor(id)->stage == 3);

    d.undo();
    CHECK(d.project().findFlow(flowId) == nullptr);
    CHECK(d.undoLabel() == "Add actor");
    CHECK(d.redoLabel() == "Add flow");
    d.redo();
    CHECK(d.project().findFlow(flowId) != nullptr);
    CHECK(edits == 4);
}

TEST_CASE("Document - observers of a replacement learn whether its content is already being analysed, and only then") {
    Document d;
    std::vector<std::pair<DocumentChange, bool>> seen;
    d.changed.connect([&](DocumentChange c) { seen.emplace_back(c, d.replacementAnalysed()); });
    d.replace(loadProjectFile(kSample), {}, "analysed", false, true);
    CHECK_FALSE(d.replacementAnalysed());  // only while the change is announced
    d.replace(loadProjectFile(kSample), {}, "not analysed", false);
    addActor(d, model::ActorKind::Intermediary, {10, 20}, "Scrap dealer");
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == std::make_pair(DocumentChange::Replaced, true));
    CHECK(seen[1] == std::make_pair(DocumentChange::Replaced, false));
    CHECK(seen[2] == std::make_pair(DocumentChange::Edited, false));

    // An observer that throws leaves no claim behind for the next replacement.
    Document failing;
    failing.changed.connect([&](DocumentChange c) {
        if (c == DocumentChange::Replaced && failing.replacementAnalysed()) throw std::runtime_error("pane failed");
    });
    CHECK_THROWS_AS(failing.replace(loadProjectFile(kSample), {}, "x", false, true), std::runtime_error);
    CHECK_FALSE(failing.replacementAnalysed());
}

TEST_CASE("Document - a refused edit changes nothing and records nothing") {
    Document d = sampleDocument();
    const std::size_t flows = d.project().flows.size();
    CHECK_THROWS_AS(connectActors(d, "org1", "org1"), InvalidInput);
    CHECK(d.project().flows.size() == flows);
    CHECK_FALSE(d.canUndo());
}

TEST_CASE("Document - each step goes to the step sink with the state before and after; a sink that refuses takes the step back") {
    Document d = sampleDocument();
    std::vector<std::string> labels;
    std::size_t actorsBefore = 0, actorsAfter = 0;
    bool refuse = false;
    d.setStepSink([&](const model::Project& before, const model::Project& after, const std::string& label) {
        if (refuse) throw std::runtime_error("refused by the server");
        labels.push_back(label);
        actorsBefore = before.actors.size();
        actorsAfter = after.actors.size();
    });
    const std::size_t actors = d.project().actors.size();
    addActor(d, model::ActorKind::Intermediary, {10, 20}, "Scrap dealer");
    CHECK(actorsBefore == actors);
    CHECK(actorsAfter == actors + 1);
    d.undo();
    CHECK(actorsAfter == actors);
    d.redo();
    CHECK(labels == std::vector<std::string>{"Add actor", "Undo Add actor", "Add actor"});

    // Refused: an edit is taken back and leaves no redo; an undo is redone.
    refuse = true;
    CHECK_THROWS_AS(addActor(d, model::ActorKind::Exporter, {0, 0}, "Refused"), std::runtime_error);
    CHECK(d.project().actors.size() == actors + 1);
    CHECK(d.undoLabel() == "Add actor");
    CHECK_FALSE(d.canRedo());
    CHECK_THROWS_AS(d.undo(), std::runtime_error);
    CHECK(d.project().actors.size() == actors + 1);
    CHECK(d.canUndo());

    // Another user's project taken in: the history restarts, the sink stays.
    model::Project remote = d.project();
    remote.actors.pop_back();
    refuse = false;
    d.adoptRemote(remote);
    CHECK(d.project().actors.size() == actors);
    CHECK_FALSE(d.canUndo());
    CHECK(d.hasStepSink());
}

TEST_CASE("Document - deleting a selection is one step that undo restores whole") {
    Document d = sampleDocument();
    const model::Project before = d.project();
    Selection sel;
    // A flow not touching org3 or int1 (those go with their actors).
    std::string other;
    for (const model::Flow& f : d.project().flows)
        if (f.from != "org3" && f.to != "org3" && f.from != "int1" && f.to != "int1") other = f.id;
    sel.assign({"org3", "int1"}, {other});
    REQUIRE(deleteSelection(d, sel));
    CHECK(d.undoLabel() == "Delete selection");
    CHECK(d.project().findActor("org3") == nullptr);
    CHECK(d.project().findFlow(other) == nullptr);
    for (const model::Flow& f : d.project().flows) CHECK((f.from != "org3" && f.to != "org3"));
    d.undo();
    CHECK(d.project().sameChain(before));
}

TEST_CASE("Document - saving clears the modified mark and the file reopens the same") {
    TempDir dir;
    Document d = sampleDocument();
    addActor(d, model::ActorKind::Brand, {900, 40}, "Brand X");
    int saved = 0;
    d.changed.connect([&](DocumentChange c) { saved += c == DocumentChange::Saved; });
    d.saveAs(dir / "chain.traza");
    CHECK(saved == 1);
    CHECK_FALSE(d.isModified());
    CHECK(d.displayName() == "chain.traza");
    const model::Project reopened = model::ProjectStore::open(dir / "chain.traza");
    CHECK(reopened.sameChain(d.project()));
    const model::Actor* b = reopened.findActor(d.project().actors.back().id);
    REQUIRE(b);
    CHECK(b->hasPosition);
    CHECK(b->x == Approx(900));
    d.undo();
    CHECK(d.isModified());
    d.redo();
    CHECK_FALSE(d.isModified());
}

TEST_CASE("ChainLayout - a fresh import is laid out as one undoable step") {
    Document d = sampleDocument();
    REQUIRE(needsInitialLayout(d.project()));
    const ChainScene scene = ChainScene::build(d.project(), {}, {});
    d.execute(makeLayoutCommand(computeLayout(scene)));
    CHECK(d.undoLabel() == "Layout chain");
    CHECK_FALSE(needsInitialLayout(d.project()));
    const model::Project& p = d.project();
    // Stage columns left to right; nothing overlaps.
    CHECK(p.findActor("pickers-org1")->x < p.findActor("org1")->x);
    CHECK(p.findActor("org1")->x < p.findActor("int1")->x);
    CHECK(p.findActor("int1")->x < p.findActor("expA")->x);
    CHECK(p.findActor("expA")->x < p.findActor("ref")->x);
    const ChainScene laid = ChainScene::build(p, {}, {});
    for (std::size_t i = 0; i < laid.nodes().size(); ++i)
        for (std::size_t j = i + 1; j < laid.nodes().size(); ++j) CHECK_FALSE(laid.nodes()[i].box.intersects(laid.nodes()[j].box));
    d.undo();
    CHECK(needsInitialLayout(d.project()));
}

TEST_CASE("ProjectFiles - autosaves live beside the file, or in the user data folder") {
    CHECK(autosavePathFor("/a/b/chain.traza", "/home/u/.local/share/traza") == fs::path("/a/b/chain.autosave.traza"));
    CHECK(autosavePathFor({}, "/home/u/.local/share/traza") == fs::path("/home/u/.local/share/traza/untitled.autosave.traza"));
    CHECK(isOpenableFile("x.TRAZA"));
    CHECK(isOpenableFile("x.json"));
    CHECK_FALSE(isOpenableFile("x.csv"));
}

TEST_CASE("ProjectFiles - an autosave counts as newer only if written after the file") {
    TempDir dir;
    const fs::path file = dir / "c.traza", autosave = dir / "c.autosave.traza";
    CHECK_FALSE(autosaveIsNewer(file, autosave));
    std::ofstream(autosave) << "x";
    CHECK(autosaveIsNewer(file, autosave));  // the file itself is gone
    std::ofstream(file) << "y";
    fs::last_write_time(autosave, fs::last_write_time(file) - std::chrono::seconds(5));
    CHECK_FALSE(autosaveIsNewer(file, autosave));
    fs::last_write_time(autosave, fs::last_write_time(file) + std::chrono::seconds(5));
    CHECK(autosaveIsNewer(file, autosave));
}

TEST_CASE("ProjectFiles - a damaged project is refused with a traza::Error") {
    TempDir dir;
    std::ofstream(dir / "bad.traza") << "not sqlite at all";
    CHECK_THROWS_AS(loadProjectFile(dir / "bad.traza"), Error);
    std::ofstream(dir / "bad.json") << "{\"format\": \"traza-chain\", \"version\": 1, \"actors\": [], \"flows\": [{}]}";
    CHECK_THROWS_AS(loadProjectFile(dir / "bad.json"), InvalidInput);
}
