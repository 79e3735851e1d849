#include "supplier_checklists.h"

#include <set>

namespace traza::risk {

SupplierChecklists::SupplierChecklists(const model::Project& project) {
    // The supplier-scope items of every template (issue #18): each checklist
    // counts the items of the template it follows.
    for (const model::ChecklistTemplate& tmpl : project.catalogue.checklistTemplates) {
        std::set<int> supplierSteps;
        for (const model::ChecklistStep& s : tmpl.steps)
            if (s.scope == "supplier") supplierSteps.insert(s.step);
        if (tmpl.steps.empty()) supplierSteps = {2, 3, 4};  // a catalogue copy without steps: the OECD six
        std::vector<const model::ChecklistItemTemplate*>& items = m_supplierItems[tmpl.id];
        for (const model::ChecklistItemTemplate& t : tmpl.items)
            if (supplierSteps.count(t.step)) items.push_back(&t);
    }
    m_scopeFilter.assign((std::size_t{1} << 16) / 64, 0);
    for (const model::Checklist& c : project.checklists)
        if (!c.isAssessment()) {
            m_byScope.emplace(c.scope, &c);
            const std::size_t bit = filterBit(c.scope);
            m_scopeFilter[bit / 64] |= std::uint64_t{1} << (bit % 64);
        }
}

std::size_t SupplierChecklists::filterBit(const std::string& id) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    return static_cast<std::size_t>((h ^ (h >> 32)) & 0xffff);
}

const model::Checklist* SupplierChecklists::find(const std::string& actorId) const {
    const std::size_t bit = filterBit(actorId);
    if (!((m_scopeFilter[bit / 64] >> (bit % 64)) & 1)) return nullptr;
    auto it = m_byScope.find(actorId);
    return it == m_byScope.end() ? nullptr : it->second;
}

model::ItemStatus SupplierChecklists::status(const model::Checklist* list, const std::string& itemId) const {
    if (list)
        for (const model::ChecklistItem& item : list->items)
            if (item.id == itemId) return item.status;
    return model::ItemStatus::NotStarted;
}

const std::vector<const model::ChecklistItemTemplate*>& SupplierChecklists::itemsOf(const model::Checklist* list) const {
    static const std::vector<const model::ChecklistItemTemplate*> none;
    auto it = m_supplierItems.find(list && !list->templateId.empty() ? list->templateId : model::kDefaultChecklistTemplate);
    if (it == m_supplierItems.end()) it = m_supplierItems.find(model::kDefaultChecklistTemplate);
    return it == m_supplierItems.end() ? none : it->second;
}

ChecklistProgress SupplierChecklists::progress(const std::string& actorId) const {
    ChecklistProgress out;
    const model::Checklist* list = find(actorId);
    if (!list) return out;
    out.hasChecklist = true;
    for (const model::ChecklistItemTemplate* t : itemsOf(list)) {
        const model::ItemStatus s = status(list, t->id);
        if (s == model::ItemStatus::NotApplicable) continue;
        ++out.applicable;
        out.score += s == model::ItemStatus::Done ? 1.0 : s == model::ItemStatus::InProgress ? 0.5 : 0.0;
    }
    out.progress = out.applicable > 0 ? out.score / out.applicable : 0.0;
    return out;
}

bool SupplierChecklists::onTheGroundDone(const std::string& actorId, model::ItemStatus required) const {
    const model::Checklist* list = find(actorId);
    for (const model::ChecklistItemTemplate* t : itemsOf(list)) {
        if (!t->onTheGround) continue;
        const model::ItemStatus s = status(list, t->id);
        if (s != required && s != model::ItemStatus::NotApplicable) return false;
    }
    return true;
}

std::vector<std::pair<const model::ChecklistItemTemplate*, model::ItemStatus>> SupplierChecklists::openOnTheGround(
    const std::string& actorId, model::ItemStatus required) const {
    const model::Checklist* list = find(actorId);
    std::vector<std::pair<const model::ChecklistItemTemplate*, model::ItemStatus>> out;
    for (const model::ChecklistItemTemplate* t : itemsOf(list)) {
        if (!t->onTheGround) continue;
        const model::ItemStatus s = status(list, t->id);
        if (s != required && s != model::ItemStatus::NotApplicable) out.emplace_back(t, s);
    }
    return out;
}

}  // namespace traza::risk
