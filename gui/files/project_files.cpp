#include "project_files.h"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "catalogue.h"
#include "chain_json.h"
#include "project_store.h"

namespace traza::gui {
namespace fs = std::filesystem;

namespace {
std::string lowerExtension(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}
}  // namespace

model::Project loadProjectFile(const fs::path& path) {
    if (lowerExtension(path) == ".json") return model::readProjectJson(path, model::Catalogue::installed());
    return model::ProjectStore::open(path);
}

bool isOpenableFile(const fs::path& p) {
    const std::string e = lowerExtension(p);
    return e == ".traza" || e == ".json";
}

fs::path autosavePathFor(const fs::path& file, const fs::path& userDataDir) {
    if (file.empty()) return userDataDir / "untitled.autosave.traza";
    return file.parent_path() / (file.stem().string() + ".autosave.traza");
}

bool autosaveIsNewer(const fs::path& file, const fs::path& autosave) {
    std::error_code ec;
    if (!fs::exists(autosave, ec)) return false;
    if (file.empty() || !fs::exists(file, ec)) return true;
    const auto a = fs::last_write_time(autosave, ec);
    if (ec) return false;
    const auto f = fs::last_write_time(file, ec);
    return ec || a > f;
}

void removeQuietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

}  // namespace traza::gui
