#pragma once
// Where a project lives on a PostgreSQL server: a libpq URI with one extra
// parameter, postgresql://[user[:password]@]host[:port]/database?project=NAME
// (postgres:// too). Everything but project= goes to libpq untouched, so libpq
// reads host=/socket/dir, sslmode, PGPASSWORD, ~/.pgpass and the rest itself.
// A password given in the URI is used to connect and never shown: every text
// meant for people (errors, logs) goes through redacted().
#include <string>
#include <string_view>
#include <vector>

#include "error.h"

namespace traza::model {

/// A failure talking to the server or a refusal by it (connection lost,
/// permission denied, conflicting edit, unknown project). what() names the
/// location with its password redacted. The CLI exits 2 on it.
class ServerError : public Error {
public:
    using Error::Error;
};

/// An edit refused because another user changed the same object since it was
/// loaded (optimistic concurrency); what() names the object, who and when.
class ServerConflict : public ServerError {
public:
    using ServerError::ServerError;
};

/// True if `text` starts with postgresql:// or postgres:// (any case).
bool isServerLocation(std::string_view text);

class ServerLocation {
public:
    /// Parses a location. Throws InvalidInput (naming the redacted location)
    /// when it is no postgres URI or, if `needsProject`, lacks a non-empty
    /// project= parameter (server init needs none).
    explicit ServerLocation(std::string_view uri, bool needsProject = true);

    /// The URI without project=, as libpq takes it (may hold the password).
    const std::string& connectionString() const { return m_connection; }
    /// The project's name (percent-decoded).
    const std::string& project() const { return m_project; }
    /// The whole location for people, password replaced by "***".
    const std::string& display() const { return m_display; }
    /// `text` with every occurrence of the password replaced by "***".
    std::string redacted(std::string text) const;

private:
    std::string m_connection;
    std::string m_project;
    std::string m_display;
    std::vector<std::string> m_secrets;  // the password as given and decoded
};

}  // namespace traza::model
