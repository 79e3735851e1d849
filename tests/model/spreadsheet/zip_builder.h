#pragma once
// Test helper: writes zip archives in memory with libzip, so that tests can
// build the exact (and exactly broken) workbook they need, part by part.
#include <zip.h>

#include <map>
#include <stdexcept>
#include <string>

namespace traza::test {

/// A zip archive holding `entries` (name -> content), deflated unless `store`.
inline std::string zipOf(const std::map<std::string, std::string>& entries, bool store = false) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    if (!archive) throw std::runtime_error("zipOf: cannot create an archive");
    zip_source_keep(buffer);  // read it back after zip_close
    for (const auto& [name, content] : entries) {
        zip_source_t* s = zip_source_buffer(archive, content.data(), content.size(), 0);
        const zip_int64_t index = s ? zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) throw std::runtime_error("zipOf: cannot add " + name);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zipOf: cannot write the archive");
    std::string out;
    zip_stat_t st;
    zip_source_stat(buffer, &st);
    out.resize(st.size);
    if (zip_source_open(buffer) != 0 || zip_source_read(buffer, out.data(), st.size) != static_cast<zip_int64_t>(st.size))
        throw std::runtime_error("zipOf: cannot read the archive back");
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

}  // namespace traza::test
