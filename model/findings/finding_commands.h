#pragma once
// Undoable edits of the findings register. Each checks the finding with the
// shared rules (finding_validation.h) before changing anything, and throws
// InvalidInput naming the field ("due", "closed_on", ...) when it would not hold.
#include <string>

#include "command.h"

namespace traza::model {

/// Appends a finding. An empty id is given the next free "F<n>".
class AddFinding : public Command {
public:
    explicit AddFinding(Finding f) : m_finding(std::move(f)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Add finding"; }
    /// The id the finding was given (after apply).
    const std::string& id() const { return m_finding.id; }

private:
    Finding m_finding;
};

/// Replaces finding `id` (closing one is an update with status closed, its
/// date and evidence). The id may change if the new one is free.
class UpdateFinding : public Command {
public:
    UpdateFinding(std::string id, Finding updated, std::string label = "Edit finding")
        : m_id(std::move(id)), m_new(std::move(updated)), m_label(std::move(label)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return m_label; }

private:
    std::string m_id;
    Finding m_new;
    Finding m_old;
    std::size_t m_index = 0;
    std::string m_label;
};

class RemoveFinding : public Command {
public:
    explicit RemoveFinding(std::string id) : m_id(std::move(id)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Delete finding"; }

private:
    std::string m_id;
    std::size_t m_index = 0;
    Finding m_finding;
};

}  // namespace traza::model
