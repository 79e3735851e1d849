#include "checklist_completion.h"

#include <map>

#include "trimmed.h"

namespace traza::gui {

namespace {

ChecklistCompletion completionOf(const model::Project& p, const model::Checklist* list, const std::string& scope) {
    std::map<int, StepCompletion> byStep;
    ChecklistCompletion out;
    // The checklist's own template (issue #18); none when the catalogue lacks it.
    const model::ChecklistTemplate* tmpl = p.catalogue.checklistTemplate(list ? list->templateId : std::string());
    if (!tmpl) return out;
    const bool supplier = scope != model::Checklist::kAssessmentScope;
    for (const model::ChecklistStep& s : tmpl->steps) {
        byStep[s.step].step = s.step;
        byStep[s.step].applies = s.scope.empty() || (s.scope == "supplier") == supplier;
    }
    for (const model::ChecklistItemTemplate& t : tmpl->items) {
        StepCompletion& c = byStep[t.step];
        c.step = t.step;
        ++c.total;
        model::ItemStatus status = model::ItemStatus::NotStarted;
        if (list)
            for (const model::ChecklistItem& i : list->items)
                if (i.id == t.id) status = i.status;
        if (status == model::ItemStatus::NotApplicable) continue;
        ++c.applicable;
        if (status == model::ItemStatus::Done) ++c.done;
    }
    for (const auto& [step, c] : byStep) {
        out.steps.push_back(c);
        if (!c.applies) continue;
        out.overall.done += c.done;
        out.overall.applicable += c.applicable;
        out.overall.total += c.total;
    }
    return out;
}

}  // namespace

ChecklistCompletion checklistCompletion(const model::Project& p, const std::string& scope) {
    return completionOf(p, p.findChecklist(scope), scope);
}

ChecklistCompletion checklistCompletion(const model::Project& p, const model::Checklist& list) {
    return completionOf(p, &list, list.scope);
}

model::ChecklistItem checklistItemOf(const model::Project& p, const std::string& scope, const std::string& id) {
    if (const model::Checklist* list = p.findChecklist(scope))
        for (const model::ChecklistItem& i : list->items)
            if (i.id == id) return i;
    model::ChecklistItem item;
    item.id = id;
    return item;
}

std::vector<std::string> splitDocuments(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(';', start), text.size());
        std::string part = trimmed(text.substr(start, end - start));
        if (!part.empty()) out.push_back(std::move(part));
        start = end + 1;
    }
    return out;
}

std::string joinDocuments(const std::vector<std::string>& docs) {
    std::string out;
    for (const std::string& d : docs) out += (out.empty() ? "" : "; ") + d;
    return out;
}

}  // namespace traza::gui
