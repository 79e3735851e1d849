#include "questionnaire_layout.h"

#include <cstdio>

#include "word_match.h"

namespace traza::model::questionnaire {
namespace {

struct StatusWords {
    ItemStatus status;
    const char* en;
    const char* es;
    std::vector<const char*> synonyms;
};

// en/es are the words reports/labels.cpp shows for a status (a test keeps them equal).
const std::vector<StatusWords>& statusWords() {
    static const std::vector<StatusWords> words{
        {ItemStatus::NotStarted, "Not started", "Sin iniciar", {"not_started", "no iniciado", "pendiente", "todo"}},
        {ItemStatus::InProgress, "In progress", "En curso", {"in_progress", "en progreso", "en proceso", "started"}},
        {ItemStatus::Done, "Done", "Cumplido", {"hecho", "completado", "terminado", "complete", "completed"}},
        {ItemStatus::NotApplicable, "Not applicable", "No aplica", {"not_applicable", "n/a", "na", "no aplicable"}},
    };
    return words;
}

// FNV-1a, 64 bits, over fields ended by 0xFF (no UTF-8 byte): enough to tell
// projects apart and notice an edit, not a security measure (the answers are
// checked cell by cell anyway).
class Hash {
public:
    void add(std::string_view s) {
        for (unsigned char c : s) m_h = (m_h ^ c) * 1099511628211ULL;
        m_h = (m_h ^ 0xFFu) * 1099511628211ULL;
    }
    std::string hex() const {
        char out[17];
        std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(m_h));
        return out;
    }

private:
    std::uint64_t m_h = 1469598103934665603ULL;
};

}  // namespace

std::string projectKey(const Project& p) {
    Hash h;
    const Assessment& a = p.assessment;
    for (const std::string* s : {&a.title, &a.organisation, &a.country, &a.period.start, &a.period.end}) h.add(*s);
    return h.hex();
}

const std::vector<std::string_view>& identityKeys() {
    static const std::vector<std::string_view> keys{"format", "version", "project", "title", "supplier",
                                                    "generated", "lang", "items", "flows", "check"};
    return keys;
}

std::string identityCheck(const Identity& id, const std::vector<std::string>& itemIds, const std::vector<std::string>& flowIds) {
    Hash h;
    for (const std::string* s : {&id.format, &id.project, &id.title, &id.supplier, &id.generated, &id.lang}) h.add(*s);
    h.add(std::to_string(id.version));
    h.add(std::to_string(id.items));
    h.add(std::to_string(id.flows));
    for (const std::string& s : itemIds) h.add(s);
    h.add("--");
    for (const std::string& s : flowIds) h.add(s);
    return h.hex();
}

std::string sheetName(std::string_view kind, std::string_view lang) {
    const bool es = lang == "es";
    if (kind == "instructions") return es ? "Instrucciones" : "Instructions";
    if (kind == "checklist") return es ? "Lista de verificación" : "Checklist";
    return es ? "Flujos" : "Flows";
}

std::vector<ChecklistItem> supplierItems(const Project& p, const std::string& supplier) {
    // The template the supplier's checklist follows (the default one for a supplier without a checklist).
    const ChecklistTemplate* tpl = p.checklistTemplateOf(supplier);
    const auto supplierStep = [&](int step) {
        for (const ChecklistStep& s : tpl ? tpl->steps : std::vector<ChecklistStep>{})
            if (s.step == step) return s.scope == "supplier";
        return true;  // a step the template does not describe: ask rather than hide
    };
    std::vector<ChecklistItem> out;
    if (const Checklist* list = p.findChecklist(supplier)) {
        for (const ChecklistItem& item : list->items) {
            const ChecklistItemTemplate* t = tpl ? tpl->item(item.id) : nullptr;
            if (!t || supplierStep(t->step)) out.push_back(item);
        }
        return out;
    }
    if (!tpl) return out;
    for (const ChecklistItemTemplate& t : tpl->items)
        if (!t.retired && supplierStep(t.step)) {
            ChecklistItem item;
            item.id = t.id;
            out.push_back(std::move(item));
        }
    return out;
}

std::vector<const Flow*> supplierFlows(const Project& p, const std::string& supplier) {
    std::vector<const Flow*> out;
    for (const Flow& f : p.flows)
        if (f.from == supplier || f.to == supplier) out.push_back(&f);
    return out;
}

std::optional<ItemStatus> statusFromWord(std::string_view word) {
    const std::string w = normaliseWord(word);
    if (w.empty()) return std::nullopt;
    for (const StatusWords& s : statusWords()) {
        if (w == normaliseWord(s.en) || w == normaliseWord(s.es)) return s.status;
        for (const char* syn : s.synonyms)
            if (w == normaliseWord(syn)) return s.status;
    }
    return std::nullopt;
}

std::string statusWord(ItemStatus status, std::string_view lang) {
    for (const StatusWords& s : statusWords())
        if (s.status == status) return lang == "es" ? s.es : s.en;
    return {};
}

}  // namespace traza::model::questionnaire
