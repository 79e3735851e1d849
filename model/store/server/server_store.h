#pragma once
// The PostgreSQL store as the front ends reach it: loaded from its own module
// (libtraza-server.so) the first time a command or the window uses a server.
// libpq brings about twenty libraries (Kerberos, LDAP, TLS) whose loading cost
// every start of traza-cli 13-16 ms and every start of the workbench as much,
// though most commands never talk to a server (docs/performance.md). The
// module holds ServerProject and the schema code (server_project.h,
// server_schema.h); this interface is what the front ends call.
//
//   const ServerStore& store = serverStore();  // throws ServerError when the module cannot be loaded
//   Project p = store.read(ServerLocation(uri), Catalogue::installed());
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "process_memory.h"
#include "project.h"
#include "server_location.h"
#include "server_reading.h"
#include "server_schema_version.h"

namespace traza::model {

/// A project an editing client holds on a server: what ServerProject does,
/// behind an interface (see ServerProject for each function's contract).
class RemoteProject {
public:
    virtual ~RemoteProject() = default;
    virtual const Project& project() const = 0;
    virtual const ServerLocation& location() const = 0;
    virtual void commitCommand(const Project& before, const Project& after, const std::string& label) = 0;
    virtual std::vector<AuditEntry> history(std::size_t limit) = 0;
    virtual void listen() = 0;
    virtual std::vector<AuditEntry> poll(std::chrono::milliseconds wait) = 0;
};

/// The server store's functions (ServerProject's static ones, initServerSchema).
class ServerStore {
public:
    virtual Project read(const ServerLocation&, const Catalogue&) const = 0;
    virtual ServerReading readWithHistory(const ServerLocation&, const Catalogue&, std::size_t historyLimit) const = 0;
    virtual void saveWhole(const Project&, const ServerLocation&, const std::string& label) const = 0;
    /// Connects and reads the project for editing (ServerProject's constructor).
    virtual std::unique_ptr<RemoteProject> open(const ServerLocation&, const Catalogue&) const = 0;
    /// Returns the schema version found before (initServerSchema).
    virtual int initSchema(const ServerLocation&, const ServerInitOptions&) const = 0;

protected:
    ~ServerStore() = default;  // the module's one instance lives until the process ends
};

/// The store, its module loaded on the first call: from $TRAZA_SERVER_MODULE
/// when set (and only there), else from lib/traza/ beside the program's bin/
/// folder (installed, or cli/ and gui/ in the build tree).
/// Throws ServerError naming the places tried and the loader's reason.
const ServerStore& serverStore();

/// The name the module's entry point is exported under, and the version both
/// sides must have been built as: the module shares the model's types with the
/// program, so only a module of the same build is taken. A module that takes
/// the version also takes the program's memory tuning (process_memory.h): its
/// own copy of the model reads into the program's heaps.
inline constexpr const char* kServerModuleEntry = "traza_server_store_entry";
using ServerModuleEntry = const ServerStore* (*)(const char* buildVersion, const ProcessMemoryTuning* memory);

}  // namespace traza::model
