#include "apply_answers.h"

#include "error.h"

namespace traza::model::questionnaire {

void ApplyAnswers::apply(Project& p) {
    const std::string& scope = m_answers.identity.supplier;
    // Check everything first: nothing is half-applied.
    if (!p.findActor(scope)) throw InvalidInput("supplier", "no actor has id \"" + scope + "\"");
    for (const FlowChange& c : m_answers.flows)
        if (!p.findFlow(c.before.id) || !(*p.findFlow(c.before.id) == c.before))
            throw InvalidInput("flows", "flow \"" + c.before.id + "\" changed since the answers were read");
    const Checklist* list = p.findChecklist(scope);
    for (const ItemChange& c : m_answers.items) {
        const ChecklistItem* current = nullptr;
        if (list)
            for (const ChecklistItem& it : list->items)
                if (it.id == c.before.id) current = &it;
        ChecklistItem blank;  // what the questionnaire asked about an item the list does not have yet
        blank.id = c.before.id;
        if (current ? !(*current == c.before) : !(c.before == blank))
            throw InvalidInput("checklist", "item \"" + c.before.id + "\" changed since the answers were read");
    }

    m_oldLists.clear();
    m_createdList = !list && !m_answers.items.empty();
    if (list) m_oldLists.push_back(*list);
    if (m_createdList) p.checklists.push_back({scope, {}});
    for (const ItemChange& c : m_answers.items) {
        Checklist& target = *p.findChecklist(scope);  // exists: found or created above
        bool found = false;
        for (ChecklistItem& it : target.items)
            if (it.id == c.after.id) it = c.after, found = true;
        if (!found) target.items.push_back(c.after);
    }
    for (const FlowChange& c : m_answers.flows) *p.findFlow(c.before.id) = c.after;
}

void ApplyAnswers::revert(Project& p) {
    for (const FlowChange& c : m_answers.flows)
        if (Flow* f = p.findFlow(c.after.id)) *f = c.before;
    const std::string& scope = m_answers.identity.supplier;
    if (m_createdList) {
        std::erase_if(p.checklists, [&](const Checklist& c) { return c.scope == scope; });
    } else if (!m_oldLists.empty()) {
        if (Checklist* list = p.findChecklist(scope)) *list = m_oldLists.front();
    }
}

}  // namespace traza::model::questionnaire
