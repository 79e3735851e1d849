#pragma once
// A project on a PostgreSQL server, as one client holds it: the project read
// whole at open (validated as chain JSON), the version of each object as
// loaded, and the connection. Front ends edit the Project as usual and hand
// each undoable command to commitCommand(); other users' changes arrive
// through listen() and poll(). Not thread-safe: one thread uses an instance.
//
//   ServerProject sp(ServerLocation("postgresql://db.example/chains?project=CEMPRE"), Catalogue::installed());
//   Project after = sp.project(); ...edit...
//   sp.commitCommand(sp.project(), after, "Edit flow F3");  // throws ServerConflict if F3 changed meanwhile
//   sp.listen(); for (const AuditEntry& e : sp.poll(std::chrono::seconds(1))) ...;  // project() now has them
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <vector>

#include <pqxx/connection>
#include <pqxx/transaction_base>

#include "project.h"
#include "project_objects.h"
#include "server_location.h"
#include "server_reading.h"


namespace traza::model {


class ServerProject {
public:
    /// Connects, checks the schema (checkServerSchema) and reads the project.
    /// Throws ServerError (cannot connect, no such project, refused), FutureVersionError
    /// or InvalidInput (an object failing chain JSON validation, named by location and id).
    ServerProject(ServerLocation, const Catalogue&);
    ~ServerProject();
    ServerProject(const ServerProject&) = delete;
    ServerProject& operator=(const ServerProject&) = delete;

    const Project& project() const { return m_project; }
    const ServerLocation& location() const { return m_location; }
    /// Moves the project out (for a caller that only reads it once).
    Project takeProject() && { return std::move(m_project); }

    /// Writes what turns `before` into `after` (the objects the command added,
    /// changed, removed or moved within a list: a move writes the moved object
    /// alone, order_keys.h) in one transaction labelled `label`, each update and
    /// delete only if the object still has the version loaded (`before` is
    /// normally project()). When a list has no key left between two
    /// neighbours, it is first renumbered in a transaction of its own
    /// ("Renumber the flow list"). On success project() becomes `after`. Throws
    /// ServerConflict naming the object and who changed it when (nothing is
    /// written), ServerError when refused or when the server cannot be reached.
    /// A connection lost before the commit is reopened (for up to ~10 s) and the
    /// command retried once; lost during the commit itself, ServerError says
    /// the outcome is unknown.
    void commitCommand(const Project& before, const Project& after, const std::string& label);

    /// The project's audit trail, newest first (at most `limit` entries).
    std::vector<AuditEntry> history(std::size_t limit = 200);

    /// Starts listening for other clients' commits to this project.
    void listen();
    /// Waits up to `wait` for notifications, then reloads the objects other
    /// clients changed since the last poll into project() and returns their
    /// audit entries (empty when nothing came). After the connection was lost
    /// (server restarted, network down) it reconnects, listens again and
    /// catches up: the objects whose versions differ from those loaded are
    /// reloaded and reported with their newest audit entry, as a notification
    /// would have; a notification arriving later for one of those entries is
    /// not reported twice. Throws ServerError while the server cannot be
    /// reached (the next poll tries again).
    std::vector<AuditEntry> poll(std::chrono::milliseconds wait = std::chrono::milliseconds(0));

    /// Reads a project once (a command that only reads it: analyze, report,
    /// export, pull): as constructing one and taking its project, without
    /// keeping the rows and versions an editing client needs. Throws the same.
    static Project read(const ServerLocation&, const Catalogue&);

    /// As read(), with the newest `historyLimit` entries of the audit trail
    /// (newest first, without the before/after bodies) taken from the same
    /// snapshot: the report's appendix. The audit is fetched while the
    /// objects are parsed. Throws the same.
    using Reading = ServerReading;
    static Reading readWithHistory(const ServerLocation&, const Catalogue&, std::size_t historyLimit);

    /// Saves a whole project in one transaction (import, push): creates it if
    /// the database has none of that name, else writes the objects that differ
    /// from what the server holds, whatever their versions (the pusher wins).
    static void saveWhole(const Project&, const ServerLocation&, const std::string& label);

private:
    class Listener;
    void reconnect(int attempts = 41);
    void awaitNotifications(std::chrono::milliseconds wait);
    void catchUp(pqxx::transaction_base&, std::vector<ObjectKey>& changed, std::vector<AuditEntry>& entries);
    void writeChanges(const ObjectChanges&, const std::string& label, std::map<ObjectKey, std::int64_t>& versions);
    /// writeChanges with one retry after a lost connection; on success the rows and versions held follow.
    void writeCommitted(const ObjectChanges&, const std::string& label);
    void reload(const std::vector<ObjectKey>&);

    ServerLocation m_location;
    const Catalogue& m_catalogue;
    std::unique_ptr<pqxx::connection> m_connection;
    std::unique_ptr<Listener> m_listener;
    std::int64_t m_projectId = 0;
    ObjectRows m_rows;
    std::map<ObjectKey, std::int64_t> m_versions;
    Project m_project;
    bool m_catchUp = false;                  ///< a reconnection may have missed notifications
    std::set<std::int64_t> m_caughtUpSeqs;  ///< audit entries already reported by a catch-up
};

}  // namespace traza::model
