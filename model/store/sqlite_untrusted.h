#pragma once
// Reading an SQLite file that may have been crafted to attack its reader.
// The file is read once into memory and handed to SQLite as a private
// in-memory copy (sqlite3_deserialize): SQLite never opens the file on disk,
// so no journal, WAL or lock file can appear beside it and nothing can be
// written back to it. The connection is configured as SQLite's "defense
// against the dark arts" advice says: defensive mode, untrusted schema,
// triggers and views off, tight limits and an authorizer that lets through
// only what the reader needs.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>

namespace traza::model::sqlite {

/// Longest string or blob a project file may hold (SQLITE_LIMIT_LENGTH on
/// both the reading and the writing connection, so save never writes what
/// open would refuse).
constexpr int kMaxValueBytes = 64 << 20;

/// A file's bytes in memory obtained from sqlite3_malloc64 (SQLite takes them over).
struct FileBytes {
    std::unique_ptr<unsigned char, void (*)(void*)> data{nullptr, nullptr};
    std::size_t size = 0;
};

/// Reads a whole regular file. Throws IoError ("could not open X: <reason>")
/// when it cannot be read or is no regular file (a FIFO or device is refused
/// without blocking), FileFormatError when it is larger than `maxBytes`.
FileBytes readWholeFile(const std::filesystem::path&, std::size_t maxBytes);

/// What the 100-byte SQLite header says, read without SQLite.
struct FileHeader {
    bool isSqlite = false;  ///< starts with "SQLite format 3\0" and is long enough
    std::int32_t userVersion = 0;
    std::int32_t applicationId = 0;
};
FileHeader readHeader(const unsigned char* bytes, std::size_t size);
/// readHeader of the first 100 bytes of a regular file; throws IoError like readWholeFile.
FileHeader readFileHeader(const std::filesystem::path&);

/// A defensively configured in-memory copy of an untrusted database file.
/// Not movable: the authorizer keeps a pointer to it.
class UntrustedDatabase {
public:
    /// Read: SELECT, reading tables, count(), PRAGMA quick_check. Migrate: also
    /// writes, ALTER/CREATE/DROP TABLE or INDEX, transactions, user_version and
    /// functions, for our own migration SQL (and the SQL SQLite generates for
    /// ALTER TABLE). ATTACH, triggers, views and virtual tables are denied in both.
    enum class Mode { Read, Migrate };

    /// Takes the bytes over. Throws SQLite::Exception if SQLite refuses them.
    explicit UntrustedDatabase(FileBytes bytes);

    /// A second connection, configured alike, over the very bytes of `owner`
    /// (not copied, and read-only here), so that two threads can read one
    /// file at once. `owner` must outlive it and must not be written (Mode::Read)
    /// while it lives. Throws SQLite::Exception.
    struct SharedView {};
    UntrustedDatabase(UntrustedDatabase& owner, SharedView);
    UntrustedDatabase(const UntrustedDatabase&) = delete;
    UntrustedDatabase& operator=(const UntrustedDatabase&) = delete;

    SQLite::Database& db() { return m_db; }
    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }

    /// Runs PRAGMA quick_check; returns "ok" or SQLite's first complaint.
    std::string quickCheck();

    /// Makes the statement running on this connection stop with SQLITE_INTERRUPT
    /// (an SQLite::Exception) soon. May be called from another thread.
    void interrupt() { sqlite3_interrupt(m_db.getHandle()); }

    /// Throws InvalidInput unless every name in `tables` that the file defines
    /// is an ordinary table, and refuses any virtual table (their modules would
    /// parse attacker-controlled shadow tables). Missing tables are left to the
    /// reader, which names them.
    void requireOrdinaryTables(const std::vector<std::string>& tables);

private:
    void configure();  ///< the connection settings, before any bytes are attached

    SQLite::Database m_db;
    Mode m_mode = Mode::Read;
};

}  // namespace traza::model::sqlite
