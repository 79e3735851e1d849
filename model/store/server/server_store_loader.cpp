// Loads the server store's module on first use (server_store.h).
#include "server_store.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace traza::model {
namespace {

constexpr const char* kModuleName = "libtraza-server.so";

// Where the module may be (server_store.h). No path of the build machine is
// compiled in: a missing module must not be looked for where someone else
// could have put one.
std::vector<std::string> candidatePaths() {
    if (const char* chosen = std::getenv("TRAZA_SERVER_MODULE"); chosen && *chosen) return {chosen};
    std::vector<std::string> paths;
    std::error_code ec;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) paths.push_back((program.parent_path().parent_path() / "lib" / "traza" / kModuleName).string());
    return paths;
}

const ServerStore& load() {
    std::string tried;
    for (const std::string& path : candidatePaths()) {
        tried += "\n  " + path + ": ";
        std::error_code ec;
        if (!std::filesystem::exists(path, ec)) {
            tried += "not found";
            continue;
        }
        // RTLD_LOCAL: the module's copies of the model's code stay its own.
        void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            const char* why = dlerror();
            tried += why ? why : "could not be loaded";
            continue;
        }
        auto entry = reinterpret_cast<ServerModuleEntry>(dlsym(module, kServerModuleEntry));
        const ServerStore* store = entry ? entry(TRAZA_BUILD_VERSION) : nullptr;
        if (store) return *store;  // the module stays loaded until the process ends
        tried += entry ? "built by another version of Traza" : "not a Traza server module";
        dlclose(module);
    }
    throw ServerError("PostgreSQL support could not be loaded (" + std::string(kModuleName) +
                      ", part of Traza; reinstall it). Looked in:" + tried);
}

}  // namespace

const ServerStore& serverStore() {
    // A failed load throws and is tried again at the next call.
    static std::mutex mutex;
    static const ServerStore* store = nullptr;
    std::lock_guard lock(mutex);
    if (!store) store = &load();
    return *store;
}

}  // namespace traza::model
