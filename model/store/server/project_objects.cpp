#include "project_objects.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_parts.h"
#include "json_parse.h"
#include "error.h"
#include "order_keys.h"

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

[[noreturn]] void badLayout(const std::string& location, const ObjectView& o, const std::string& path, const std::string& reason) {
    throw InvalidInput(location + ": " + std::string(o.kind) + (o.id.empty() ? "" : " \"" + std::string(o.id) + "\"") + " (" +
                           path + ")",
                       reason);
}

json parseLayout(const std::string& location, const ObjectView& o, const char* path) {
    try {
        return parseJsonDocument(o.body, kMaxJsonDepth - 1);
    } catch (const InvalidInput& e) {
        badLayout(location, o, e.where().empty() ? path : std::string(path) + ", " + e.where(), e.reason());
    }
}

double finiteNumber(const json& o, const char* name, const std::string& location, const ObjectView& view,
                    const std::string& path) {
    const auto it = o.find(name);
    if (it == o.end() || !it->is_number() || !std::isfinite(it->get<double>()))
        badLayout(location, view, path + name, "must be a finite number");
    return it->get<double>();
}

// The rows chain JSON does not carry: canvas positions (by actor id) and the
// remembered spreadsheet column rules. A position whose actor is gone (removed
// by another user as this one was moving it) is left out.
void readLayout(const std::vector<ObjectView>& positions, const ObjectView* rules, Project& p, const std::string& location) {
    std::unordered_map<std::string_view, Actor*> actors;
    for (Actor& a : p.actors) actors.emplace(a.id, &a);
    for (const ObjectView& view : positions) {
        const json o = parseLayout(location, view, "position");
        if (!o.is_object()) badLayout(location, view, "position", "must be an object {\"x\": …, \"y\": …}");
        const double x = finiteNumber(o, "x", location, view, "");
        const double y = finiteNumber(o, "y", location, view, "");
        const auto actor = actors.find(view.id);
        if (actor == actors.end()) continue;
        actor->second->hasPosition = true;
        actor->second->x = x;
        actor->second->y = y;
    }
    if (!rules) return;
    const json list = parseLayout(location, *rules, "import_rules");
    if (!list.is_array()) badLayout(location, *rules, "import_rules", "must be a list of rules");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "import_rules[" + std::to_string(i) + "].";
        const json& r = list[i];
        if (!r.is_object()) badLayout(location, *rules, path.substr(0, path.size() - 1), "must be an object");
        for (const char* member : {"header", "field"})
            if (!r.contains(member) || !r[member].is_string()) badLayout(location, *rules, path + member, "must be text");
        const double factor = finiteNumber(r, "factor", location, *rules, path);
        if (!(factor > 0)) badLayout(location, *rules, path + "factor", "must be a positive number");
        if (r["header"].get<std::string>().empty()) badLayout(location, *rules, path + "header", "must not be empty");
        p.importRules.add({r["header"].get<std::string>(), r["field"].get<std::string>(), factor});
    }
}

}  // namespace

const std::vector<std::string>& listKinds() {
    static const std::vector<std::string> kinds = [] {
        std::vector<std::string> k;
        for (const ListKind& list : kLists) k.emplace_back(list.kind);
        return k;
    }();
    return kinds;
}

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
            rows[{list.kind, id}] = {static_cast<std::int64_t>(i + 1) * kOrderGap, items[i].dump(),
                                     std::string(list.kind) == "record" ? text(items[i], "flow") : std::string()};
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
    std::vector<ObjectView> views;
    views.reserve(rows.size());
    for (const auto& [key, row] : rows) views.push_back({key.first, key.second, row.ordinal, row.body});
    return projectFromObjectViews(std::move(views), catalogue, location);
}

Project projectFromObjectViews(std::vector<ObjectView> views, const Catalogue& catalogue, const std::string& location) {
    // By kind, then order key, then id: two clients putting objects into one gap at once give two rows one key.
    // Grouped by kind first (rows mostly come a kind at a time), so that a
    // national chain's 152 000 rows are not sorted by comparing kind names.
    std::map<std::string_view, std::vector<ObjectView>> byKind;
    std::vector<ObjectView>* group = nullptr;
    for (const ObjectView& v : views) {
        if (!group || group->front().kind != v.kind) group = &byKind[v.kind];
        group->push_back(v);
    }
    views = {};
    const auto order = [](const ObjectView& a, const ObjectView& b) {
        return a.ordinal != b.ordinal ? a.ordinal < b.ordinal : a.id < b.id;
    };
    for (auto& [kind, list] : byKind)
        if (!std::is_sorted(list.begin(), list.end(), order)) std::sort(list.begin(), list.end(), order);
    auto range = [&](std::string_view kind) {
        const auto it = byKind.find(kind);
        return it == byKind.end() ? std::vector<ObjectView>() : it->second;
    };
    // The document's members as the rows' texts: read like one chain JSON
    // document, without joining and parsing it whole.
    ChainJsonParts parts;
    for (const ObjectView& v : range("assessment")) parts.assessment = v.body;
    for (const ObjectView& v : range("catalogue")) parts.catalogue = v.body;
    const std::array<std::vector<std::string_view>*, kLists.size()> lists{&parts.actors,   &parts.flows,    &parts.records,
                                                                          &parts.checklists, &parts.goals, &parts.supports,
                                                                          &parts.findings};
    std::array<std::vector<ObjectView>, kLists.size()> byList;
    for (std::size_t l = 0; l < kLists.size(); ++l) {
        byList[l] = range(kLists[l].kind);
        lists[l]->reserve(byList[l].size());
        for (const ObjectView& v : byList[l]) lists[l]->push_back(v.body);
    }
    Project p;
    try {
        p = projectFromJsonParts(parts, catalogue);
    } catch (const InvalidInput& e) {
        // "flows[2].to" -> flow "F3" (flows[2].to)
        std::string place = location;
        const std::string& where = e.where();
        for (std::size_t l = 0; l < kLists.size(); ++l) {
            const std::string prefix = std::string(kLists[l].member) + "[";
            if (where.rfind(prefix, 0) != 0) continue;
            std::size_t index = 0;
            const char* first = where.data() + prefix.size();
            std::from_chars(first, where.data() + where.size(), index);
            if (index < byList[l].size())
                place += std::string(": ") + kLists[l].kind + " \"" + std::string(byList[l][index].id) + "\"";
        }
        throw InvalidInput(where.empty() ? place : place + " (" + where + ")", e.reason());
    }
    const std::vector<ObjectView> rules = range(kImportRulesKind);
    readLayout(range(kPositionKind), rules.empty() ? nullptr : &rules.front(), p, location);
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
