#include <catch2/catch.hpp>

#include "chain_commands.h"
#include "command_stack.h"
#include "document_commands.h"
#include "error.h"

using namespace traza::model;

namespace {

Actor actor(const std::string& id, ActorKind kind) {
    Actor a;
    a.id = id;
    a.name = id;
    a.kind = kind;
    a.stage = defaultStage(kind);
    return a;
}

Flow flow(const std::string& id, const std::string& from, const std::string& to, double t) {
    Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    f.tonnes = t;
    return f;
}

// A three-actor chain without catalogue (catalogue checks are tested elsewhere).
Project smallChain() {
    Project p;
    p.actors = {actor("org", ActorKind::PickerOrganisation), actor("exp", ActorKind::Exporter),
                actor("ref", ActorKind::Refiner)};
    p.flows = {flow("f1", "org", "exp", 10), flow("f2", "exp", "ref", 9)};
    p.goals = {{"org", "exp", {5, 8, 10}}};
    return p;
}

}  // namespace

TEST_CASE("CommandStack - undo and redo restore the project exactly, with labels") {
    Project p = smallChain();
    const Project original = p;
    CommandStack stack;
    stack.execute(p, std::make_unique<AddActor>(actor("int", ActorKind::Intermediary)));
    stack.execute(p, std::make_unique<AddFlow>(flow("f3", "org", "int", 2.5)));
    REQUIRE(p.flows.size() == 3);
    CHECK(stack.undoLabel() == "Add flow");
    CHECK(stack.isModified());

    stack.undo(p);
    CHECK(stack.undoLabel() == "Add actor");
    CHECK(stack.redoLabel() == "Add flow");
    stack.undo(p);
    CHECK(p.sameChain(original));
    CHECK_FALSE(stack.canUndo());

    stack.redo(p);
    stack.redo(p);
    REQUIRE(p.findFlow("f3"));
    CHECK(p.findFlow("f3")->tonnes == 2.5);
}

TEST_CASE("CommandStack - the saved marker tracks the modified flag") {
    Project p = smallChain();
    CommandStack stack;
    CHECK_FALSE(stack.isModified());
    stack.execute(p, std::make_unique<AddActor>(actor("int", ActorKind::Intermediary)));
    stack.markSaved();
    CHECK_FALSE(stack.isModified());
    stack.undo(p);
    CHECK(stack.isModified());
    stack.redo(p);
    CHECK_FALSE(stack.isModified());
    stack.undo(p);
    // A new edit after undo discards the saved state for good.
    stack.execute(p, std::make_unique<AddActor>(actor("int2", ActorKind::Intermediary)));
    CHECK(stack.isModified());
}

TEST_CASE("RemoveActor - takes its flows, goals and checklist with it and undo puts them back in place") {
    Project p = smallChain();
    p.checklists = {{"exp", {{"2.1", ItemStatus::Done, "", {}, "", ""}}, {}}};
    const Project original = p;
    CommandStack stack;
    stack.execute(p, std::make_unique<RemoveActor>("exp"));
    CHECK(p.actors.size() == 2);
    CHECK(p.flows.empty());
    CHECK(p.goals.empty());
    CHECK(p.checklists.empty());
    stack.undo(p);
    CHECK(p.sameChain(original));
}

TEST_CASE("UpdateActor - renaming an id carries into flows, goals and checklists; undo reverses it") {
    Project p = smallChain();
    const Project original = p;
    Actor renamed = *p.findActor("exp");
    renamed.id = "expA";
    CommandStack stack;
    stack.execute(p, std::make_unique<UpdateActor>("exp", renamed));
    CHECK(p.findFlow("f1")->to == "expA");
    CHECK(p.findFlow("f2")->from == "expA");
    CHECK(p.goals[0].buyer == "expA");
    stack.undo(p);
    CHECK(p.sameChain(original));
}

TEST_CASE("Commands - invalid edits throw and leave the project and history unchanged") {
    Project p = smallChain();
    const Project original = p;
    CommandStack stack;
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<AddFlow>(flow("f9", "org", "nobody", 1))), traza::InvalidInput);
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<AddFlow>(flow("f1", "org", "exp", 1))), traza::InvalidInput);
    Flow bad = *p.findFlow("f1");
    bad.documentedT = 11;
    CHECK_THROWS_WITH(stack.execute(p, std::make_unique<UpdateFlow>("f1", bad)), Catch::Contains("documented_t"));
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<AddActor>(actor("org", ActorKind::Brand))), traza::InvalidInput);
    CHECK_THROWS_AS(stack.execute(p, std::make_unique<SetGoals>(std::vector<Goal>{{"org", "exp", {10, 5}}})), traza::InvalidInput);
    CHECK(p.sameChain(original));
    CHECK_FALSE(stack.canUndo());
}

TEST_CASE("CompositeCommand - all or nothing") {
    Project p = smallChain();
    const Project original = p;
    auto composite = std::make_unique<CompositeCommand>("Delete selection");
    composite->add(std::make_unique<RemoveFlow>("f1"));
    composite->add(std::make_unique<RemoveFlow>("no-such-flow"));
    CommandStack stack;
    CHECK_THROWS(stack.execute(p, std::move(composite)));
    CHECK(p.sameChain(original));
}

TEST_CASE("MoveActors and SetChecklistItem - undo restores positions and items") {
    Project p = smallChain();
    CommandStack stack;
    stack.execute(p, std::make_unique<MoveActors>(std::vector<ActorPosition>{{"org", 10, 20}}));
    CHECK(p.findActor("org")->hasPosition);
    stack.undo(p);
    CHECK_FALSE(p.findActor("org")->hasPosition);

    stack.execute(p, std::make_unique<SetChecklistItem>("org", ChecklistItem{"2.1", ItemStatus::InProgress, "visit", {}, "Ana", ""}));
    REQUIRE(p.findChecklist("org"));
    stack.execute(p, std::make_unique<SetChecklistItem>("org", ChecklistItem{"2.1", ItemStatus::Done, "visit", {}, "Ana", ""}));
    CHECK(p.findChecklist("org")->items[0].status == ItemStatus::Done);
    stack.undo(p);
    CHECK(p.findChecklist("org")->items[0].status == ItemStatus::InProgress);
    stack.undo(p);
    CHECK_FALSE(p.findChecklist("org"));
}

TEST_CASE("CommandStack - tells whether the last step changed figures or only moved boxes") {
    Project p = smallChain();
    CommandStack stack;
    CHECK(stack.lastChangeChangesFigures());
    stack.execute(p, std::make_unique<MoveActors>(std::vector<ActorPosition>{{"org", 10, 20}, {"exp", 30, 20}}));
    CHECK_FALSE(stack.lastChangeChangesFigures());
    Flow heavier = *p.findFlow("f1");
    heavier.tonnes = 12;
    stack.execute(p, std::make_unique<UpdateFlow>("f1", heavier));
    CHECK(stack.lastChangeChangesFigures());
    stack.undo(p);  // undoing the tonnes changes figures
    CHECK(stack.lastChangeChangesFigures());
    stack.undo(p);  // undoing the move does not
    CHECK_FALSE(stack.lastChangeChangesFigures());
    stack.redo(p);
    CHECK_FALSE(stack.lastChangeChangesFigures());
    stack.redo(p);
    CHECK(stack.lastChangeChangesFigures());

    // A composite is a move only when every part is.
    auto moves = std::make_unique<CompositeCommand>("Layout");
    moves->add(std::make_unique<MoveActors>(std::vector<ActorPosition>{{"org", 1, 2}}));
    moves->add(std::make_unique<MoveActors>(std::vector<ActorPosition>{{"ref", 3, 4}}));
    stack.execute(p, std::move(moves));
    CHECK_FALSE(stack.lastChangeChangesFigures());
    auto mixed = std::make_unique<CompositeCommand>("Move and edit");
    mixed->add(std::make_unique<MoveActors>(std::vector<ActorPosition>{{"org", 5, 6}}));
    heavier.tonnes = 13;
    mixed->add(std::make_unique<UpdateFlow>("f1", heavier));
    stack.execute(p, std::move(mixed));
    CHECK(stack.lastChangeChangesFigures());
    stack.clear();
    CHECK(stack.lastChangeChangesFigures());
}
