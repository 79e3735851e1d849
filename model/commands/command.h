#pragma once
// An edit of a project as a value with do and undo (KiCad's commit, Audacity's
// undo manager). The GUI's undo/redo and the CLI's batch edits share these.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "project.h"

namespace traza::model {

/// The actor or flow an edit is about (a front end selects it after undo and redo).
struct CommandSubject {
    bool flow = false;  ///< false: an actor
    std::string id;
    bool operator==(const CommandSubject&) const = default;
};

class Command {
public:
    virtual ~Command() = default;
    /// Apply the edit. Throws InvalidInput, leaving the project unchanged, if the
    /// edit would make it invalid.
    virtual void apply(Project&) = 0;
    /// Undo a previous successful apply(); never throws.
    virtual void revert(Project&) = 0;
    /// What the user sees after "Undo " / "Redo ", e.g. "Add flow".
    virtual std::string label() const = 0;
    /// The actor or flow the edit changes, if it is about one (its id as after apply()).
    virtual std::optional<CommandSubject> subject() const { return std::nullopt; }
    /// Every actor and flow the edit changes; empty when it may change anything else.
    virtual std::vector<CommandSubject> subjects() const {
        if (auto s = subject()) return {*s};
        return {};
    }
    /// False for an edit of where things are drawn and nothing else: the
    /// analysis reads no positions, so a front end need not run it again.
    virtual bool changesFigures() const { return true; }
};

/// Several commands applied and reverted as one (e.g. delete a selection).
class CompositeCommand : public Command {
public:
    explicit CompositeCommand(std::string label) : m_label(std::move(label)) {}
    void add(std::unique_ptr<Command> c) { m_parts.push_back(std::move(c)); }
    bool empty() const { return m_parts.empty(); }
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return m_label; }
    /// The first part's subject that has one.
    std::optional<CommandSubject> subject() const override {
        for (const auto& p : m_parts)
            if (auto s = p->subject()) return s;
        return std::nullopt;
    }
    /// Every part's; empty when a part is about no single actor or flow.
    std::vector<CommandSubject> subjects() const override {
        std::vector<CommandSubject> all;
        for (const auto& p : m_parts) {
            std::vector<CommandSubject> s = p->subjects();
            if (s.empty()) return {};
            all.insert(all.end(), s.begin(), s.end());
        }
        return all;
    }
    bool changesFigures() const override {
        for (const auto& p : m_parts)
            if (p->changesFigures()) return true;
        return false;
    }

private:
    std::string m_label;
    std::vector<std::unique_ptr<Command>> m_parts;
};

}  // namespace traza::model
