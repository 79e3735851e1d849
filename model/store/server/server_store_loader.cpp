// Loads the server store's module on first use (server_store.h).
#include "server_store.h"

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace traza::model {
namespace {

constexpr const char* kModuleName = "libtraza-server.so";

// Where the module is (server_store.h): one place, so a missing module is never
// looked for where someone else could have put one (no path of the build
// machine is compiled in). Empty when the program's own file cannot be found.
std::string modulePath() {
    if (const char* chosen = std::getenv("TRAZA_SERVER_MODULE"); chosen && *chosen) return chosen;
    std::error_code ec;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : (program.parent_path().parent_path() / "lib" / "traza" / kModuleName).string();
}

// Why the module at `path` gives no store, or the store.
const ServerStore* load(const std::string& path, std::string& why) {
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) {
        why = "not found";
        return nullptr;
    }
    // RTLD_LOCAL: the module's copies of the model's code stay its own.
    void* module = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!module) {
        const char* error = dlerror();
        why = error ? error : "could not be loaded";
        return nullptr;
    }
    auto entry = reinterpret_cast<ServerModuleEntry>(dlsym(module, kServerModuleEntry));
    const ProcessMemoryTuning memory = processMemoryTuning();
    const ServerStore* store = entry ? entry(TRAZA_BUILD_VERSION, &memory) : nullptr;
    if (store) return store;  // the module stays loaded until the process ends
    why = entry ? "built by another version of Traza" : "not a Traza server module";
    dlclose(module);
    return nullptr;
}

}  // namespace

const ServerStore& serverStore() {
    // A failed load throws and is tried again at the next call.
    static std::mutex mutex;
    static const ServerStore* store = nullptr;
    std::lock_guard lock(mutex);
    if (store) return *store;
    const std::string path = modulePath();
    std::string why;
    store = load(path, why);
    if (!store)
        throw ServerError("PostgreSQL support could not be loaded (" + std::string(kModuleName) +
                          ", part of Traza; reinstall it). Looked in:\n  " +
                          (path.empty() ? std::string("the program's own folder (unknown)") : path) + ": " + why);
    return *store;
}

}  // namespace traza::model
