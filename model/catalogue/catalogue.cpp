#include "catalogue.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <fstream>
#include <mutex>
#include <sstream>
#include <utility>

#include "checklist_templates.h"
#include "entry_reader.h"
#include "error.h"

namespace traza::model {
namespace {

using nlohmann::json;

json parseFile(const std::string& stem, const std::string& text) {
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) throw InvalidInput(stem + ".json", "not a JSON object");
    if (!doc.contains("entries") || !doc["entries"].is_array()) throw InvalidInput(stem + ".json: entries", "missing or not an array");
    return doc;
}

// Each list's own fields, beside the id, name and description every entry has.
void fill(ActorKindInfo& k, const EntryReader& r) {
    k.defaultStage = r.integer("default_stage", 0);
    k.inherentRisk = r.number("inherent_risk", 0.5);
}
void fill(EvidenceLevelInfo& e, const EntryReader& r) { e.rank = r.integer("rank", 0); }
void fill(DocumentType& d, const EntryReader& r) { d.typicalEvidence = r.text("typical_evidence", false); }
void fill(Typology& t, const EntryReader& r) {
    t.baselineRisk = r.number("baseline_risk", 0.5);
    t.baselineLabel = r.text("baseline_label", false);
    t.expectedDueDiligence = r.local("expected_due_diligence", false);
    t.sourceNote = r.local("source_note", false);
}
void fill(RiskFactor& f, const EntryReader& r) {
    f.category = r.text("category", false);
    f.weight = r.number("weight", 0);
}
void fill(RedFlagRule& f, const EntryReader& r) {
    f.severity = r.text("severity");
    f.category = r.text("category", false);
    f.parametersJson = r.rawJson("parameters");
    f.explanation = r.local("explanation", false);
}

template <typename T>
T readEntry(const EntryReader& r) {
    T item;
    static_cast<CatalogueEntry&>(item) = r.base();
    fill(item, r);
    return item;
}

template <typename T>
std::vector<T> readEntries(const std::map<std::string, std::string>& texts, const std::string& stem) {
    std::vector<T> out;
    auto it = texts.find(stem);
    if (it == texts.end()) throw InvalidInput(stem + ".json", "catalogue file missing");
    json doc = parseFile(stem, it->second);
    const std::string file = stem + ".json";
    std::size_t i = 0;
    for (const json& e : doc["entries"]) {
        if (!e.is_object()) throw InvalidInput(file + ": entries[" + std::to_string(i) + "]", "not an object");
        out.push_back(readEntry<T>(EntryReader(file, e, i++)));
    }
    return out;
}

template <typename T>
const T* findById(const std::vector<T>& v, const std::string& id) {
    for (const T& x : v)
        if (x.id == id) return &x;
    return nullptr;
}

}  // namespace

const std::vector<std::string>& Catalogue::requiredFiles() {
    static const std::vector<std::string> files{"actor_kinds",     "evidence_levels", "document_types",
                                                "typologies",      "checklist_template", "risk_factors",
                                                "red_flag_rules"};
    return files;
}

Catalogue Catalogue::fromTexts(std::map<std::string, std::string> texts) {
    Catalogue c;
    c.actorKinds = readEntries<ActorKindInfo>(texts, "actor_kinds");
    c.evidenceLevels = readEntries<EvidenceLevelInfo>(texts, "evidence_levels");
    c.documentTypes = readEntries<DocumentType>(texts, "document_types");
    c.typologies = readEntries<Typology>(texts, "typologies");
    c.riskFactors = readEntries<RiskFactor>(texts, "risk_factors");
    c.redFlagRules = readEntries<RedFlagRule>(texts, "red_flag_rules");
    c.checklistTemplates = readChecklistTemplates(texts);
    c.checklistSteps = c.checklistTemplates.front().steps;
    c.checklistItems = c.checklistTemplates.front().items;
    c.m_texts = std::move(texts);
    return c;
}

void Catalogue::checkEntry(const std::string& stem, const json& entry, const std::string& path) {
    if (!entry.is_object()) throw InvalidInput(path, "must be an object");
    const EntryReader r(entry, path);
    if (stem == "actor_kinds") readEntry<ActorKindInfo>(r);
    else if (stem == "evidence_levels") readEntry<EvidenceLevelInfo>(r);
    else if (stem == "document_types") readEntry<DocumentType>(r);
    else if (stem == "typologies") readEntry<Typology>(r);
    else if (stem == "checklist_template") readChecklistItem(r);
    else if (stem == kChecklistTemplatesList) readChecklistTemplate(entry, "", path);
    else if (stem == "risk_factors") readEntry<RiskFactor>(r);
    else if (stem == "red_flag_rules") readEntry<RedFlagRule>(r);
    else throw InvalidInput(path, "not a catalogue list");
}

Catalogue Catalogue::loadDirectory(const std::filesystem::path& dir) {
    std::map<std::string, std::string> texts;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        if (!in) throw IoError(entry.path().string() + ": cannot read");
        std::ostringstream buf;
        buf << in.rdbuf();
        texts[entry.path().stem().string()] = buf.str();
    }
    if (ec) throw IoError(dir.string() + ": cannot list catalogue directory: " + ec.message());
    return fromTexts(std::move(texts));
}

const Catalogue& Catalogue::installed() {
    static std::once_flag once;
    static Catalogue cached;
    std::call_once(once, [] { cached = loadDirectory(dataDirectory() / "catalogue"); });
    return cached;
}

const Typology* Catalogue::typology(const std::string& id) const { return findById(typologies, id); }
const RiskFactor* Catalogue::riskFactor(const std::string& id) const { return findById(riskFactors, id); }
const ChecklistItemTemplate* Catalogue::checklistItem(const std::string& id) const { return findById(checklistItems, id); }
const ChecklistTemplate* Catalogue::checklistTemplate(const std::string& id) const {
    return findById(checklistTemplates, id.empty() ? std::string(kDefaultChecklistTemplate) : id);
}

const ChecklistItemTemplate* ChecklistTemplate::item(const std::string& itemId) const { return findById(items, itemId); }
const ChecklistStep* ChecklistTemplate::step(int number) const {
    for (const ChecklistStep& s : steps)
        if (s.step == number) return &s;
    return nullptr;
}
std::string ChecklistTemplate::scopeOf(const std::string& itemId) const {
    const ChecklistItemTemplate* t = item(itemId);
    const ChecklistStep* s = t ? step(t->step) : nullptr;
    return s ? s->scope : std::string();
}
const RedFlagRule* Catalogue::redFlagRule(const std::string& id) const { return findById(redFlagRules, id); }
const ActorKindInfo* Catalogue::actorKind(const std::string& id) const { return findById(actorKinds, id); }
const DocumentType* Catalogue::documentType(const std::string& id) const { return findById(documentTypes, id); }

}  // namespace traza::model
