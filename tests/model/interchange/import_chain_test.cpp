#include <catch2/catch.hpp>

#include "chain_commands.h"
#include "command_stack.h"
#include "error.h"
#include "import_chain.h"

using namespace traza::model;

namespace {

Actor importActor(const std::string& id, ActorKind kind) {
    Actor a;
    a.id = id;
    a.name = id;
    a.kind = kind;
    a.stage = defaultStage(kind);
    return a;
}

Flow importFlow(const std::string& id, const std::string& from, const std::string& to, double t) {
    Flow f;
    f.id = id;
    f.from = from;
    f.to = to;
    f.tonnes = t;
    return f;
}

Project openProject() {
    Project p;
    p.actors = {importActor("org", ActorKind::PickerOrganisation), importActor("exp", ActorKind::Exporter)};
    p.flows = {importFlow("f1", "org", "exp", 10)};
    return p;
}

std::unique_ptr<ImportChain> imported() {
    ColumnMapping rules;
    rules.add({"Kilos entregados", "tonnes", 0.001});
    return std::make_unique<ImportChain>(std::vector<Actor>{importActor("org2", ActorKind::PickerOrganisation), importActor("ref", ActorKind::Refiner)},
                                         std::vector<Flow>{importFlow("f2", "org2", "exp", 4), importFlow("f3", "exp", "ref", 14)}, rules);
}

}  // namespace

TEST_CASE("ImportChain - adds actors and flows as one step that undo removes and redo restores") {
    Project p = openProject();
    p.importRules.add({"Observaciones", "", 1});
    const Project before = p;
    CommandStack stack;
    stack.execute(p, imported());
    REQUIRE(p.actors.size() == 4);
    REQUIRE(p.flows.size() == 3);
    CHECK(p.findActor("ref"));
    CHECK(p.findFlow("f3")->from == "exp");  // an imported flow may name an actor already open
    CHECK(stack.undoLabel() == "Import spreadsheet");
    CHECK(p.importRules.toText() == "Observaciones=ignore\nKilos entregados=tonnes/1000\n");

    stack.undo(p);
    CHECK(p.sameChain(before));
    CHECK(p.importRules.toText() == "Observaciones=ignore\n");
    CHECK_FALSE(stack.canUndo());

    stack.redo(p);
    CHECK(p.actors.size() == 4);
    CHECK(p.flows.size() == 3);
}

TEST_CASE("ImportChain - an id already in the project is a conflict and nothing is added") {
    Project p = openProject();
    const Project before = p;
    auto clash = std::make_unique<ImportChain>(std::vector<Actor>{importActor("exp", ActorKind::Exporter), importActor("new", ActorKind::Refiner)},
                                               std::vector<Flow>{importFlow("f1", "exp", "new", 1), importFlow("org", "exp", "new", 1)});
    CHECK(clash->conflicts(p) == std::vector<std::string>{"exp", "f1", "org"});
    CommandStack stack;
    try {
        stack.execute(p, std::move(clash));
        FAIL("expected InvalidInput");
    } catch (const traza::InvalidInput& e) {
        CHECK(e.where() == "id");
        CHECK(e.reason() == "already in the project: \"exp\", \"f1\", \"org\"");
    }
    CHECK(p.sameChain(before));
    CHECK_FALSE(stack.canUndo());
}

TEST_CASE("ImportChain - a flow naming an actor that nobody has is refused") {
    Project p = openProject();
    auto dangling = std::make_unique<ImportChain>(std::vector<Actor>{}, std::vector<Flow>{importFlow("f9", "exp", "ghost", 1)});
    CHECK_THROWS_AS(dangling->apply(p), traza::InvalidInput);
    CHECK(p.flows.size() == 1);
}
