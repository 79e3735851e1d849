#pragma once
// Adds the actors and flows of an import (a user's spreadsheet) to the open
// project as one undo step; undo removes exactly them. An id already used by an
// actor or flow of the project is a conflict: nothing is added. The user's
// column rules of the import join the project's, for its next import.
#include <string>
#include <vector>

#include "column_mapping.h"
#include "command.h"

namespace traza::model {

class ImportChain : public Command {
public:
    /// `rules`: the user's column rules of this import, remembered by the project
    /// for its next import (merged into Project::importRules; undo restores them).
    ImportChain(std::vector<Actor> actors, std::vector<Flow> flows, ColumnMapping rules = {})
        : m_actors(std::move(actors)), m_flows(std::move(flows)), m_rules(std::move(rules)) {}

    /// The imported ids that `p` already uses for an actor or a flow, in import
    /// order (actors first); empty when the import can be added.
    std::vector<std::string> conflicts(const Project& p) const;

    /// Appends the actors, then the flows. Throws InvalidInput ("id", listing
    /// every conflicting id) and changes nothing when conflicts(p) is not empty,
    /// or when a flow names an actor that neither the project nor the import has.
    void apply(Project&) override;
    /// Removes the actors and flows apply() added (they are the last ones) and
    /// restores the project's rules.
    void revert(Project&) override;
    std::string label() const override { return "Import spreadsheet"; }

    const std::vector<Actor>& actors() const { return m_actors; }
    const std::vector<Flow>& flows() const { return m_flows; }

private:
    std::vector<Actor> m_actors;
    std::vector<Flow> m_flows;
    ColumnMapping m_rules;
    ColumnMapping m_oldRules;
};

}  // namespace traza::model
