#pragma once
// The CARE pilot sample, analysed, for the report tests; and a scratch directory
// that is removed afterwards.
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "analysis.h"
#include "catalogue.h"
#include "chain_json.h"
#include "project.h"

#include <zip.h>

namespace traza::reports::test {

inline model::Project careProject() {
    const auto dir = std::filesystem::path(TRAZA_TEST_DATADIR);
    model::Project p = model::readProjectJson(dir / "samples" / "care-pilot-2025.json",
                                              model::Catalogue::loadDirectory(dir / "catalogue"));
    return p;
}

/// Every part of a zip file (an .xlsx), inflated, by name; empty when it cannot be opened.
inline std::map<std::string, std::string> zipParts(const std::filesystem::path& file) {
    std::map<std::string, std::string> parts;
    int error = 0;
    zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &error);
    if (!z) return parts;
    for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
        zip_file_t* entry = zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0);
        if (!entry) continue;
        std::string& bytes = parts[zip_get_name(z, static_cast<zip_uint64_t>(i), 0)];
        char buf[65536];
        for (zip_int64_t n; (n = zip_fread(entry, buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<std::size_t>(n));
        zip_fclose(entry);
    }
    zip_close(z);
    return parts;
}

class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() / ("traza-reports-test-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    const std::filesystem::path& path() const { return m_path; }
    /// Names of the files in the directory, sorted.
    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(m_path)) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }

private:
    std::filesystem::path m_path;
};

}  // namespace traza::reports::test
