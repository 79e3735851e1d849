#pragma once
// Commands that edit the due-diligence side: assessment fields, checklist
// items, goals and supports.
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "validation.h"  // isCalendarDate, used by the editors

namespace traza::model {

class SetAssessment : public Command {
public:
    explicit SetAssessment(Assessment a) : m_new(std::move(a)) {}
    void apply(Project&) override;
    void revert(Project& p) override { p.assessment = m_old; }
    std::string label() const override { return "Edit assessment"; }

private:
    Assessment m_new;
    Assessment m_old;
};

/// Sets one item of the checklist of `scope` ("assessment" or an actor id),
/// creating that checklist if the project has none yet. Throws InvalidInput
/// ("due") for a due date that is not empty and not a calendar date.
class SetChecklistItem : public Command {
public:
    SetChecklistItem(std::string scope, ChecklistItem item) : m_scope(std::move(scope)), m_item(std::move(item)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Edit checklist item"; }

private:
    std::string m_scope;
    ChecklistItem m_item;
    bool m_createdList = false;
    bool m_hadItem = false;
    ChecklistItem m_oldItem;
};

/// Makes the checklist of `scope` follow another checklist template (issue
/// #18), creating the checklist if the project has none yet. Items that the
/// new template lacks are dropped (revert brings them back). Throws
/// InvalidInput ("template") for an id the catalogue does not have, with the
/// closest ids, and ("scope") for a scope that is no actor.
class SetChecklistTemplate : public Command {
public:
    SetChecklistTemplate(std::string scope, std::string templateId) : m_scope(std::move(scope)), m_templateId(std::move(templateId)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Change checklist template"; }

private:
    std::string m_scope;
    std::string m_templateId;
    bool m_createdList = false;
    Checklist m_old;
};

/// Replaces the goals table (the goals editor commits one table at a time).
class SetGoals : public Command {
public:
    explicit SetGoals(std::vector<Goal> g) : m_new(std::move(g)) {}
    void apply(Project&) override;
    void revert(Project& p) override { p.goals = m_old; }
    std::string label() const override { return "Edit goals"; }

private:
    std::vector<Goal> m_new, m_old;
};

class SetSupports : public Command {
public:
    explicit SetSupports(std::vector<Support> s) : m_new(std::move(s)) {}
    void apply(Project&) override;
    void revert(Project& p) override { p.supports = m_old; }
    std::string label() const override { return "Edit supports"; }

private:
    std::vector<Support> m_new, m_old;
};

}  // namespace traza::model
