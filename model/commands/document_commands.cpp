#include "document_commands.h"

#include <algorithm>

#include "error.h"
#include "own_entries.h"
#include "validation.h"

namespace traza::model {
namespace {

// Validates a project that differs from `p` only in `edit`, without touching `p`
// beyond the edited member (which is restored on failure).
template <typename Member>
void applyValidated(Project& p, Member& member, Member value, const char* prefix) {
    Member previous = std::move(member);
    member = std::move(value);
    std::vector<ValidationIssue> issues;
    for (ValidationIssue& i : validateProject(p))
        if (i.path.rfind(prefix, 0) == 0) issues.push_back(std::move(i));
    if (!issues.empty()) {
        member = std::move(previous);
        throwIfInvalid(issues);
    }
}

}  // namespace

void SetAssessment::apply(Project& p) {
    m_old = p.assessment;
    applyValidated(p, p.assessment, m_new, "assessment");
}

void SetChecklistItem::apply(Project& p) {
    if (!m_item.due.empty() && !isCalendarDate(m_item.due))
        throw InvalidInput("due", "must be a date YYYY-MM-DD that exists (got \"" + m_item.due + "\")");
    const ChecklistTemplate* tmpl = p.checklistTemplateOf(m_scope);
    if (tmpl && !tmpl->item(m_item.id))
        throw InvalidInput("id", "not an item of the checklist template \"" + tmpl->id + "\" (\"" + m_item.id + "\")");
    if (m_scope != Checklist::kAssessmentScope && !p.findActor(m_scope))
        throw InvalidInput("scope", "must be \"assessment\" or an actor id (got \"" + m_scope + "\")");
    Checklist* list = p.findChecklist(m_scope);
    m_createdList = list == nullptr;
    if (!list) {
        p.checklists.push_back({m_scope, {}, {}});
        list = &p.checklists.back();
    }
    auto it = std::find_if(list->items.begin(), list->items.end(), [&](const ChecklistItem& i) { return i.id == m_item.id; });
    m_hadItem = it != list->items.end();
    if (m_hadItem) {
        m_oldItem = *it;
        *it = m_item;
    } else {
        list->items.push_back(m_item);
    }
}

void SetChecklistItem::revert(Project& p) {
    if (m_createdList) {
        p.checklists.erase(std::remove_if(p.checklists.begin(), p.checklists.end(),
                                          [&](const Checklist& c) { return c.scope == m_scope; }),
                           p.checklists.end());
        return;
    }
    Checklist* list = p.findChecklist(m_scope);
    auto it = std::find_if(list->items.begin(), list->items.end(), [&](const ChecklistItem& i) { return i.id == m_item.id; });
    if (m_hadItem) *it = m_oldItem;
    else list->items.erase(it);
}

void SetChecklistTemplate::apply(Project& p) {
    if (!p.catalogue.checklistTemplates.empty() && !p.catalogue.checklistTemplate(m_templateId))
        throw InvalidInput("template", "unknown checklist template \"" + m_templateId + "\"" +
                                           unknownIdHint(p.catalogue, "checklist_templates", m_templateId));
    if (m_scope != Checklist::kAssessmentScope && !p.findActor(m_scope))
        throw InvalidInput("scope", "must be \"assessment\" or an actor id (got \"" + m_scope + "\")");
    Checklist* list = p.findChecklist(m_scope);
    m_createdList = list == nullptr;
    if (list) m_old = *list;
    else {
        p.checklists.push_back({m_scope, {}, {}});
        list = &p.checklists.back();
    }
    // The default is stored as "" so that the file says what older files say.
    list->templateId = m_templateId == kDefaultChecklistTemplate ? std::string() : m_templateId;
    if (const ChecklistTemplate* tmpl = p.catalogue.checklistTemplate(m_templateId))
        list->items.erase(std::remove_if(list->items.begin(), list->items.end(),
                                         [&](const ChecklistItem& i) { return !tmpl->item(i.id); }),
                          list->items.end());
}

void SetChecklistTemplate::revert(Project& p) {
    if (m_createdList) {
        p.checklists.erase(std::remove_if(p.checklists.begin(), p.checklists.end(),
                                          [&](const Checklist& c) { return c.scope == m_scope; }),
                           p.checklists.end());
        return;
    }
    *p.findChecklist(m_scope) = m_old;
}

void SetGoals::apply(Project& p) {
    m_old = p.goals;
    applyValidated(p, p.goals, m_new, "goals");
}

void SetSupports::apply(Project& p) {
    m_old = p.supports;
    applyValidated(p, p.supports, m_new, "supports");
}

}  // namespace traza::model
