#pragma once
// A chain JSON document cut into the parts the store keeps one row each of,
// for the tests of the readers that take parts (chain_json_parts, chain_json_flat).
#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "chain_json_parts.h"

namespace traza::test {

/// The parts of `doc`, as texts kept in `store` (which must outlive them).
inline model::ChainJsonParts partsOf(const nlohmann::json& doc, std::vector<std::string>& store) {
    store.clear();
    store.reserve(100000);  // the views stay valid: no reallocation for a sample's parts
    model::ChainJsonParts parts;
    auto keep = [&](const nlohmann::json& v) -> std::string_view { return store.emplace_back(v.dump()); };
    if (doc.contains("assessment")) parts.assessment = keep(doc["assessment"]);
    if (doc.contains("catalogue")) parts.catalogue = keep(doc["catalogue"]);
    const std::pair<const char*, std::vector<std::string_view>*> lists[] = {
        {"actors", &parts.actors}, {"flows", &parts.flows},       {"records", &parts.records}, {"checklists", &parts.checklists},
        {"goals", &parts.goals},   {"supports", &parts.supports}, {"findings", &parts.findings}};
    for (const auto& [member, list] : lists)
        if (doc.contains(member))
            for (const nlohmann::json& v : doc[member]) list->push_back(keep(v));
    return parts;
}

}  // namespace traza::test
