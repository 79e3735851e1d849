#include "command_stack.h"

#include <algorithm>

namespace traza::model {

void CompositeCommand::apply(Project& p) {
    std::size_t done = 0;
    try {
        for (; done < m_parts.size(); ++done) m_parts[done]->apply(p);
    } catch (...) {
        // All or nothing: undo the parts that went through before rethrowing.
        while (done > 0) m_parts[--done]->revert(p);
        throw;
    }
}

void CompositeCommand::revert(Project& p) {
    for (auto it = m_parts.rbegin(); it != m_parts.rend(); ++it) (*it)->revert(p);
}

void CommandStack::execute(Project& p, std::unique_ptr<Command> c) {
    c->apply(p);
    m_done.resize(m_next);
    if (m_saved > static_cast<long>(m_next)) m_saved = -1;  // the saved state can no longer be reached
    m_lastChangesFigures = c->changesFigures();
    m_done.push_back(std::move(c));
    ++m_next;
    changed();
}

void CommandStack::undo(Project& p) {
    if (!canUndo()) return;
    m_done[--m_next]->revert(p);
    m_lastChangesFigures = m_done[m_next]->changesFigures();
    changed();
}

void CommandStack::redo(Project& p) {
    if (!canRedo()) return;
    m_done[m_next++]->apply(p);
    m_lastChangesFigures = m_done[m_next - 1]->changesFigures();
    changed();
}

std::string CommandStack::undoLabel() const { return canUndo() ? m_done[m_next - 1]->label() : std::string(); }
std::string CommandStack::redoLabel() const { return canRedo() ? m_done[m_next]->label() : std::string(); }

void CommandStack::dropRedo() {
    if (m_saved > static_cast<long>(m_next)) m_saved = -1;
    m_done.resize(m_next);
}

bool CommandStack::keepUnlessTouched(const std::vector<CommandSubject>& changed, bool other) {
    bool keep = !other;
    for (std::size_t i = 0; keep && i < m_done.size(); ++i) {
        const std::vector<CommandSubject> subjects = m_done[i]->subjects();
        keep = !subjects.empty();
        for (const CommandSubject& s : subjects)
            keep = keep && std::find(changed.begin(), changed.end(), s) == changed.end();
    }
    if (keep) return true;
    m_done.clear();
    m_next = 0;
    m_saved = 0;
    return false;
}

void CommandStack::clear() {
    m_done.clear();
    m_next = 0;
    m_saved = 0;
    m_lastChangesFigures = true;
    changed();
}

}  // namespace traza::model
