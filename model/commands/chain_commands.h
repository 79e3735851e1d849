#pragma once
// Commands that edit the chain graph: actors, flows and canvas positions.
// Each validates with the shared rules before changing anything.
#include <string>
#include <vector>

#include "command.h"

namespace traza::model {

class AddActor : public Command {
public:
    explicit AddActor(Actor a) : m_actor(std::move(a)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Add actor"; }
    std::optional<CommandSubject> subject() const override { return CommandSubject{false, m_actor.id}; }

private:
    Actor m_actor;
};

/// Removes an actor together with its flows, its checklist, goals, supports
/// and the findings about it or its flows.
class RemoveActor : public Command {
public:
    explicit RemoveActor(std::string id) : m_id(std::move(id)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Delete actor"; }
    std::optional<CommandSubject> subject() const override { return CommandSubject{false, m_id}; }

private:
    std::string m_id;
    std::size_t m_index = 0;
    Actor m_actor;
    std::vector<std::pair<std::size_t, Flow>> m_flows;
    std::vector<std::pair<std::size_t, Checklist>> m_checklists;
    std::vector<std::pair<std::size_t, Goal>> m_goals;
    std::vector<std::pair<std::size_t, Support>> m_supports;
    std::vector<std::pair<std::size_t, Finding>> m_findings;
};

/// Replaces an actor's data; a changed id is carried into every reference.
class UpdateActor : public Command {
public:
    UpdateActor(std::string id, Actor updated) : m_id(std::move(id)), m_new(std::move(updated)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Edit actor"; }
    std::optional<CommandSubject> subject() const override { return CommandSubject{false, m_new.id}; }

private:
    void write(Project&, const std::string& fromId, const Actor& a);
    std::string m_id;
    Actor m_new;
    Actor m_old;
};

struct ActorPosition {
    std::string id;
    double x = 0;
    double y = 0;
};

/// Moves actors on the canvas (one undo step for a whole drag).
class MoveActors : public Command {
public:
    explicit MoveActors(std::vector<ActorPosition> to) : m_to(std::move(to)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return m_to.size() == 1 ? "Move actor" : "Move actors"; }
    std::optional<CommandSubject> subject() const override {
        if (m_to.size() != 1) return std::nullopt;  // a layout moves everything: nothing to show
        return CommandSubject{false, m_to.front().id};
    }
    bool changesFigures() const override { return false; }

private:
    std::vector<ActorPosition> m_to;
    std::vector<std::pair<bool, ActorPosition>> m_from;  ///< had a position before?, where
};

class AddFlow : public Command {
public:
    explicit AddFlow(Flow f) : m_flow(std::move(f)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Add flow"; }
    std::optional<CommandSubject> subject() const override { return CommandSubject{true, m_flow.id}; }

private:
    Flow m_flow;
};

class RemoveFlow : public Command {
public:
    explicit RemoveFlow(std::string id) : m_id(std::move(id)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Delete flow"; }
    std::optional<CommandSubject> subject() const override { return CommandSubject{true, m_id}; }

private:
    std::string m_id;
    std::size_t m_index = 0;
    Flow m_flow;
    std::vector<std::pair<std::size_t, Finding>> m_findings;
};

class UpdateFlow : public Command {
public:
    UpdateFlow(std::string id, Flow updated) : m_id(std::move(id)), m_new(std::move(updated)) {}
    void apply(Project&) override;
    void revert(Project&) override;
    std::string label() const override { return "Edit flow"; }
    std::optional<CommandSubject> subject() const override { return CommandSubject{true, m_new.id}; }

private:
    std::string m_id;
    Flow m_new;
    Flow m_old;
};

}  // namespace traza::model
