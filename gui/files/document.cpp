#include "document.h"

#include "project_store.h"

namespace traza::gui {

Document::Document() : m_project(model::Project::createEmpty()) { listenToHistory(); }

void Document::listenToHistory() {
    m_history.onChange = [this] { edited(m_history.lastChangeChangesFigures()); };
}

void Document::edited(bool changesFigures) {
    ++m_revision;
    m_lastEditChangesFigures = changesFigures;
    changed.emit(DocumentChange::Edited);
}

void Document::execute(std::unique_ptr<model::Command> c) {
    if (!m_sink) return m_history.execute(m_project, std::move(c));
    const model::Project before = m_project;
    m_history.execute(m_project, std::move(c));
    try {
        m_sink(before, m_project, m_history.undoLabel());
    } catch (...) {
        m_history.undo(m_project);
        m_history.dropRedo();  // the refused step is gone, not waiting to be redone
        throw;
    }
}

void Document::undo() {
    if (!m_sink) return m_history.undo(m_project);
    const model::Project before = m_project;
    const std::string label = "Undo " + m_history.undoLabel();
    m_history.undo(m_project);
    try {
        m_sink(before, m_project, label);
    } catch (...) {
        m_history.redo(m_project);
        throw;
    }
}

void Document::redo() {
    if (!m_sink) return m_history.redo(m_project);
    const model::Project before = m_project;
    const std::string label = m_history.redoLabel();
    m_history.redo(m_project);
    try {
        m_sink(before, m_project, label);
    } catch (...) {
        m_history.undo(m_project);
        throw;
    }
}

void Document::adoptRemote(model::Project p, bool changesFigures) {
    m_project = std::move(p);
    m_history.onChange = nullptr;  // clear() would report an edit
    m_history.clear();
    listenToHistory();
    edited(changesFigures);
}

void Document::applyUnrecorded(std::unique_ptr<model::Command> c) {
    c->apply(m_project);
    edited(c->changesFigures());
}

bool Document::adoptRemoteChanges(model::Project p, const std::vector<model::CommandSubject>& changed, bool other) {
    m_project = std::move(p);
    const bool kept = m_history.keepUnlessTouched(changed, other);
    edited(true);  // other users' changes may touch any figure
    return kept;
}

std::string Document::displayName() const {
    if (!m_path.empty()) return m_path.filename().string();
    return m_name;
}

std::string Document::suggestedFileName() const {
    if (!m_path.empty()) return m_path.filename().string();
    return (m_name.empty() ? std::string("untitled") : m_name) + ".traza";
}

void Document::replace(model::Project p, std::filesystem::path path, std::string name, bool modified, bool analysed) {
    m_project = std::move(p);
    m_path = std::move(path);
    m_name = std::move(name);
    m_unsavedContent = modified;
    m_history.onChange = nullptr;  // clear() would report an edit
    m_history.clear();
    listenToHistory();
    ++m_revision;
    m_replacementAnalysed = analysed;
    try {
        changed.emit(DocumentChange::Replaced);
    } catch (...) {
        m_replacementAnalysed = false;
        throw;
    }
    m_replacementAnalysed = false;
}

void Document::markUnmodified() {
    m_history.markSaved();
    m_unsavedContent = false;
    changed.emit(DocumentChange::Saved);
}

void Document::saveAs(const std::filesystem::path& path) {
    model::ProjectStore::save(m_project, path);
    m_path = path;
    m_history.markSaved();
    m_unsavedContent = false;
    changed.emit(DocumentChange::Saved);
}

}  // namespace traza::gui
