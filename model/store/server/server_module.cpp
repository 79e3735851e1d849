// The entry point of libtraza-server.so: the server store (server_store.h)
// made of ServerProject and the schema functions. Only the entry is exported;
// everything else the module holds, its own copy of the model included, is
// hidden (CMakeLists.txt), so it never replaces the program's.
#include <cstring>

#include "process_memory.h"
#include "server_project.h"
#include "server_schema.h"
#include "server_store.h"

namespace traza::model {
namespace {

class EditedOnServer final : public RemoteProject {
public:
    EditedOnServer(const ServerLocation& location, const Catalogue& catalogue) : m_server(location, catalogue) {}
    const Project& project() const override { return m_server.project(); }
    const ServerLocation& location() const override { return m_server.location(); }
    void commitCommand(const Project& before, const Project& after, const std::string& label) override {
        m_server.commitCommand(before, after, label);
    }
    std::vector<AuditEntry> history(std::size_t limit) override { return m_server.history(limit); }
    void listen() override { m_server.listen(); }
    std::vector<AuditEntry> poll(std::chrono::milliseconds wait) override { return m_server.poll(wait); }

private:
    ServerProject m_server;
};

class PostgresStore final : public ServerStore {
public:
    Project read(const ServerLocation& location, const Catalogue& catalogue) const override {
        return ServerProject::read(location, catalogue);
    }
    ServerReading readWithHistory(const ServerLocation& location, const Catalogue& catalogue,
                                  std::size_t historyLimit) const override {
        return ServerProject::readWithHistory(location, catalogue, historyLimit);
    }
    void saveWhole(const Project& project, const ServerLocation& location, const std::string& label) const override {
        ServerProject::saveWhole(project, location, label);
    }
    std::unique_ptr<RemoteProject> open(const ServerLocation& location, const Catalogue& catalogue) const override {
        return std::make_unique<EditedOnServer>(location, catalogue);
    }
    int initSchema(const ServerLocation& location, const ServerInitOptions& options) const override {
        return initServerSchema(location, options);
    }
};

}  // namespace
}  // namespace traza::model

extern "C" __attribute__((visibility("default"))) const traza::model::ServerStore* traza_server_store_entry(
    const char* buildVersion, const traza::model::ProcessMemoryTuning* memory) {
    static const traza::model::PostgresStore store;
    if (!buildVersion || std::strcmp(buildVersion, TRAZA_BUILD_VERSION) != 0) return nullptr;
    // Without it, this module's copy of process_memory.cpp would advise and fault in nothing.
    if (memory) traza::model::adoptProcessMemoryTuning(*memory);
    return &store;
}
