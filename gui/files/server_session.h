#pragma once
// A project the window edits on a PostgreSQL server (issue #22): opening it
// from a location, sending every undoable step as one transaction, taking in
// other users' changes, and the audit trail for the History window. No wx: the
// frame polls it on a timer and shows what it says.
#include <memory>
#include <string>
#include <vector>

#include "document.h"
#include "server_store.h"

namespace traza::gui {

class ServerSession {
public:
    /// Opens `uri` (postgresql://…?project=NAME) and loads its project into
    /// `doc`, whose steps then go to the server. Throws what the server
    /// store throws (ServerError, FutureVersionError, InvalidInput); `doc` is
    /// unchanged then.
    ServerSession(Document& doc, const std::string& uri, const model::Catalogue&);
    ~ServerSession();
    ServerSession(const ServerSession&) = delete;
    ServerSession& operator=(const ServerSession&) = delete;

    const model::ServerLocation& location() const { return m_server->location(); }
    /// Other users' changes that arrived since the last call, taken into the
    /// document object by object (mergeRemoteObjects; its undo history stays
    /// unless a step is about a changed object); their audit entries, or none.
    std::vector<model::AuditEntry> takeChanges();
    /// The project's audit trail, newest first.
    std::vector<model::AuditEntry> history(std::size_t limit = 500) { return m_server->history(limit); }

    /// Writes `project` to `uri` as a whole (File > Save to server…), creating
    /// the project there or replacing what differs. Throws ServerError.
    static void saveWhole(const model::Project&, const std::string& uri);

private:
    Document& m_doc;
    std::unique_ptr<model::RemoteProject> m_server;
};

}  // namespace traza::gui
