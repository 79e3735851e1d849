#include "server_session.h"

#include "remote_changes.h"

namespace traza::gui {

ServerSession::ServerSession(Document& doc, const std::string& uri, const model::Catalogue& catalogue)
    : m_doc(doc), m_server(model::serverStore().open(model::ServerLocation(uri), catalogue)) {
    m_server->listen();
    m_doc.replace(m_server->project(), {}, m_server->location().project(), false);
    m_doc.setStepSink([this](const model::Project& before, const model::Project& after, const std::string& label) {
        m_server->commitCommand(before, after, label);
        m_doc.markUnmodified();  // each step is saved on the server as it is made
    });
}

ServerSession::~ServerSession() { m_doc.setStepSink(nullptr); }

std::vector<model::AuditEntry> ServerSession::takeChanges() {
    std::vector<model::AuditEntry> changes = m_server->poll(std::chrono::milliseconds(0));
    if (changes.empty()) return changes;
    // Only the objects named change in the window: the rest, with the
    // selection and the view, stays; so do undo steps about untouched objects.
    std::vector<model::ObjectKey> keys;
    for (const model::AuditEntry& e : changes) keys.emplace_back(e.kind, e.objectId);
    bool other = false;
    const std::vector<model::CommandSubject> subjects = model::changedSubjects(keys, m_server->project(), other);
    m_doc.adoptRemoteChanges(model::mergeRemoteObjects(m_doc.project(), m_server->project(), keys), subjects, other);
    return changes;
}

void ServerSession::saveWhole(const model::Project& project, const std::string& uri) {
    model::serverStore().saveWhole(project, model::ServerLocation(uri), "Save to server");
}

}  // namespace traza::gui
