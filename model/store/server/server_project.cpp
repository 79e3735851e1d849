#include "server_project.h"

#include <future>
#include <thread>

#include <nlohmann/json.hpp>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/notification>
#include <pqxx/result>
#include <pqxx/transaction>

#include "order_keys.h"
#include "process_memory.h"
#include "server_connection.h"
#include "server_references.h"
#include "server_rows.h"
#include "server_schema.h"

namespace traza::model {

// Collects the transaction ids other sessions announce on the project's channel.
class ServerProject::Listener : public pqxx::notification_receiver {
public:
    Listener(pqxx::connection_base& c, const std::string& channel) : pqxx::notification_receiver(c, channel) {}
    void operator()(const std::string& payload, int backendPid) override {
        if (backendPid == conn().backendpid()) return;  // our own commit
        const auto doc = nlohmann::json::parse(payload, nullptr, false);
        if (doc.is_object() && doc.contains("txid") && doc["txid"].is_number_integer()) txids.push_back(doc["txid"].get<std::int64_t>());
    }
    std::vector<std::int64_t> txids;
};

namespace {
std::string channelOf(std::int64_t projectId) { return "traza_project_" + std::to_string(projectId); }
}  // namespace

ServerProject::ServerProject(ServerLocation location, const Catalogue& catalogue)
    : m_location(std::move(location)), m_catalogue(catalogue) {
    try {
        m_connection = connectToServer(m_location);
        checkServerSchema(*m_connection, m_location);
        pqxx::read_transaction tx(*m_connection);
        const auto id = findProjectId(tx, m_location.project());
        if (!id)
            throw ServerError(m_location.display() + ": the database has no project named \"" + m_location.project() +
                              "\" (push one with `traza-cli push FILE LOCATION`)");
        m_projectId = *id;
        readRows(tx, m_projectId, m_rows, m_versions, false);  // m_rows is only read again, never compared
        tx.commit();
    } catch (...) {
        rethrowForServer(m_location, "open");
    }
    m_project = projectFromObjects(m_rows, m_catalogue, m_location.display());
}

ServerProject::~ServerProject() = default;

void ServerProject::reconnect(int attempts) {
    m_listener.reset();
    m_connection.reset();
    // Notifications sent meanwhile are lost: the next poll compares versions.
    m_catchUp = true;
    // A restarting server refuses connections for a moment; by default try for about ten seconds.
    for (int attempt = 1;; ++attempt) {
        try {
            m_connection = connectToServer(m_location);
            break;
        } catch (const ServerError&) {
            if (attempt >= attempts) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
}

void ServerProject::writeChanges(const ObjectChanges& changes, const std::string& label, ObjectVersions& versions) {
    if (!m_connection) reconnect();  // an earlier reconnection failed
    pqxx::work tx(*m_connection);
    setCommandLabel(tx, label);
    writeRows(tx, m_projectId, changes, &m_versions, versions);
    checkReferences(tx, m_projectId, changes);
    tx.commit();
}

void ServerProject::commitCommand(const Project& before, const Project& after, const std::string& label) {
    // `before` as the server holds it: with the order keys loaded, so a move
    // gives the moved object a key between its new neighbours and writes it alone.
    ObjectRows beforeRows = projectObjects(before);
    for (auto& [key, row] : beforeRows)
        if (const auto it = m_rows.find(key); it != m_rows.end()) row.ordinal = it->second.ordinal;
    ObjectRows afterRows = projectObjects(after);
    const std::vector<std::string> exhausted = assignOrderKeys(beforeRows, afterRows);
    for (const std::string& kind : exhausted) {
        // No key left between two neighbours: renumber that list first, as a
        // write of its own (rare: twenty halvings of one gap).
        ObjectChanges renumbering;
        for (auto& [key, row] : renumberedList(m_rows, kind))
            if (m_rows.at(key).ordinal != row.ordinal) renumbering.upserts.emplace(key, std::move(row));
        writeCommitted(renumbering, "Renumber the " + kind + " list");
        for (auto& [key, row] : beforeRows)
            if (key.first == kind && m_rows.count(key)) row.ordinal = m_rows.at(key).ordinal;
    }
    if (!exhausted.empty()) assignOrderKeys(beforeRows, afterRows);  // room now: the lists are spaced afresh
    const ObjectChanges changes = objectChanges(beforeRows, afterRows);
    if (changes.empty()) return;
    writeCommitted(changes, label);
    m_project = after;
}

void ServerProject::writeCommitted(const ObjectChanges& changes, const std::string& label) {
    ObjectVersions versions = m_versions;
    bool retried = false;
    for (;;) {
        try {
            writeChanges(changes, label, versions);
            break;
        } catch (const pqxx::in_doubt_error&) {
            rethrowForServer(m_location, "saving \"" + label + "\"");
        } catch (const ServerConflict&) {
            throw;
        } catch (const ServerError& e) {  // no connection to be had
            throw ServerError(e.what() + std::string("; the command \"") + label + "\" was not saved");
        } catch (const std::exception& e) {
            if (retried || !connectionWasLost(e)) rethrowForServer(m_location, "saving \"" + label + "\"");
            // Nothing was committed (the transaction died with its connection):
            // the same write, with the same versions, is safe to repeat.
            const bool wasListening = m_listener != nullptr;
            try {
                reconnect();
                if (wasListening) listen();
            } catch (const ServerError& lost) {
                throw ServerError(lost.what() + std::string("; the command \"") + label + "\" was not saved");
            }
            retried = true;
            versions = m_versions;
        }
    }
    for (const auto& [key, row] : changes.upserts) m_rows[key] = row;
    for (const ObjectKey& key : changes.removals) m_rows.erase(key);
    m_versions = std::move(versions);
}

std::vector<AuditEntry> ServerProject::history(std::size_t limit) {
    try {
        if (!m_connection) reconnect();
        pqxx::read_transaction tx(*m_connection);
        return readAudit(tx, m_projectId, limit);
    } catch (...) {
        rethrowForServer(m_location, "reading the history");
    }
}

void ServerProject::listen() {
    try {
        if (!m_connection) reconnect();
        m_listener = std::make_unique<Listener>(*m_connection, channelOf(m_projectId));
        // What others committed between reading the project and this LISTEN.
        m_catchUp = true;
    } catch (...) {
        rethrowForServer(m_location, "listening for changes");
    }
}

void ServerProject::awaitNotifications(std::chrono::milliseconds wait) {
    try {
        if (!m_connection || !m_connection->is_open()) throw pqxx::broken_connection("not connected");
        if (!m_listener) m_listener = std::make_unique<Listener>(*m_connection, channelOf(m_projectId));
        if (m_connection->get_notifs() == 0 && wait.count() > 0)
            m_connection->await_notification(static_cast<long>(wait.count() / 1000), static_cast<long>(wait.count() % 1000) * 1000);
    } catch (const std::exception& e) {
        if (!connectionWasLost(e)) throw;
        // A poll runs on the window's timer: try for about a second, then
        // report and let the next poll try again.
        reconnect(5);
        m_listener = std::make_unique<Listener>(*m_connection, channelOf(m_projectId));
    }
}

void ServerProject::catchUp(pqxx::transaction_base& tx, std::vector<ObjectKey>& changed, std::vector<AuditEntry>& entries) {
    // LISTEN is on again before this snapshot: what commits after it is notified.
    const ObjectVersions now = readVersions(tx, m_projectId);
    for (const auto& [key, version] : now)
        if (const auto it = m_versions.find(key); it == m_versions.end() || it->second != version) changed.push_back(key);
    for (const auto& [key, version] : m_versions)
        if (!now.count(key)) changed.push_back(key);
    for (AuditEntry& e : latestAudit(tx, m_projectId, changed)) {
        m_caughtUpSeqs.insert(e.seq);
        entries.push_back(std::move(e));
    }
}

std::vector<AuditEntry> ServerProject::poll(std::chrono::milliseconds wait) {
    std::vector<AuditEntry> entries;
    std::vector<ObjectKey> changed;
    try {
        awaitNotifications(wait);
        if (m_listener->txids.empty() && !m_catchUp) return entries;
        pqxx::read_transaction tx(*m_connection);
        if (m_catchUp) catchUp(tx, changed, entries);
        for (const std::int64_t txid : m_listener->txids)
            for (AuditEntry& e : readAudit(tx, m_projectId, 1000000, txid)) {
                if (m_caughtUpSeqs.count(e.seq)) continue;
                changed.push_back({e.kind, e.objectId});
                entries.push_back(std::move(e));
            }
        rereadRows(tx, m_projectId, changed, m_rows, m_versions);
        tx.commit();
        m_listener->txids.clear();
        m_catchUp = false;
    } catch (...) {
        rethrowForServer(m_location, "reading other users' changes");
    }
    if (changed.empty()) return entries;
    m_project = projectFromObjects(m_rows, m_catalogue, m_location.display());
    return entries;
}

Project ServerProject::read(const ServerLocation& location, const Catalogue& catalogue) {
    return readWithHistory(location, catalogue, 0).project;
}

ServerProject::Reading ServerProject::readWithHistory(const ServerLocation& location, const Catalogue& catalogue,
                                                      std::size_t historyLimit) {
    Reading reading;
    try {
        auto c = connectToServer(location);
        checkServerSchema(*c, location);
        // Repeatable read: the objects and the audit trail come from one snapshot.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(*c);
        const auto id = findProjectId(tx, location.project());
        if (!id)
            throw ServerError(location.display() + ": the database has no project named \"" + location.project() +
                              "\" (push one with `traza-cli push FILE LOCATION`)");
        // The bodies as stored: json since schema version 4, so the server
        // sends their text as it is (jsonb's conversion was half the query).
        const pqxx::result result =
            tx.exec_params("SELECT kind, id, ordinal, body FROM traza.objects WHERE project_id = $1", *id);
        // Parse in place from the result (a national chain's rows are ~45 MB
        // of JSON) on another thread while this one fetches the audit trail;
        // if the fetch throws, the future's destructor waits for the parser
        // before `result` goes.
        auto parsed = std::async(std::launch::async, [&] {
            adviseThreadHeap();  // the whole project is made on this thread
            std::vector<ObjectView> views;
            views.reserve(result.size());
            for (const pqxx::row& row : result)
                views.push_back({{row[0].c_str(), row[0].size()}, {row[1].c_str(), row[1].size()}, row[2].as<std::int64_t>(),
                                 {row[3].c_str(), row[3].size()}});
            return projectFromObjectViews(std::move(views), catalogue, location.display());
        });
        if (historyLimit > 0) reading.history = readAudit(tx, *id, historyLimit, 0, false);
        tx.commit();
        reading.project = parsed.get();  // an invalid object's InvalidInput passes through
    } catch (...) {
        rethrowForServer(location, "open");
    }
    return reading;
}

void ServerProject::saveWhole(const Project& project, const ServerLocation& location, const std::string& label) {
    ObjectRows wanted = projectObjects(project);
    try {
        auto c = connectToServer(location);
        checkServerSchema(*c, location);
        pqxx::work tx(*c);
        setCommandLabel(tx, label);
        tx.exec_params("INSERT INTO traza.projects (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", location.project());
        // FOR UPDATE: two pushes of one project run one after the other.
        const std::int64_t id =
            tx.exec_params1("SELECT id FROM traza.projects WHERE name = $1 FOR UPDATE", location.project())[0].as<std::int64_t>();
        ObjectRows held;
        ObjectVersions versions;
        readRows(tx, id, held, versions, true);
        // Objects in the same order keep their keys; a list whose gaps ran
        // out keeps its fresh numbering (the push rewrites its rows).
        assignOrderKeys(held, wanted);
        writeRows(tx, id, objectChanges(held, wanted), nullptr, versions);
        tx.commit();
    } catch (...) {
        rethrowForServer(location, "saving");
    }
}

}  // namespace traza::model
