#pragma once
// The undo history of one open project, with a "saved here" marker for the
// modified flag in the title bar.
#include <functional>
#include <memory>
#include <vector>

#include "command.h"

namespace traza::model {

class CommandStack {
public:
    /// Apply `c` and record it; discards the redo history. Rethrows (and records
    /// nothing) if apply throws.
    void execute(Project&, std::unique_ptr<Command> c);
    bool canUndo() const { return m_next > 0; }
    bool canRedo() const { return m_next < m_done.size(); }
    void undo(Project&);
    void redo(Project&);
    /// Label of what undo / redo would do; empty when nothing.
    std::string undoLabel() const;
    std::string redoLabel() const;
    /// What undo / redo would change, if it is about one actor or flow.
    std::optional<CommandSubject> undoSubject() const { return canUndo() ? m_done[m_next - 1]->subject() : std::nullopt; }
    std::optional<CommandSubject> redoSubject() const { return canRedo() ? m_done[m_next]->subject() : std::nullopt; }

    void markSaved() { m_saved = static_cast<long>(m_next); }
    bool isModified() const { return m_saved != static_cast<long>(m_next); }
    /// Forget all history (after opening another file).
    void clear();
    /// Forget what redo would do (an undone step that was refused elsewhere).
    void dropRedo();
    /// After others changed the given actors and flows (and, with `other`,
    /// something else): keeps the history when every step is about actors and
    /// flows none of which changed, so undo takes back only this user's step;
    /// otherwise forgets it (an undo would take back their change too).
    /// Returns whether it was kept. Reports no change.
    bool keepUnlessTouched(const std::vector<CommandSubject>& changed, bool other);

    /// Whether the last execute/undo/redo changed anything the analysis reads
    /// (Command::changesFigures); true after clear().
    bool lastChangeChangesFigures() const { return m_lastChangesFigures; }

    /// Called after every execute/undo/redo (the GUI refreshes from here).
    std::function<void()> onChange;

private:
    void changed() {
        if (onChange) onChange();
    }
    std::vector<std::unique_ptr<Command>> m_done;
    std::size_t m_next = 0;  ///< commands [0, m_next) are applied
    long m_saved = 0;        ///< m_next at the last save; -1 when that state is gone
    bool m_lastChangesFigures = true;
};

}  // namespace traza::model
