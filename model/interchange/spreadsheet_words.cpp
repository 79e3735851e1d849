#include "spreadsheet_words.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "error.h"
#include "json_parse.h"
#include "word_match.h"

namespace traza::model {
namespace {

using nlohmann::json;

std::string stringAt(const json& v, const std::string& name, const std::string& path) {
    if (!v.is_string()) throw InvalidInput(name + ": " + path, "must be a string");
    return v.get<std::string>();
}

std::vector<std::string> stringsAt(const json& v, const std::string& name, const std::string& path) {
    if (!v.is_array()) throw InvalidInput(name + ": " + path, "must be an array of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(stringAt(v[i], name, path + "[" + std::to_string(i) + "]"));
    return out;
}

const char* vocabularyKey(Vocabulary v) {
    switch (v) {
        case Vocabulary::ActorKind: return "kind";
        case Vocabulary::Formality: return "formality";
        case Vocabulary::Evidence: return "evidence";
        case Vocabulary::Payment: return "payment";
        case Vocabulary::None: return "boolean";
        default: return "";
    }
}

// The catalogue entries behind a vocabulary (ids and their en/es names).
std::vector<const CatalogueEntry*> catalogueEntries(Vocabulary v, const Catalogue& c) {
    std::vector<const CatalogueEntry*> out;
    auto add = [&out](const auto& list) {
        for (const auto& e : list) out.push_back(&e);
    };
    switch (v) {
        case Vocabulary::ActorKind: add(c.actorKinds); break;
        case Vocabulary::Evidence: add(c.evidenceLevels); break;
        case Vocabulary::RiskFactors: add(c.riskFactors); break;
        case Vocabulary::DocumentTypes: add(c.documentTypes); break;
        case Vocabulary::Typology: add(c.typologies); break;
        default: break;
    }
    return out;
}

}  // namespace

SpreadsheetWords SpreadsheetWords::fromJson(std::string_view text, const std::string& name) {
    json doc;
    try {
        doc = parseJsonDocument(text);
    } catch (const InvalidInput& e) {
        throw InvalidInput(name + (e.where().empty() ? "" : ": " + e.where()), e.reason());
    }
    SpreadsheetWords w;
    auto labels = [&](const json& v, const std::string& path, bool optionalLabels = false) {
        if (!v.is_object()) throw InvalidInput(name + ": " + path, "must be an object");
        Labels l;
        if (v.contains("en") || !optionalLabels) l.en = stringAt(v.value("en", json()), name, path + ".en");
        if (v.contains("es") || !optionalLabels) l.es = stringAt(v.value("es", json()), name, path + ".es");
        if (v.contains("synonyms")) l.synonyms = stringsAt(v["synonyms"], name, path + ".synonyms");
        return l;
    };
    for (const auto& [kind, v] : doc.at("sheets").items()) w.m_sheets[kind] = labels(v, "sheets." + kind);
    // "records" (issue #19) is optional, so a words file of an older Traza still reads.
    const char* tables[3] = {"actors", "flows", "records"};
    for (int t = 0; t < 3; ++t) {
        if (t == 2 && !doc.at("columns").contains(tables[t])) continue;
        const json& columns = doc.at("columns").at(tables[t]);
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const std::string path = std::string("columns.") + tables[t] + "[" + std::to_string(i) + "]";
            w.m_columns[t].emplace_back(stringAt(columns[i].value("field", json()), name, path + ".field"), labels(columns[i], path));
        }
    }
    for (const auto& [vocabulary, ids] : doc.at("values").items())
        for (const auto& [id, v] : ids.items()) w.m_values[vocabulary][id] = labels(v, "values." + vocabulary + "." + id, true);
    return w;
}

const SpreadsheetWords& SpreadsheetWords::installed() {
    static const SpreadsheetWords words = [] {
        const auto path = dataDirectory() / "interchange" / "spreadsheet_words.json";
        std::ifstream in(path, std::ios::binary);
        if (!in) throw IoError(path.string() + ": cannot read (is Traza installed completely?)");
        std::ostringstream text;
        text << in.rdbuf();
        return fromJson(text.str(), path.string());
    }();
    return words;
}

std::optional<std::string> SpreadsheetWords::columnField(SheetKind kind, std::string_view header) const {
    const std::string h = normaliseWord(header);
    if (h.empty()) return std::nullopt;
    for (const auto& [field, l] : m_columns[static_cast<int>(kind)]) {
        if (h == normaliseWord(field) || h == normaliseWord(l.en) || h == normaliseWord(l.es)) return field;
        for (const std::string& s : l.synonyms)
            if (h == normaliseWord(s)) return field;
    }
    return std::nullopt;
}

std::vector<std::string> SpreadsheetWords::closestColumns(SheetKind kind, std::string_view header) const {
    std::vector<std::string> known;
    for (const auto& [field, l] : m_columns[static_cast<int>(kind)]) {
        known.push_back(l.en);
        known.push_back(l.es);
        known.push_back(field);
        for (const std::string& s : l.synonyms) known.push_back(s);
    }
    return closestWords(header, known);
}

std::string SpreadsheetWords::columnLabel(SheetKind kind, std::string_view field, std::string_view lang) const {
    for (const auto& [f, l] : m_columns[static_cast<int>(kind)])
        if (f == field) return lang == "es" ? l.es : l.en;
    return std::string(field);
}

bool SpreadsheetWords::isSheet(SheetKind kind, std::string_view sheetName) const {
    auto it = m_sheets.find(kind == SheetKind::Actors ? "actors" : kind == SheetKind::Flows ? "flows" : "records");
    if (it == m_sheets.end()) return false;
    const std::string n = normaliseWord(sheetName);
    if (n == normaliseWord(it->first) || n == normaliseWord(it->second.en) || n == normaliseWord(it->second.es)) return true;
    for (const std::string& s : it->second.synonyms)
        if (n == normaliseWord(s)) return true;
    return false;
}

std::string SpreadsheetWords::sheetLabel(std::string_view kind, std::string_view lang) const {
    auto it = m_sheets.find(std::string(kind));
    if (it == m_sheets.end()) return std::string(kind);
    return lang == "es" ? it->second.es : it->second.en;
}

void SpreadsheetWords::forEachValueWord(Vocabulary vocabulary, const Catalogue& catalogue,
                                        const std::function<bool(std::string_view, const std::string&)>& visit) const {
    // The file spelling itself and the catalogue's names first, then the synonyms.
    for (const CatalogueEntry* e : catalogueEntries(vocabulary, catalogue))
        if (visit(e->id, e->id) || visit(e->name.en, e->id) || visit(e->name.es, e->id)) return;
    auto it = m_values.find(vocabularyKey(vocabulary));
    if (it == m_values.end()) return;
    for (const auto& [id, l] : it->second) {
        if (visit(id, id) || (!l.en.empty() && visit(l.en, id)) || (!l.es.empty() && visit(l.es, id))) return;
        for (const std::string& w : l.synonyms)
            if (visit(w, id)) return;
    }
}

void SpreadsheetWords::forEachBooleanWord(const std::function<bool(std::string_view, bool)>& visit) const {
    auto it = m_values.find("boolean");
    if (it == m_values.end()) return;
    for (const auto& [id, l] : it->second) {
        if (visit(l.en, id == "true") || visit(l.es, id == "true")) return;
        for (const std::string& w : l.synonyms)
            if (visit(w, id == "true")) return;
    }
}

std::optional<std::string> SpreadsheetWords::value(Vocabulary vocabulary, std::string_view text, const Catalogue& catalogue) const {
    const std::string t = normaliseWord(text);
    if (t.empty()) return std::nullopt;
    std::optional<std::string> found;
    forEachValueWord(vocabulary, catalogue, [&](std::string_view word, const std::string& id) {
        if (t == normaliseWord(word)) found = id;
        return found.has_value();
    });
    return found;
}

std::optional<bool> SpreadsheetWords::boolean(std::string_view text) const {
    const std::string t = normaliseWord(text);
    std::optional<bool> found;
    forEachBooleanWord([&](std::string_view word, bool v) {
        if (t == normaliseWord(word)) found = v;
        return found.has_value();
    });
    return found;
}

std::string SpreadsheetWords::valueLabel(Vocabulary vocabulary, std::string_view id, std::string_view lang, const Catalogue& catalogue) const {
    for (const CatalogueEntry* e : catalogueEntries(vocabulary, catalogue))
        if (e->id == id) return e->name.in(std::string(lang));
    // Formality, payment and yes/no have no catalogue: their labels are in the words file.
    if (auto it = m_values.find(vocabularyKey(vocabulary)); it != m_values.end())
        if (auto l = it->second.find(std::string(id)); l != it->second.end() && !l->second.en.empty())
            return lang == "es" ? l->second.es : l->second.en;
    return std::string(id);
}

}  // namespace traza::model
