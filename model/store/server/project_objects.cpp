#include "project_objects.h"

#include <algorithm>
#include <array>
#include <charconv>
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
    try {
        return projectFromJson(doc, catalogue);
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
