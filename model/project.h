#pragma once
// The whole document: one assessment and its chain, checklists, goals and
// supports, plus the project's own copy of the reference catalogues.
// A plain value: the store loads and saves it, commands edit it, risk/ reads it.
#include <string>
#include <vector>

#include "actor.h"
#include "assessment.h"
#include "catalogue.h"
#include "checklist.h"
#include "findings/finding.h"
#include "interchange/column_mapping.h"
#include "flow.h"
#include "goal.h"

namespace traza::model {

struct Project {
    Assessment assessment;
    std::vector<Actor> actors;
    std::vector<Flow> flows;
    std::vector<Checklist> checklists;
    std::vector<Goal> goals;
    std::vector<Support> supports;
    /// The findings register (OECD steps 3-4), in the order entered.
    std::vector<Finding> findings;
    Catalogue catalogue;
    /// The user's spreadsheet column rules, remembered from the last import.
    ColumnMapping importRules;

    /// A new empty project carrying the installed catalogue.
    static Project createEmpty();

    /// Linear look-ups (edits and small chains); risk/ builds its own indexes.
    Actor* findActor(const std::string& id);
    const Actor* findActor(const std::string& id) const;
    Flow* findFlow(const std::string& id);
    const Flow* findFlow(const std::string& id) const;
    Checklist* findChecklist(const std::string& scope);
    const Checklist* findChecklist(const std::string& scope) const;
    /// The template the checklist of `scope` follows (the default when the
    /// project has no checklist for it yet), or nullptr when the catalogue lacks it.
    const ChecklistTemplate* checklistTemplateOf(const std::string& scope) const;

    /// A fresh id "<prefix><n>" not used by any actor or flow.
    std::string unusedId(const std::string& prefix) const;

    /// Same chain data as `other` (what chain JSON carries; canvas positions and
    /// catalogue texts are not compared).
    bool sameChain(const Project& other) const;
};

}  // namespace traza::model
