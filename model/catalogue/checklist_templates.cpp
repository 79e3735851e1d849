#include "checklist_templates.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

#include "entry_reader.h"
#include "error.h"

namespace traza::model {
namespace {

using nlohmann::json;

// The default template's name for a project copy made before the file named it.
const LocalText kDefaultName{"OECD due diligence for responsible business conduct (six steps)",
                             "Debida diligencia de la OCDE para una conducta empresarial responsable (seis pasos)"};

json parseText(const std::string& file, const std::string& text) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw InvalidInput(file, "not a JSON object");
    return doc;
}

// Unknown keys are an error in a template entry: a typo ("refrence") would
// otherwise drop what the user wrote without a word.
void onlyKeys(const EntryReader& r, std::initializer_list<const char*> keys) {
    for (const auto& item : r.entry().items()) {
        const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; }))
            throw InvalidInput((r.file().empty() ? "" : r.file() + ": ") + r.path() + "." + key, "unknown field");
    }
}

const json& arrayOf(const EntryReader& r, const char* key) {
    auto it = r.entry().find(key);
    if (it == r.entry().end()) r.fail(key, "missing");
    if (!it->is_array() || it->empty()) r.fail(key, "must be a non-empty array");
    return *it;
}

ChecklistStep readStep(const EntryReader& r) {
    ChecklistStep s;
    s.step = r.integer("step", 0);
    s.name = r.local("name");
    s.description = r.local("description", false);
    s.scope = r.text("scope");
    return s;
}

}  // namespace

ChecklistItemTemplate readChecklistItem(const EntryReader& r) {
    ChecklistItemTemplate t;
    static_cast<CatalogueEntry&>(t) = r.base();
    t.step = r.integer("step", 0);
    t.onTheGround = r.boolean("on_the_ground");
    t.reference = r.text("reference", false);
    return t;
}

ChecklistTemplate readChecklistTemplate(const json& entry, const std::string& file, const std::string& path) {
    if (!entry.is_object()) throw InvalidInput((file.empty() ? "" : file + ": ") + path, "must be an object");
    const EntryReader r(file, entry, path);
    onlyKeys(r, {"id", "name", "description", "retired", "steps", "items"});
    ChecklistTemplate t;
    const CatalogueEntry base = r.base();
    t.id = base.id;
    t.name = base.name;
    t.description = base.description;
    t.retired = base.retired;
    const json& steps = arrayOf(r, "steps");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string at = path + ".steps[" + std::to_string(i) + "]";
        if (!steps[i].is_object()) throw InvalidInput((file.empty() ? "" : file + ": ") + at, "must be an object");
        const EntryReader s(file, steps[i], at);
        onlyKeys(s, {"step", "name", "description", "scope"});
        ChecklistStep step = readStep(s);
        if (step.step < 1) s.fail("step", "must be a whole number from 1");
        if (t.step(step.step)) s.fail("step", "step " + std::to_string(step.step) + " is given twice");
        if (step.scope != "assessment" && step.scope != "supplier") s.fail("scope", "must be assessment or supplier");
        t.steps.push_back(std::move(step));
    }
    const json& items = arrayOf(r, "items");
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string at = path + ".items[" + std::to_string(i) + "]";
        if (!items[i].is_object()) throw InvalidInput((file.empty() ? "" : file + ": ") + at, "must be an object");
        const EntryReader s(file, items[i], at);
        onlyKeys(s, {"id", "step", "on_the_ground", "name", "description", "reference", "retired"});
        ChecklistItemTemplate item = readChecklistItem(s);
        if (t.item(item.id)) s.fail("id", "duplicate item id \"" + item.id + "\"");
        if (!t.step(item.step)) s.fail("step", "the template has no step " + std::to_string(item.step));
        t.items.push_back(std::move(item));
    }
    return t;
}

std::vector<ChecklistTemplate> readChecklistTemplates(const std::map<std::string, std::string>& texts) {
    std::vector<ChecklistTemplate> out;
    auto it = texts.find("checklist_template");
    if (it == texts.end()) throw InvalidInput("checklist_template.json", "catalogue file missing");
    const std::string file = "checklist_template.json";
    const json doc = parseText(file, it->second);
    if (!doc.contains("entries") || !doc["entries"].is_array()) throw InvalidInput(file + ": entries", "missing or not an array");
    ChecklistTemplate def;
    def.id = kDefaultChecklistTemplate;
    const EntryReader top(file, doc, std::string());
    def.name = doc.contains("name") ? top.local("name") : kDefaultName;
    def.description = top.local("description", false);
    // Items before steps: the order in which errors have always been reported.
    std::size_t i = 0;
    for (const json& e : doc["entries"]) {
        if (!e.is_object()) throw InvalidInput(file + ": entries[" + std::to_string(i) + "]", "not an object");
        def.items.push_back(readChecklistItem(EntryReader(file, e, i++)));
    }
    if (doc.contains("steps") && doc["steps"].is_array())
        for (std::size_t j = 0; j < doc["steps"].size(); ++j)
            def.steps.push_back(readStep(EntryReader(file, doc["steps"][j], j, "steps")));
    out.push_back(std::move(def));

    auto more = texts.find(kChecklistTemplatesList);
    if (more == texts.end()) return out;
    const std::string moreFile = std::string(kChecklistTemplatesList) + ".json";
    const json list = parseText(moreFile, more->second);
    if (!list.contains("entries") || !list["entries"].is_array()) throw InvalidInput(moreFile + ": entries", "missing or not an array");
    for (std::size_t j = 0; j < list["entries"].size(); ++j) {
        ChecklistTemplate t = readChecklistTemplate(list["entries"][j], moreFile, "entries[" + std::to_string(j) + "]");
        auto same = std::find_if(out.begin(), out.end(), [&](const ChecklistTemplate& x) { return x.id == t.id; });
        if (same != out.end()) *same = std::move(t);
        else out.push_back(std::move(t));
    }
    return out;
}

nlohmann::ordered_json defaultTemplateEntry(const std::string& checklistTemplateText) {
    using ojson = nlohmann::ordered_json;
    const ojson doc = ojson::parse(checklistTemplateText, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw InvalidInput("checklist_template.json", "not a JSON object");
    ojson e = ojson::object();
    e["id"] = kDefaultChecklistTemplate;
    e["name"] = doc.contains("name") ? doc["name"] : ojson{{"en", kDefaultName.en}, {"es", kDefaultName.es}};
    if (doc.contains("description")) e["description"] = doc["description"];
    e["steps"] = doc.contains("steps") ? doc["steps"] : ojson::array();
    e["items"] = doc.contains("entries") ? doc["entries"] : ojson::array();
    return e;
}

}  // namespace traza::model
