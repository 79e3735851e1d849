#include "own_entries.h"

#include <algorithm>
#include <map>

#include "checklist_templates.h"
#include "enums.h"
#include "error.h"
#include "word_match.h"

namespace traza::model {
namespace {

using ojson = nlohmann::ordered_json;

std::string at(const std::string& path, const std::string& list, std::size_t i) {
    return (path.empty() ? "" : path + ".") + list + "[" + std::to_string(i) + "]";
}

ojson listText(const Catalogue& c, const std::string& stem) {
    auto it = c.texts().find(stem);
    // A project copied before checklist templates (issue #18) has the default one only.
    if (it == c.texts().end() && stem == kChecklistTemplatesList)
        return ojson{{"catalogue", stem}, {"version", 1}, {"entries", ojson::array()}};
    if (it == c.texts().end()) throw InvalidInput(stem + ".json", "catalogue file missing");
    ojson doc = ojson::parse(it->second, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("entries") || !doc["entries"].is_array())
        throw InvalidInput(stem + ".json", "not a catalogue file");
    return doc;
}

std::string knownIds(const std::vector<std::string>& ids, const std::string& id) {
    const std::vector<std::string> near = closestWords(id, ids);
    std::string out;
    for (const std::string& k : near.empty() ? ids : near) out += (out.empty() ? "" : ", ") + k;
    return (near.empty() ? " (known: " : " (closest: ") + out + ")";
}

// Actor kinds are the model's enumeration and red-flag rules are code: an id
// Traza does not know would have nothing behind it.
bool listTakesNewIds(const std::string& list) { return list != "actor_kinds" && list != "red_flag_rules"; }

bool sameKind(const ojson& a, const ojson& b) {
    return (a.is_number() && b.is_number()) || a.type() == b.type();
}

void checkShare(const ojson& e, const char* key, const std::string& where, const char* what) {
    if (!e.contains(key) || !e[key].is_number()) return;  // type errors: Catalogue::checkEntry
    const double v = e[key].get<double>();
    if (!(v >= 0 && v <= 1)) throw InvalidInput(where + "." + key, std::string("must be between 0 and 1 (") + what + ")");
}

// What the catalogue file's own check does not cover: the ranges and words the
// analysis relies on.
void checkMeaning(const std::string& list, const ojson& e, const ojson* before, const std::string& where) {
    if (list == "risk_factors") checkShare(e, "weight", where, "the share of the remaining risk the factor adds");
    if (list == "typologies") checkShare(e, "baseline_risk", where, "a risk score");
    if (list == "actor_kinds") checkShare(e, "inherent_risk", where, "a risk score");
    if (list == "document_types" && e.contains("typical_evidence") && e["typical_evidence"].is_string() &&
        !parseEvidence(e["typical_evidence"].get<std::string>()))
        throw InvalidInput(where + ".typical_evidence", "must be an evidence level (none, self_declared, reported, documented, verified)");
    if (list != "red_flag_rules") return;
    const std::string severity = e.value("severity", "");
    static const std::vector<std::string> severities{"low", "medium", "high", "critical"};
    if (std::find(severities.begin(), severities.end(), severity) == severities.end())
        throw InvalidInput(where + ".severity", "must be low, medium, high or critical");
    if (!before || !e.contains("parameters")) return;
    if (!e["parameters"].is_object()) throw InvalidInput(where + ".parameters", "must be an object");
    const ojson& known = (*before).contains("parameters") ? (*before)["parameters"] : ojson::object();
    for (const auto& [key, value] : e["parameters"].items()) {
        if (!known.contains(key)) {
            std::vector<std::string> names;
            for (const auto& [k, v] : known.items()) names.push_back(k);
            throw InvalidInput(where + ".parameters." + key,
                               "the rule has no such parameter" + (names.empty() ? std::string(" (it has none)") : knownIds(names, key)));
        }
        if (!sameKind(value, known[key]))
            throw InvalidInput(where + ".parameters." + key, "must be " + std::string(known[key].type_name()) + " like the rule's own value");
    }
}

// A replacing entry may give only what it changes; parameters merge one level down.
ojson patched(const ojson& before, const ojson& own) {
    ojson out = before;
    for (const auto& [key, value] : own.items()) {
        // A value given as it already is keeps its key order: chain JSON is read
        // unordered, and a template's steps written back would otherwise change text.
        if (out.contains(key) && nlohmann::json::parse(out[key].dump()) == nlohmann::json::parse(value.dump())) continue;
        if (key == "parameters" && value.is_object() && out.contains(key) && out[key].is_object())
            for (const auto& [p, v] : value.items()) out[key][p] = v;
        else out[key] = value;
    }
    return out;
}

// Equal as JSON values, whatever the order of their keys.
bool equalEntries(const ojson& a, const ojson& b) { return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump()); }

}  // namespace

const std::vector<std::string>& ownEntryLists() {
    static const std::vector<std::string> lists{"actor_kinds",  "document_types", "typologies",
                                                "risk_factors", "red_flag_rules", kChecklistTemplatesList};
    return lists;
}

Catalogue withOwnEntries(const Catalogue& base, const nlohmann::json& section, const std::string& path,
                         std::vector<CatalogueChange>* changes) {
    std::map<std::string, std::string> texts = base.texts();
    for (const std::string& list : ownEntryLists()) {
        auto found = section.find(list);
        if (found == section.end()) continue;
        const std::string listPath = (path.empty() ? "" : path + ".") + list;
        if (!found->is_array()) throw InvalidInput(listPath, "must be an array of entries");
        ojson doc = listText(base, list);
        ojson& entries = doc["entries"];
        std::vector<std::string> seen;
        for (std::size_t i = 0; i < found->size(); ++i) {
            const std::string where = at(path, list, i);
            const ojson own = (*found)[i];
            if (!own.is_object()) throw InvalidInput(where, "must be an object");
            if (!own.contains("id") || !own["id"].is_string() || own["id"].get<std::string>().empty())
                throw InvalidInput(where + ".id", "missing or not a non-empty string");
            const std::string id = own["id"].get<std::string>();
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) throw InvalidInput(where + ".id", "duplicate id \"" + id + "\"");
            seen.push_back(id);
            auto same = std::find_if(entries.begin(), entries.end(), [&](const ojson& e) { return e.value("id", "") == id; });
            // The default checklist template lives in its own file: replacing it
            // adds an entry of its id to the list, patched over the file's template.
            if (same == entries.end() && list == kChecklistTemplatesList && id == kDefaultChecklistTemplate) {
                const ojson before = defaultTemplateEntry(base.texts().at("checklist_template"));
                const ojson merged = patched(before, own);
                Catalogue::checkEntry(list, merged, where);
                const bool unchanged = equalEntries(before, merged);
                if (!unchanged) entries.push_back(merged);
                if (changes)
                    changes->push_back({list, id, unchanged ? CatalogueChange::Kind::Unchanged : CatalogueChange::Kind::Replaced,
                                        merged.value("retired", false)});
                continue;
            }
            if (same == entries.end() && !listTakesNewIds(list)) {
                std::vector<std::string> ids;
                for (const ojson& e : entries) ids.push_back(e.value("id", ""));
                throw InvalidInput(where + ".id", "Traza has no " + std::string(list == "actor_kinds" ? "actor kind" : "red-flag rule") +
                                                      " \"" + id + "\"; a project may change the texts" +
                                                      (list == "actor_kinds" ? ", default stage and inherent risk" : ", severity and parameters") +
                                                      " of the known ones" + knownIds(ids, id));
            }
            const ojson merged = same == entries.end() ? own : patched(*same, own);
            Catalogue::checkEntry(list, merged, where);
            checkMeaning(list, merged, same == entries.end() ? nullptr : &*same, where);
            CatalogueChange change{list, id, CatalogueChange::Kind::Added, merged.value("retired", false)};
            if (same != entries.end()) {
                change.kind = equalEntries(*same, merged) ? CatalogueChange::Kind::Unchanged : CatalogueChange::Kind::Replaced;
                *same = merged;
            } else {
                entries.push_back(merged);
            }
            if (changes) changes->push_back(change);
        }
        texts[list] = doc.dump(2) + "\n";
    }
    return Catalogue::fromTexts(std::move(texts));
}

nlohmann::ordered_json ownEntries(const Catalogue& project, const Catalogue& installed) {
    ojson out = ojson::object();
    for (const std::string& list : ownEntryLists()) {
        auto text = project.texts().find(list);
        auto theirs = installed.texts().find(list);
        if (text == project.texts().end()) continue;
        if (theirs != installed.texts().end() && text->second == theirs->second) continue;  // the common case, cheaply
        const ojson base = theirs == installed.texts().end() ? ojson::object({{"entries", ojson::array()}}) : listText(installed, list);
        ojson own = ojson::array();
        const ojson mine = listText(project, list);  // kept: the loop walks into it
        for (const ojson& e : mine["entries"]) {
            const std::string id = e.value("id", "");
            auto same = std::find_if(base["entries"].begin(), base["entries"].end(), [&](const ojson& b) { return b.value("id", "") == id; });
            if (same == base["entries"].end() || !equalEntries(*same, e)) own.push_back(e);
        }
        if (!own.empty()) out[list] = std::move(own);
    }
    return out;
}

nlohmann::ordered_json listEntries(const Catalogue& project, const std::string& list) {
    if (list == kChecklistTemplatesList) {
        // The whole framework: the default template too, unless the list replaces it.
        // A project saved before schema 7 has no list of templates, only the default one.
        ojson templates = project.texts().count(list) ? listText(project, list)["entries"] : ojson::array();
        const bool replaced = std::any_of(templates.begin(), templates.end(),
                                          [](const ojson& e) { return e.value("id", "") == kDefaultChecklistTemplate; });
        if (!replaced && project.texts().count("checklist_template"))
            templates.insert(templates.begin(), defaultTemplateEntry(project.texts().at("checklist_template")));
        return templates;
    }
    if (project.texts().count(list)) return listText(project, list)["entries"];
    return ojson::array();
}

nlohmann::ordered_json allEntries(const Catalogue& project) {
    ojson out = ojson::object();
    for (const std::string& list : ownEntryLists())
        if (list == kChecklistTemplatesList || project.texts().count(list)) out[list] = listEntries(project, list);
    return out;
}

std::vector<std::string> entryIds(const Catalogue& catalogue, const std::string& list) {
    std::vector<std::string> ids;
    auto add = [&](const auto& entries) {
        for (const auto& e : entries) ids.push_back(e.id);
    };
    if (list == "actor_kinds") add(catalogue.actorKinds);
    else if (list == "document_types") add(catalogue.documentTypes);
    else if (list == "typologies") add(catalogue.typologies);
    else if (list == "risk_factors") add(catalogue.riskFactors);
    else if (list == "red_flag_rules") add(catalogue.redFlagRules);
    else if (list == "checklist_template") add(catalogue.checklistItems);
    else if (list == kChecklistTemplatesList) add(catalogue.checklistTemplates);
    return ids;
}

std::string unknownIdHint(const Catalogue& catalogue, const std::string& list, const std::string& id) {
    return idHint(entryIds(catalogue, list), id);
}

std::string idHint(const std::vector<std::string>& ids, const std::string& id) {
    if (ids.empty() || (closestWords(id, ids).empty() && ids.size() > 12)) return {};
    return knownIds(ids, id);
}

}  // namespace traza::model
