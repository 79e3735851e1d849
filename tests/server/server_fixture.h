#pragma once
// Shared by the server tests: the private cluster started by pg_cluster.sh
// (ctest fixture "pg_cluster"), its roles, and fresh projects to edit.
#include <cstdlib>
#include <string>

#include <pqxx/connection>
#include <pqxx/transaction>

#include "catalogue.h"
#include "chain_json.h"
#include "server_project.h"

namespace traza::test {

/// The cluster's socket folder (TRAZA_TEST_PG_DIR, set by CMake).
inline std::string clusterDir() {
    const char* d = std::getenv("TRAZA_TEST_PG_DIR");
    return d ? d : "";
}

/// A location on the test cluster as `user` (traza_admin: the superuser,
/// alice and bob: editors, rita: reviewer; each one's password is NAME-pw).
inline std::string uri(const std::string& user, const std::string& project, const std::string& database = "traza") {
    const std::string auth = user == "traza_admin" ? user : user + ":" + user + "-pw";
    return "postgresql://" + auth + "@/" + database + "?host=" + clusterDir() + "&project=" + project;
}

/// The connection string of the same, without project=.
inline std::string connection(const std::string& user, const std::string& database = "traza") {
    return model::ServerLocation(uri(user, "-", database)).connectionString();
}

inline const model::Catalogue& catalogue() { return model::Catalogue::installed(); }

/// The CARE sample, pushed by traza_admin as project `name` (replacing any earlier one).
inline model::Project pushCare(const std::string& name) {
    const model::Project care =
        model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", catalogue());
    pqxx::connection admin(connection("traza_admin"));
    pqxx::work tx(admin);
    tx.exec_params("DELETE FROM traza.projects WHERE name = $1", name);
    tx.commit();
    model::ServerProject::saveWhole(care, model::ServerLocation(uri("traza_admin", name)), "test setup");
    return care;
}

/// Runs pg_cluster.sh ACTION on the test cluster (restart, down, up).
inline void cluster(const std::string& action) {
    const std::string command = "bash '" + std::string(TRAZA_TEST_SOURCEDIR) + "/pg_cluster.sh' " + action + " '" + clusterDir() + "'";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

}  // namespace traza::test
