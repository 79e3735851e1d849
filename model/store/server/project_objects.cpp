#include "project_objects.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "error.h"

namespace traza::model {
namespace {

using json = nlohmann::json;

// The chain JSON members that are lists of objects, in the order chain JSON
// writes them, with the kind of their rows.
struct ListKind {
    const char* member;
    const char* kind;
};
constexpr std::array<ListKind, 7> kLists{{{"actors", "actor"},
                                          {"flows", "flow"},
                                          {"records", "record"},
                                          {"checklists", "checklist"},
                                          {"goals", "goal"},
                                          {"supports", "support"},
                                          {"findings", "finding"}}};
constexpr std::array<const char*, 2> kSingletons{"assessment", "catalogue"};

std::string text(const json& o, const char* key) {
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The natural id of a list element (see ObjectKey).
std::string naturalId(const std::string& kind, const json& o) {
    if (kind == "checklist") return text(o, "scope");
    if (kind == "record") return text(o, "flow") + "/" + text(o, "id");
    if (kind == "goal") return text(o, "actor") + ">" + text(o, "buyer");
    if (kind == "support") return text(o, "actor") + ">" + text(o, "type") + ">" + text(o, "region");
    return text(o, "id");
}

[[noreturn]] void badLayout(const std::string& location, const ObjectKey& key, const std::string& path,
                            const std::string& reason) {
    throw InvalidInput(location + ": " + key.first + (key.second.empty() ? "" : " \"" + key.second + "\"") + " (" + path + ")",
                       reason);
}

double finiteNumber(const json& o, const char* name, const std::string& location, const ObjectKey& key,
                    const std::string& path) {
    const auto it = o.find(name);
    if (it == o.end() || !it->is_number() || !std::isfinite(it->get<double>()))
        badLayout(location, key, path + name, "must be a finite number");
    return it->get<double>();
}

// The rows chain JSON does not carry: canvas positions (by actor id) and the
// remembered spreadsheet column rules. A position whose actor is gone (removed
// by another user as this one was moving it) is left out.
void readLayout(const ObjectRows& rows, Project& p, const std::string& location) {
    std::unordered_map<std::string, Actor*> actors;
    for (Actor& a : p.actors) actors.emplace(a.id, &a);
    for (auto it = rows.lower_bound({kPositionKind, ""}); it != rows.end() && it->first.first == kPositionKind; ++it) {
        const json o = json::parse(it->second.body, nullptr, false);
        if (!o.is_object()) badLayout(location, it->first, "position", "must be an object {\"x\": …, \"y\": …}");
        const double x = finiteNumber(o, "x", location, it->first, "");
        const double y = finiteNumber(o, "y", location, it->first, "");
        const auto actor = actors.find(it->first.second);
        if (actor == actors.end()) continue;
        actor->second->hasPosition = true;
        actor->second->x = x;
        actor->second->y = y;
    }
    const auto rules = rows.find({kImportRulesKind, ""});
    if (rules == rows.end()) return;
    const json list = json::parse(rules->second.body, nullptr, false);
    if (!list.is_array()) badLayout(location, rules->first, "import_rules", "must be a list of rules");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "import_rules[" + std::to_string(i) + "].";
        const json& r = list[i];
        if (!r.is_object()) badLayout(location, rules->first, path.substr(0, path.size() - 1), "must be an object");
        for (const char* member : {"header", "field"})
            if (!r.contains(member) || !r[member].is_string()) badLayout(location, rules->first, path + member, "must be text");
        const double factor = finiteNumber(r, "factor", location, rules->first, path);
        if (!(factor > 0)) badLayout(location, rules->first, path + "factor", "must be a positive number");
        if (r["header"].get<std::string>().empty()) badLayout(location, rules->first, path + "header", "must not be empty");
        p.importRules.add({r["header"].get<std::string>(), r["field"].get<std::string>(), factor});
    }
}

}  // namespace

ObjectRows projectObjects(const Project& p) {
    const json doc = json::parse(projectToJson(p));
    ObjectRows rows;
    for (const char* s : kSingletons)
        if (doc.contains(s)) rows[{s, ""}] = {0, doc[s].dump()};
    for (const ListKind& list : kLists) {
        if (!doc.contains(list.member)) continue;
        const json& items = doc[list.member];
        std::unordered_map<std::string, int> seen;
        for (std::size_t i = 0; i < items.size(); ++i) {
            std::string id = naturalId(list.kind, items[i]);
            if (const int n = seen[id]++; n > 0) id += "#" + std::to_string(n + 1);
            rows[{list.kind, id}] = {static_cast<int>(i), items[i].dump()};
        }
    }
    // Kept apart from the actor's row, so one user moving an actor never
    // conflicts with another editing its fields (server schema version 2).
    for (const Actor& a : p.actors)
        if (a.hasPosition) rows[{kPositionKind, a.id}] = {0, json{{"x", a.x}, {"y", a.y}}.dump()};
    if (!p.importRules.empty()) {
        json rules = json::array();
        for (const ColumnRule& r : p.importRules.rules())
            rules.push_back({{"header", r.header}, {"field", r.field}, {"factor", r.factor}});
        rows[{kImportRulesKind, ""}] = {0, rules.dump()};
    }
    return rows;
}

Project projectFromObjects(const ObjectRows& rows, const Catalogue& catalogue, const std::string& location) {
    // Each list's rows by ordinal, remembering their ids to name them in errors.
    std::map<std::string, std::vector<std::pair<int, const ObjectKey*>>> byKind;
    for (const auto& [key, row] : rows) byKind[key.first].push_back({row.ordinal, &key});
    // By ordinal, then id: two clients appending at once give two rows one ordinal.
    for (auto& [kind, list] : byKind)
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second->second < b.second->second;
        });
    std::string doc = "{\"format\":\"traza-chain\",\"version\":1";
    for (const char* s : kSingletons)
        if (const auto it = rows.find({s, ""}); it != rows.end()) doc += std::string(",\"") + s + "\":" + it->second.body;
    for (const ListKind& list : kLists) {
        const auto it = byKind.find(list.kind);
        if (it == byKind.end()) continue;
        doc += std::string(",\"") + list.member + "\":[";
        for (std::size_t i = 0; i < it->second.size(); ++i) doc += (i ? "," : "") + rows.at(*it->second[i].second).body;
        doc += "]";
    }
    doc += "}";
    Project p;
    try {
        p = projectFromJson(doc, catalogue);
    } catch (const InvalidInput& e) {
        // "flows[2].to" -> flow "F3" (flows[2].to)
        std::string place = location;
        const std::string& where = e.where();
        for (const ListKind& list : kLists) {
            const std::string prefix = std::string(list.member) + "[";
            if (where.rfind(prefix, 0) != 0) continue;
            std::size_t index = 0;
            const char* first = where.data() + prefix.size();
            std::from_chars(first, where.data() + where.size(), index);
            const auto it = byKind.find(list.kind);
            if (it != byKind.end() && index < it->second.size())
                place += std::string(": ") + list.kind + " \"" + it->second[index].second->second + "\"";
        }
        throw InvalidInput(where.empty() ? place : place + " (" + where + ")", e.reason());
    }
    readLayout(rows, p, location);
    return p;
}

ObjectChanges objectChanges(const ObjectRows& before, const ObjectRows& after) {
    ObjectChanges changes;
    for (const auto& [key, row] : after) {
        const auto it = before.find(key);
        if (it == before.end() || !(it->second == row)) changes.upserts.emplace(key, row);
    }
    for (const auto& [key, row] : before)
        if (!after.count(key)) changes.removals.push_back(key);
    return changes;
}

}  // namespace traza::model
