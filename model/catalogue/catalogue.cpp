#include "catalogue.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <cmath>
#include <fstream>
#include <mutex>
#include <sstream>
#include <utility>

#include "error.h"

namespace traza::model {
namespace {

using nlohmann::json;

// Reads one catalogue file; every accessor names file and JSON path on failure.
class EntryReader {
public:
    EntryReader(std::string file, const json& entry, std::size_t index, const char* array = "entries")
        : m_file(std::move(file)), m_entry(entry), m_path(std::string(array) + "[" + std::to_string(index) + "]") {}
    /// An entry that is not in a file: messages name `path` alone.
    EntryReader(const json& entry, std::string path) : m_entry(entry), m_path(std::move(path)) {}

    std::string text(const char* key, bool required = true) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end()) {
            if (required) fail(key, "missing");
            return {};
        }
        if (!it->is_string()) fail(key, "must be a string");
        return it->get<std::string>();
    }
    LocalText local(const char* key, bool required = true) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end()) {
            if (required) fail(key, "missing");
            return {};
        }
        // A plain string is the one language the user wrote in: both languages show it.
        if (it->is_string()) return {it->get<std::string>(), {}};
        if (!it->is_object() || !it->contains("en") || !(*it)["en"].is_string())
            fail(key, "must be a string or {\"en\": ..., \"es\": ...}");
        LocalText t{(*it)["en"].get<std::string>(), {}};
        if (it->contains("es") && (*it)["es"].is_string()) t.es = (*it)["es"].get<std::string>();
        return t;
    }
    double number(const char* key, double fallback) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end() || it->is_null()) return fallback;
        if (!it->is_number()) fail(key, "must be a number");
        return it->get<double>();
    }
    /// A whole number that fits an int (a project file's copy may hold any number here).
    int integer(const char* key, int fallback) const {
        const double v = number(key, fallback);
        if (v != std::floor(v) || v < INT_MIN || v > INT_MAX) fail(key, "must be a whole number");
        return static_cast<int>(v);
    }
    bool boolean(const char* key) const {
        auto it = m_entry.find(key);
        if (it == m_entry.end()) return false;
        if (!it->is_boolean()) fail(key, "must be true or false");
        return it->get<bool>();
    }
    std::string rawJson(const char* key) const {
        auto it = m_entry.find(key);
        return it == m_entry.end() ? std::string("{}") : it->dump();
    }
    CatalogueEntry base() const {
        CatalogueEntry e{text("id"), local("name"), local("description", false), boolean("retired")};
        if (e.id.empty()) fail("id", "must not be empty");
        return e;
    }

    [[noreturn]] void fail(const char* key, const std::string& reason) const {
        throw InvalidInput((m_file.empty() ? "" : m_file + ": ") + m_path + "." + key, reason);
    }

private:
    // A copy: callers pass string literals ("checklist_template.json"), and a
    // reference to that temporary dangled by the time an error named the file
    // (a heap-use-after-free the project_open fuzzer found).
    std::string m_file;
    const json& m_entry;
    std::string m_path;
};

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
void fill(ChecklistItemTemplate& t, const EntryReader& r) {
    t.step = r.integer("step", 0);
    t.onTheGround = r.boolean("on_the_ground");
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
    c.checklistItems = readEntries<ChecklistItemTemplate>(texts, "checklist_template");
    c.riskFactors = readEntries<RiskFactor>(texts, "risk_factors");
    c.redFlagRules = readEntries<RedFlagRule>(texts, "red_flag_rules");
    // The checklist steps sit beside the items in the template file.
    json tmpl = parseFile("checklist_template", texts.at("checklist_template"));
    if (tmpl.contains("steps") && tmpl["steps"].is_array()) {
        std::size_t i = 0;
        for (const json& s : tmpl["steps"]) {
            EntryReader r("checklist_template.json", s, i++, "steps");
            ChecklistStep step;
            step.step = r.integer("step", 0);
            step.name = r.local("name");
            step.description = r.local("description", false);
            step.scope = r.text("scope");
            c.checklistSteps.push_back(std::move(step));
        }
    }
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
    else if (stem == "checklist_template") readEntry<ChecklistItemTemplate>(r);
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
const RedFlagRule* Catalogue::redFlagRule(const std::string& id) const { return findById(redFlagRules, id); }
const ActorKindInfo* Catalogue::actorKind(const std::string& id) const { return findById(actorKinds, id); }
const DocumentType* Catalogue::documentType(const std::string& id) const { return findById(documentTypes, id); }

}  // namespace traza::model
