#include "zip_archive.h"

#include <zip.h>

#include <memory>
#include <vector>

#include "error.h"

namespace traza::model {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

std::string mib(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// libzip's own text for an error, without its numeric code.
std::string zipReason(zip_error_t* error) {
    switch (zip_error_code_zip(error)) {
    case ZIP_ER_NOZIP: return "not a zip archive (damaged or truncated?)";
    case ZIP_ER_INCONS: return "the zip archive is damaged (inconsistent)";
    case ZIP_ER_CRC: return "the zip archive is damaged (CRC error)";
    case ZIP_ER_EOF: return "the zip archive is truncated";
    case ZIP_ER_MULTIDISK: return "multi-volume zip archives are not supported";
    case ZIP_ER_COMPRESSED_DATA:
    case ZIP_ER_ZLIB: return "the zip archive is damaged (compressed data invalid)";
    default: return std::string("the zip archive is damaged (") + zip_error_strerror(error) + ")";
    }
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, std::string fileName, const SpreadsheetLimits& limits)
    : m_fileName(std::move(fileName)), m_limits(limits) {
    zip_error_t error;
    zip_error_init(&error);
    // freep = 0: the source reads the caller's bytes in place.
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        const std::string reason = zipReason(&error);
        zip_error_fini(&error);
        throw InvalidInput(m_fileName, reason);
    }
    m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!m_zip) {
        zip_source_free(source);  // zip_open_from_source leaves it to us on failure
        const std::string reason = zipReason(&error);
        zip_error_fini(&error);
        throw InvalidInput(m_fileName, reason);
    }
    zip_error_fini(&error);
    const zip_int64_t entries = zip_get_num_entries(m_zip, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > m_limits.maxEntries) {
        zip_discard(m_zip);
        throw InvalidInput(m_fileName, "the zip archive has " + std::to_string(entries) + " entries; at most " +
                                           std::to_string(m_limits.maxEntries) + " are read");
    }
}

ZipArchive::~ZipArchive() { zip_discard(m_zip); }  // read-only: nothing to write back

std::int64_t ZipArchive::locate(const std::string& name) const {
    zip_int64_t index = zip_name_locate(m_zip, name.c_str(), ZIP_FL_ENC_RAW);
    if (index < 0) index = zip_name_locate(m_zip, name.c_str(), ZIP_FL_ENC_RAW | ZIP_FL_NOCASE);
    return index;
}

bool ZipArchive::contains(const std::string& name) const { return locate(name) >= 0; }

void ZipArchive::fail(const std::string& entry, const std::string& reason) const {
    throw InvalidInput(m_fileName + ": " + entry, reason);
}

void ZipArchive::stream(const std::string& name, const std::function<void(std::string_view)>& sink) {
    const zip_int64_t index = locate(name);
    if (index < 0) fail(name, "this part is missing from the workbook");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) fail(name, zipReason(zip_get_error(m_zip)));
    const zip_uint64_t need = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD;
    if ((st.valid & need) != need) fail(name, "the zip archive is damaged (entry sizes unknown)");
    if (st.encryption_method != ZIP_EM_NONE) fail(name, "this part is encrypted; save the workbook without a password");
    if (!zip_compression_method_supported(st.comp_method, 0))
        fail(name, "this part uses an unsupported compression method (" + std::to_string(st.comp_method) + ")");

    // Declared sizes first: refuse what is announced as too big before inflating anything.
    const std::uint64_t compressed = st.comp_size;
    auto checkSize = [&](std::uint64_t size, const char* how) {
        if (size > m_limits.maxEntryBytes)
            fail(name, std::string(how) + " more than " + mib(m_limits.maxEntryBytes) + " (limit for one part)");
        if (m_total + size > m_limits.maxTotalBytes)
            fail(name, std::string(how) + " more than the " + mib(m_limits.maxTotalBytes) +
                           " read in all from one workbook");
        if (size > m_limits.ratioCheckFrom && size / m_limits.maxRatio > compressed)
            fail(name, std::string(how) + " " + std::to_string(size) + " bytes from " + std::to_string(compressed) +
                           ": compressed more than " + std::to_string(m_limits.maxRatio) +
                           ":1, refused as a possible zip bomb");
    };
    checkSize(st.size, "declares");

    std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen_index(m_zip, static_cast<zip_uint64_t>(index), 0));
    if (!file) fail(name, zipReason(zip_get_error(m_zip)));
    std::vector<char> buffer(kChunk);
    std::uint64_t done = 0;
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0) fail(name, zipReason(zip_file_get_error(file.get())));
        if (n == 0) break;
        done += static_cast<std::uint64_t>(n);
        // Counted, not trusted: the declared size may lie.
        if (done > st.size)
            fail(name, "inflates to more than the " + std::to_string(st.size) +
                           " bytes it declares; the zip archive is damaged or crafted");
        checkSize(done, "inflates to");
        sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
    if (done != st.size) fail(name, "the zip archive is truncated (the part is shorter than it declares)");
    m_total += done;
}

std::string ZipArchive::read(const std::string& name) {
    std::string out;
    stream(name, [&](std::string_view chunk) { out.append(chunk); });
    return out;
}

}  // namespace traza::model
