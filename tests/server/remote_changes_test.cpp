// Other users' changes merged into an open project object by object, and the
// undo history that survives them (issue #22); no server needed.
#include <catch2/catch.hpp>

#include "chain_commands.h"
#include "chain_json.h"
#include "command_stack.h"
#include "remote_changes.h"

using namespace traza::model;

namespace {

Project care() {
    return readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", Catalogue::installed());
}

std::vector<std::string> remoteFlowIds(const Project& p) {
    std::vector<std::string> ids;
    for (const Flow& f : p.flows) ids.push_back(f.id);
    return ids;
}

}  // namespace

TEST_CASE("mergeRemoteObjects - only the named objects come from the server's copy", "[remote_merge]") {
    const Project base = care();
    Project remote = base;
    remote.flows.at(1).notes = "Bob's note";                  // changed
    remote.actors.at(2).name = "Renamed by Bob";              // changed
    remote.flows.at(4).notes = "not announced";               // not named: must not arrive
    Project local = base;
    local.flows.at(6).notes = "the window's own";             // not named: must stay
    const Project merged = mergeRemoteObjects(local, remote, {{"flow", base.flows[1].id}, {"actor", base.actors[2].id}});
    CHECK(merged.flows.at(1).notes == "Bob's note");
    CHECK(merged.actors.at(2).name == "Renamed by Bob");
    CHECK(merged.flows.at(4).notes == base.flows.at(4).notes);
    CHECK(merged.flows.at(6).notes == "the window's own");
    CHECK(remoteFlowIds(merged) == remoteFlowIds(base));
    // With the window in step with the server before, the merge is the server's copy.
    CHECK(projectToJson(mergeRemoteObjects(base, remote, {{"flow", base.flows[1].id}, {"actor", base.actors[2].id},
                                                         {"flow", base.flows[4].id}})) == projectToJson(remote));
}

TEST_CASE("mergeRemoteObjects - added, removed and moved flows land at the server's place", "[remote_merge]") {
    const Project base = care();
    Project remote = base;
    Flow added = base.flows.at(0);
    added.id = "f-new";
    remote.flows.insert(remote.flows.begin() + 3, added);  // after the 3rd
    const Flow moved = remote.flows.at(0);
    remote.flows.erase(remote.flows.begin());
    remote.flows.insert(remote.flows.begin() + 6, moved);  // the 1st goes after what is now 6th
    const std::string gone = remote.flows.back().id;
    remote.flows.pop_back();
    const Project merged =
        mergeRemoteObjects(base, remote, {{"flow", "f-new"}, {"flow", moved.id}, {"flow", gone}});
    CHECK(remoteFlowIds(merged) == remoteFlowIds(remote));
    // A big change (a push) takes the server's copy whole.
    std::vector<ObjectKey> many(300, {"flow", base.flows[1].id});
    CHECK(projectToJson(mergeRemoteObjects(base, remote, many)) == projectToJson(remote));
}

TEST_CASE("mergeRemoteObjects - a record's change takes its flow's records; a position its actor's place", "[remote_merge]") {
    const Project base = care();
    REQUIRE(!base.flows.at(7).records.empty());
    Project remote = base;
    remote.flows.at(7).records.at(0).tonnes += 0.5;
    remote.flows.at(7).tonnes += 0.5;
    remote.actors.at(1).hasPosition = true;
    remote.actors.at(1).x = 120.5;
    remote.actors.at(1).y = -7;
    const std::string recordKey = base.flows[7].id + "/" + base.flows[7].records[0].id;
    const Project merged = mergeRemoteObjects(base, remote, {{"record", recordKey}, {"flow", base.flows[7].id},
                                                             {"position", base.actors[1].id}});
    CHECK(merged.flows.at(7).records.at(0).tonnes == remote.flows.at(7).records.at(0).tonnes);
    CHECK(merged.actors.at(1).x == 120.5);
    CHECK(merged.actors.at(1).y == -7);
    CHECK(projectToJson(merged) == projectToJson(remote));
    bool other = true;
    const std::vector<CommandSubject> s = changedSubjects({{"record", recordKey}, {"position", base.actors[1].id}}, remote, other);
    CHECK_FALSE(other);
    CHECK(s == std::vector<CommandSubject>{{true, base.flows[7].id}, {false, base.actors[1].id}});
}

TEST_CASE("CommandStack - undo steps survive others' changes to other objects, not to their own", "[remote_merge]") {
    Project p = care();
    CommandStack stack;
    Flow mine = p.flows.at(5);
    const std::string before = mine.notes;
    mine.notes = "my edit";
    stack.execute(p, std::make_unique<UpdateFlow>(mine.id, mine));
    // Bob changed another flow: the step stays, and undo takes back only mine.
    p.flows.at(1).notes = "Bob's";
    CHECK(stack.keepUnlessTouched({{true, p.flows.at(1).id}}, false));
    REQUIRE(stack.canUndo());
    stack.undo(p);
    CHECK(p.flows.at(5).notes == before);
    CHECK(p.flows.at(1).notes == "Bob's");
    stack.redo(p);
    // Bob changed my flow: undo would take back his change; the history goes.
    CHECK_FALSE(stack.keepUnlessTouched({{true, mine.id}}, false));
    CHECK_FALSE(stack.canUndo());
    CHECK_FALSE(stack.canRedo());
    // Something other than actors and flows changed: a step cannot tell, the history goes.
    stack.execute(p, std::make_unique<UpdateFlow>(mine.id, mine));
    CHECK_FALSE(stack.keepUnlessTouched({}, true));
    CHECK_FALSE(stack.canUndo());
}
