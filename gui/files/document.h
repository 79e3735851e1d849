#pragma once
// The open project of one window: the Project value, its undo history, the
// file it belongs to and a change signal. No wx: the frame shows it, the tests
// drive it directly. Every edit goes through execute() so it can be undone.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "command_stack.h"
#include "project.h"
#include "observers.h"

namespace traza::gui {

enum class DocumentChange {
    Edited,    ///< a command was executed, undone or redone
    Replaced,  ///< a different project was loaded (new, open, import)
    Saved,     ///< written to disk; only the title's modified mark changes
};

class Document {
public:
    Document();

    const model::Project& project() const { return m_project; }

    /// Apply an edit as one undo step. Rethrows what the command throws
    /// (traza::InvalidInput for a refused edit); the project is unchanged then.
    void execute(std::unique_ptr<model::Command>);
    void undo();
    void redo();
    bool canUndo() const { return m_history.canUndo(); }
    bool canRedo() const { return m_history.canRedo(); }
    /// "Add flow" etc. (untranslated model labels); empty when nothing to undo/redo.
    std::string undoLabel() const { return m_history.undoLabel(); }
    std::string redoLabel() const { return m_history.redoLabel(); }
    /// The actor or flow undo / redo would change, if the step is about one.
    std::optional<model::CommandSubject> undoSubject() const { return m_history.undoSubject(); }
    std::optional<model::CommandSubject> redoSubject() const { return m_history.redoSubject(); }

    bool isModified() const { return m_history.isModified() || m_unsavedContent; }
    /// The .traza file; empty while untitled (new, imported, recovered untitled).
    const std::filesystem::path& path() const { return m_path; }
    /// What the title bar shows: the file name, or the import's name; empty for
    /// an unnamed new project (the frame shows a translated "Untitled").
    std::string displayName() const;
    /// The file name a first save suggests ("care-pilot-2025.traza").
    std::string suggestedFileName() const;

    /// Load another project. `path` is its .traza file or empty; `name` names an
    /// untitled document; `modified` marks content not yet saved anywhere (an
    /// import, a recovered autosave). Clears the undo history. `analysed`: an
    /// analysis of this very content is already under way (replacementAnalysed()).
    void replace(model::Project, std::filesystem::path path, std::string name, bool modified, bool analysed = false);
    /// While the Replaced change is announced: whether replace() was told that
    /// the new content is already being analysed. False at any other time.
    bool replacementAnalysed() const { return m_replacementAnalysed; }

    /// Take the current state as the one on disk (the layout made on opening a
    /// chain JSON belongs to what was opened); the undo history stays.
    void markUnmodified();

    /// Save to `path` (ProjectStore::save: atomic); afterwards the document
    /// belongs to that file and is unmodified. Throws IoError; nothing changes then.
    void saveAs(const std::filesystem::path&);

    /// Incremented by every change of content (not by saves).
    std::uint64_t revision() const { return m_revision; }

    /// Where every executed, undone or redone step goes once applied (a project
    /// on a server: one transaction per step). When it throws, the step is taken
    /// back here and the exception passes on: the project is as before.
    using StepSink = std::function<void(const model::Project& before, const model::Project& after, const std::string& label)>;
    void setStepSink(StepSink sink) { m_sink = std::move(sink); }
    bool hasStepSink() const { return static_cast<bool>(m_sink); }
    /// Take a project changed by someone else (the server's copy): the view
    /// stays, the undo history goes (its steps were made against the old state).
    /// `changesFigures` false: only positions differ (a first layout kept local).
    void adoptRemote(model::Project, bool changesFigures = true);
    /// Apply `c` in place, outside the undo history and the step sink: part of
    /// opening (the first layout), not an edit. No copy of the project is made.
    void applyUnrecorded(std::unique_ptr<model::Command> c);
    /// Take other users' changes to the given actors and flows (and, with
    /// `other`, to something else) merged into the project: the view stays,
    /// and the undo history too unless a step is about a changed object
    /// (CommandStack::keepUnlessTouched). Returns whether the history stayed.
    bool adoptRemoteChanges(model::Project, const std::vector<model::CommandSubject>& changed, bool other);
    /// Whether the last edit changed anything the analysis reads (false when it
    /// only moved boxes): the window need not analyse again.
    bool lastEditChangesFigures() const { return m_lastEditChangesFigures; }

    Observers<DocumentChange> changed;

private:
    void listenToHistory();
    void edited(bool changesFigures);
    model::Project m_project;
    model::CommandStack m_history;
    StepSink m_sink;
    std::filesystem::path m_path;
    std::string m_name;
    bool m_unsavedContent = false;
    std::uint64_t m_revision = 0;
    bool m_lastEditChangesFigures = true;
    bool m_replacementAnalysed = false;
};

}  // namespace traza::gui
