#pragma once
// Connecting to the server and turning libpqxx's exceptions into Traza's
// errors, each naming the location with its password redacted.
#include <exception>
#include <memory>
#include <string>

#include <pqxx/connection>

#include "server_location.h"

namespace traza::model {

/// Opens a connection (libpq reads the URI, the environment and ~/.pgpass).
/// Throws ServerError "<location>: cannot connect: <libpq's reason>".
std::unique_ptr<pqxx::connection> connectToServer(const ServerLocation&);

/// Rethrows the exception in flight as a Traza error about `location`:
/// Traza errors pass through (their text redacted); libpqxx's become
/// ServerError "<location>: <doing>: <reason>", permission refusals saying
/// the role may not write. Call only inside a catch block.
[[noreturn]] void rethrowForServer(const ServerLocation& location, const std::string& doing);

/// True if the exception in flight means the connection is gone (server
/// restarted, network down), so a new connection may succeed.
bool connectionWasLost(const std::exception&);

}  // namespace traza::model
