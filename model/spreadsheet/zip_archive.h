#pragma once
// A zip archive held in memory, read through libzip with the limits of an
// untrusted workbook. Entries are inflated in chunks and the bytes are counted
// as they come out: the sizes an archive declares are checked first but never
// trusted, so an entry that inflates beyond its declared size, the per-entry
// or total limit, or the compression ratio limit is refused mid-stream.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "spreadsheet_limits.h"

struct zip;

namespace traza::model {

class ZipArchive {
public:
    /// Opens the archive in `bytes`, which must outlive this object.
    /// `fileName` names the file in errors. Throws InvalidInput (where() = fileName)
    /// when the bytes are no zip archive, a damaged one or one with too many entries.
    ZipArchive(std::string_view bytes, std::string fileName, const SpreadsheetLimits& limits);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    const std::string& fileName() const { return m_fileName; }

    /// Whether an entry of that name exists (exact name, then ASCII case-insensitively,
    /// as OPC part names are case-insensitive).
    bool contains(const std::string& name) const;

    /// Inflates entry `name`, handing its bytes to `sink` in chunks of at most
    /// 256 KiB (from a second thread's output for parts of 1 MiB and more; the
    /// sink itself always runs on the calling thread).
    /// Throws InvalidInput (where() = "file: name") when it is missing, encrypted,
    /// compressed with an unsupported method, damaged (bad CRC, truncated), or
    /// breaks a size or ratio limit.
    /// `maxBytes` lowers the per-part limit for this entry.
    void stream(const std::string& name, const std::function<void(std::string_view)>& sink,
                std::uint64_t maxBytes = UINT64_MAX);

    /// The whole entry as a string (for small parts); same checks as stream().
    std::string read(const std::string& name, std::uint64_t maxBytes = UINT64_MAX);

    /// Inflated bytes read so far from all entries.
    std::uint64_t bytesRead() const { return m_total; }
    /// Counts `bytes` inflated from the same workbook through another ZipArchive
    /// (a second view of it, read on another thread) against limits.maxTotalBytes.
    void countReadElsewhere(std::uint64_t bytes) { m_total += bytes; }

private:
    std::int64_t locate(const std::string& name) const;
    [[noreturn]] void fail(const std::string& entry, const std::string& reason) const;

    struct zip* m_zip = nullptr;
    std::string m_fileName;
    SpreadsheetLimits m_limits;
    std::uint64_t m_total = 0;
};

}  // namespace traza::model
