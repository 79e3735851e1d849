#include "server_project.h"

#include <thread>

#include <nlohmann/json.hpp>
#include <pqxx/connection>
#include <pqxx/notification>
#include <pqxx/transaction>

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

void ServerProject::reconnect() {
    m_listener.reset();
    m_connection.reset();
    // A restarting server refuses connections for a moment; try for about ten seconds.
    for (int attempt = 0;; ++attempt) {
        try {
            m_connection = connectToServer(m_location);
            break;
        } catch (const ServerError&) {
            if (attempt == 40) throw;
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
    const ObjectChanges changes = objectChanges(projectObjects(before), projectObjects(after));
    if (changes.empty()) return;
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
    m_project = after;
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
    } catch (...) {
        rethrowForServer(m_location, "listening for changes");
    }
}

std::vector<AuditEntry> ServerProject::poll(std::chrono::milliseconds wait) {
    if (!m_listener) listen();  // also after a reconnection that lost the LISTEN
    std::vector<AuditEntry> entries;
    try {
        if (m_connection->get_notifs() == 0 && wait.count() > 0)
            m_connection->await_notification(static_cast<long>(wait.count() / 1000), static_cast<long>(wait.count() % 1000) * 1000);
        if (m_listener->txids.empty()) return entries;
        pqxx::read_transaction tx(*m_connection);
        std::vector<ObjectKey> changed;
        for (const std::int64_t txid : m_listener->txids)
            for (AuditEntry& e : readAudit(tx, m_projectId, 1000000, txid)) {
                changed.push_back({e.kind, e.objectId});
                entries.push_back(std::move(e));
            }
        m_listener->txids.clear();
        rereadRows(tx, m_projectId, changed, m_rows, m_versions);
        tx.commit();
    } catch (...) {
        rethrowForServer(m_location, "reading other users' changes");
    }
    m_project = projectFromObjects(m_rows, m_catalogue, m_location.display());
    return entries;
}

void ServerProject::saveWhole(const Project& project, const ServerLocation& location, const std::string& label) {
    const ObjectRows wanted = projectObjects(project);
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
        writeRows(tx, id, objectChanges(held, wanted), nullptr, versions);
        tx.commit();
    } catch (...) {
        rethrowForServer(location, "saving");
    }
}

}  // namespace traza::model
