#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "catalogue.h"

namespace traza::model {

std::filesystem::path dataDirectory() {
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("TRAZA_DATA_DIR"); env && *env) return env;
    std::error_code ec;
    // An installed program finds share/traza beside its bin/ (relocatable packages).
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path beside = exe.parent_path().parent_path() / "share" / "traza";
        if (fs::exists(beside / "catalogue", ec)) return beside;
    }
    if (fs::exists(fs::path(TRAZA_INSTALL_DATADIR) / "catalogue", ec)) {
        // Prefer the source tree when running from a build directory.
        if (!fs::exists(fs::path(TRAZA_SOURCE_DATADIR) / "catalogue", ec)) return TRAZA_INSTALL_DATADIR;
    }
    return TRAZA_SOURCE_DATADIR;
}

}  // namespace traza::model
