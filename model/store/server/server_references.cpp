#include "server_references.h"

#include <set>

#include <nlohmann/json.hpp>
#include <pqxx/result>

#include "server_location.h"

namespace traza::model {
namespace {

// The (kind, id) a changed object points to: a flow's actors, a record's flow.
std::vector<ObjectKey> targets(const ObjectKey& key, const std::string& body) {
    const auto doc = nlohmann::json::parse(body, nullptr, false);
    auto text = [&](const char* k) { return doc.contains(k) && doc[k].is_string() ? doc[k].get<std::string>() : std::string(); };
    if (key.first == "flow") return {{"actor", text("from")}, {"actor", text("to")}};
    if (key.first == "record") return {{"flow", text("flow")}};
    if (key.first == kPositionKind) return {{"actor", key.second}};
    return {};
}

std::string quotedKey(const ObjectKey& key) { return key.first + " \"" + key.second + "\""; }

}  // namespace

void checkReferences(pqxx::transaction_base& tx, std::int64_t projectId, const ObjectChanges& changes) {
    for (const auto& [key, row] : changes.upserts)
        for (const ObjectKey& target : targets(key, row.body)) {
            if (target.second.empty() || changes.upserts.count(target)) continue;
            const pqxx::result r = tx.exec_params(
                "SELECT 1 FROM traza.objects WHERE project_id = $1 AND kind = $2 AND id = $3 FOR SHARE", projectId,
                target.first, target.second);
            if (r.empty())
                throw ServerConflict(quotedKey(key) + " refers to " + quotedKey(target) +
                                     ", which another user removed meanwhile; nothing of this command was saved; reload and try again");
        }
    const std::set<ObjectKey> removed(changes.removals.begin(), changes.removals.end());
    for (const ObjectKey& key : changes.removals) {
        if (key.first != "actor" && key.first != "flow") continue;
        const pqxx::result r =
            key.first == "actor"
                ? tx.exec_params("SELECT kind, id FROM traza.objects WHERE project_id = $1 AND ((kind = 'flow'"
                                 " AND (body->>'from' = $2 OR body->>'to' = $2)) OR (kind = 'position' AND id = $2))",
                                 projectId, key.second)
                : tx.exec_params("SELECT kind, id FROM traza.objects WHERE project_id = $1 AND kind = 'record' AND body->>'flow' = $2",
                                 projectId, key.second);
        for (const pqxx::row& user : r) {
            const ObjectKey by{user[0].as<std::string>(), user[1].as<std::string>()};
            if (removed.count(by)) continue;
            throw ServerConflict(quotedKey(key) + " is used by " + quotedKey(by) +
                                 ", which another user added or changed meanwhile; nothing of this command was saved; reload and try again");
        }
    }
}

}  // namespace traza::model
