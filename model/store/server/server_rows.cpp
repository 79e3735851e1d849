#include "server_rows.h"

#include <nlohmann/json.hpp>
#include <pqxx/result>

#include "server_location.h"

namespace traza::model {
namespace {

// The text a client would write for a body: rows converted from jsonb (schema 3) are spaced differently.
std::string canonical(const std::string& bodyText) { return nlohmann::json::parse(bodyText).dump(); }

std::string describe(const ObjectKey& key) {
    return key.second.empty() ? "the " + key.first : key.first + " \"" + key.second + "\"";
}

// Refuses the transaction: names the object and, from the audit trail, its last change.
[[noreturn]] void conflict(pqxx::transaction_base& tx, std::int64_t projectId, const ObjectKey& key, const char* what) {
    std::string message = describe(key) + " " + what;
    const pqxx::result r = tx.exec_params(
        "SELECT db_user, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', label, action FROM traza.audit"
        " WHERE project_id = $1 AND kind = $2 AND object_id = $3 ORDER BY seq DESC LIMIT 1",
        projectId, key.first, key.second);
    if (!r.empty())
        message += ": " + r[0][0].as<std::string>() + " " + r[0][3].as<std::string>() + "d it at " + r[0][1].as<std::string>() +
                   " (\"" + r[0][2].as<std::string>() + "\")";
    throw ServerConflict(message + "; nothing of this command was saved; reload it and try again");
}

// Inserts in batches of multi-row VALUES: a national chain's first push is
// ~100 000 rows, one statement each would be a round trip each.
void insertBatch(pqxx::transaction_base& tx, std::int64_t projectId, const std::vector<const ObjectRows::value_type*>& rows,
                 ObjectVersions& versions) {
    constexpr std::size_t kBatch = 500;
    for (std::size_t start = 0; start < rows.size(); start += kBatch) {
        std::string sql = "INSERT INTO traza.objects (project_id, kind, id, ordinal, body) VALUES ";
        const std::size_t end = std::min(rows.size(), start + kBatch);
        for (std::size_t i = start; i < end; ++i) {
            const auto& [key, row] = *rows[i];
            sql += (i > start ? ",(" : "(") + std::to_string(projectId) + "," + tx.quote(key.first) + "," + tx.quote(key.second) +
                   "," + std::to_string(row.ordinal) + "," + tx.quote(row.body) + "::json)";
        }
        tx.exec(sql);
        for (std::size_t i = start; i < end; ++i) versions[rows[i]->first] = 1;
    }
}

}  // namespace

std::optional<std::int64_t> findProjectId(pqxx::transaction_base& tx, const std::string& name) {
    const pqxx::result r = tx.exec_params("SELECT id FROM traza.projects WHERE name = $1", name);
    if (r.empty()) return std::nullopt;
    return r[0][0].as<std::int64_t>();
}

void readRows(pqxx::transaction_base& tx, std::int64_t projectId, ObjectRows& rows, ObjectVersions& versions,
              bool comparable) {
    const pqxx::result r =
        tx.exec_params("SELECT kind, id, ordinal, version, body FROM traza.objects WHERE project_id = $1", projectId);
    for (const pqxx::row& row : r) {
        ObjectKey key{std::string(row[0].c_str(), row[0].size()), std::string(row[1].c_str(), row[1].size())};
        versions[key] = row[3].as<std::int64_t>();
        std::string body(row[4].c_str(), row[4].size());
        rows[std::move(key)] = {row[2].as<std::int64_t>(), comparable ? canonical(body) : std::move(body)};
    }
}

void rereadRows(pqxx::transaction_base& tx, std::int64_t projectId, const std::vector<ObjectKey>& keys, ObjectRows& rows,
                ObjectVersions& versions) {
    for (const ObjectKey& key : keys) {
        const pqxx::result r = tx.exec_params(
            "SELECT ordinal, version, body::text FROM traza.objects WHERE project_id = $1 AND kind = $2 AND id = $3", projectId,
            key.first, key.second);
        if (r.empty()) {
            rows.erase(key);
            versions.erase(key);
        } else {
            rows[key] = {r[0][0].as<std::int64_t>(), canonical(r[0][2].as<std::string>())};
            versions[key] = r[0][1].as<std::int64_t>();
        }
    }
}

ObjectVersions readVersions(pqxx::transaction_base& tx, std::int64_t projectId) {
    ObjectVersions versions;
    const pqxx::result r = tx.exec_params("SELECT kind, id, version FROM traza.objects WHERE project_id = $1", projectId);
    for (const pqxx::row& row : r) versions[{row[0].as<std::string>(), row[1].as<std::string>()}] = row[2].as<std::int64_t>();
    return versions;
}

std::vector<AuditEntry> latestAudit(pqxx::transaction_base& tx, std::int64_t projectId, const std::vector<ObjectKey>& keys) {
    std::vector<AuditEntry> out;
    for (const ObjectKey& key : keys) {
        const pqxx::result r = tx.exec_params(
            "SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', db_user, label, kind, object_id, action,"
            " coalesce(before::text, ''), coalesce(after::text, '') FROM traza.audit"
            " WHERE project_id = $1 AND kind = $2 AND object_id = $3 ORDER BY seq DESC LIMIT 1",
            projectId, key.first, key.second);
        for (const pqxx::row& row : r)
            out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                           row[3].as<std::string>(), row[4].as<std::string>(), row[5].as<std::string>(),
                           row[6].as<std::string>(), row[7].as<std::string>(), row[8].as<std::string>()});
    }
    return out;
}

void setCommandLabel(pqxx::transaction_base& tx, const std::string& label) {
    tx.exec_params("SELECT set_config('traza.command_label', $1, true)", label);
}

void writeRows(pqxx::transaction_base& tx, std::int64_t projectId, const ObjectChanges& changes, const ObjectVersions* expected,
               ObjectVersions& versions) {
    const ObjectVersions& known = expected ? *expected : versions;
    std::vector<const ObjectRows::value_type*> inserts;
    for (const auto& entry : changes.upserts) {
        const auto& [key, row] = entry;
        const auto version = known.find(key);
        if (version == known.end()) {
            if (!expected) {
                inserts.push_back(&entry);
                continue;
            }
            const pqxx::result r = tx.exec_params(
                "INSERT INTO traza.objects (project_id, kind, id, ordinal, body) VALUES ($1, $2, $3, $4, $5::json)"
                " ON CONFLICT DO NOTHING RETURNING version",
                projectId, key.first, key.second, row.ordinal, row.body);
            if (r.empty()) conflict(tx, projectId, key, "was added by another user meanwhile");
            versions[key] = 1;
            continue;
        }
        const pqxx::result r = tx.exec_params(
            "UPDATE traza.objects SET ordinal = $4, body = $5::json, version = version + 1"
            " WHERE project_id = $1 AND kind = $2 AND id = $3 AND ($6 OR version = $7) RETURNING version",
            projectId, key.first, key.second, row.ordinal, row.body, expected == nullptr, version->second);
        if (r.empty()) conflict(tx, projectId, key, "was changed by another user since you loaded it");
        versions[key] = r[0][0].as<std::int64_t>();
    }
    insertBatch(tx, projectId, inserts, versions);
    for (const ObjectKey& key : changes.removals) {
        const auto version = known.find(key);
        const std::int64_t v = version == known.end() ? 0 : version->second;
        const pqxx::result r = tx.exec_params(
            "DELETE FROM traza.objects WHERE project_id = $1 AND kind = $2 AND id = $3 AND ($4 OR version = $5) RETURNING 1",
            projectId, key.first, key.second, expected == nullptr, v);
        if (r.empty() && expected) conflict(tx, projectId, key, "was changed or removed by another user since you loaded it");
        versions.erase(key);
    }
}

std::vector<AuditEntry> readAudit(pqxx::transaction_base& tx, std::int64_t projectId, std::size_t limit, std::int64_t txid,
                                  bool bodies) {
    const pqxx::result r = tx.exec_params(
        std::string("SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC', db_user, label, kind,"
                    " object_id, action, ") +
            (bodies ? "coalesce(before::text, ''), coalesce(after::text, '')" : "'', ''") +
            " FROM traza.audit WHERE project_id = $1 AND ($2 = 0 OR txid = $2) ORDER BY seq DESC LIMIT $3",
        projectId, txid, static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> out;
    for (const pqxx::row& row : r)
        out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(), row[3].as<std::string>(),
                       row[4].as<std::string>(), row[5].as<std::string>(), row[6].as<std::string>(), row[7].as<std::string>(),
                       row[8].as<std::string>()});
    return out;
}

}  // namespace traza::model
