#include "sqlite_untrusted.h"

#include <sqlite3.h>

#include <SQLiteCpp/Statement.h>

#include <cerrno>
#include <cstring>
#include <future>
#include <system_error>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

namespace traza::model::sqlite {
namespace {

std::string osReason(int err) { return std::strerror(err); }

// Closes a file descriptor on every path out of readWholeFile.
struct Fd {
    int fd;
    explicit Fd(int f) : fd(f) {}
    Fd(Fd&& o) noexcept : fd(o.fd) { o.fd = -1; }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

bool equalsIgnoreCase(const char* a, const char* b) { return a && b && sqlite3_stricmp(a, b) == 0; }

// The authorizer: everything not listed is denied, so a statement touching
// anything else fails to prepare instead of running.
int authorize(void* self, int action, const char* arg1, const char* arg2, const char*, const char*) {
    const bool migrating = static_cast<const UntrustedDatabase*>(self)->mode() == UntrustedDatabase::Mode::Migrate;
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
        return SQLITE_OK;
    case SQLITE_FUNCTION:  // arg2 is the function name
        // ALTER TABLE compiles internal SQL that calls printf(), sqlite_rename_*()
        // and others; while migrating, only our own SQL and SQLite's run, so
        // functions are allowed then. The file's schema expressions are bound
        // by trusted_schema=OFF (innocuous functions only) in both modes.
        return migrating || equalsIgnoreCase(arg2, "count") ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_PRAGMA:  // arg1 is the pragma name
        if (equalsIgnoreCase(arg1, "quick_check")) return SQLITE_OK;
        return migrating && equalsIgnoreCase(arg1, "user_version") ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
    case SQLITE_ALTER_TABLE:
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
        return migrating ? SQLITE_OK : SQLITE_DENY;
    default:  // ATTACH, DETACH, triggers, views, virtual tables, temp objects, ...
        return SQLITE_DENY;
    }
}

void check(sqlite3* db, int rc) {
    if (rc != SQLITE_OK) throw SQLite::Exception(db, rc);
}

// Opens a regular file for reading without blocking: O_NONBLOCK keeps a FIFO
// named like a project from hanging the program, and fstat refuses it.
Fd openRegularFile(const std::filesystem::path& path, struct stat& st) {
    const std::string name = path.string();
    Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (file.fd < 0) throw IoError("could not open " + name + ": " + osReason(errno));
    if (::fstat(file.fd, &st) != 0) throw IoError("could not open " + name + ": " + osReason(errno));
    if (S_ISDIR(st.st_mode)) throw IoError("could not open " + name + ": it is a directory");
    if (!S_ISREG(st.st_mode)) throw IoError("could not open " + name + ": it is not a regular file");
    return file;
}

// Reads up to `size` bytes; fewer only if the file ends first.
std::size_t readFully(int fd, unsigned char* out, std::size_t size, const std::filesystem::path& path) {
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::read(fd, out + done, size - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError("could not read " + path.string() + ": " + osReason(errno));
        if (n == 0) break;  // the file shrank while we read it: take what is there
        done += static_cast<std::size_t>(n);
    }
    return done;
}

// pread of up to `size` bytes from `offset`; fewer only if the file ends first.
std::size_t preadFully(int fd, unsigned char* out, std::size_t size, off_t offset, const std::filesystem::path& path) {
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = ::pread(fd, out + done, size - done, offset + static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw IoError("could not read " + path.string() + ": " + osReason(errno));
        if (n == 0) break;  // the file shrank while we read it: take what is there
        done += static_cast<std::size_t>(n);
    }
    return done;
}

// Reads up to `size` bytes, a large file in two halves on two threads: most of
// the time goes to the kernel giving the fresh buffer its pages (zeroing them),
// and two cores do that in half the time (about 20 ms for a national chain's
// 21 MB on one). Returns the bytes read from the start without a gap: fewer
// than `size` only if the file ended first.
std::size_t readInTwo(int fd, unsigned char* out, std::size_t size, const std::filesystem::path& path) {
    constexpr std::size_t kWorthAThread = std::size_t(4) << 20;
    const std::size_t half = size / 2;
    std::future<std::size_t> second;
    try {
        if (size >= kWorthAThread)
            second = std::async(std::launch::async, [=] { return preadFully(fd, out + half, size - half, static_cast<off_t>(half), path); });
    } catch (const std::system_error&) {  // no thread to be had: all of it on this one
    }
    if (!second.valid()) return preadFully(fd, out, size, 0, path);
    std::size_t first = 0;
    try {
        first = preadFully(fd, out, half, 0, path);
    } catch (...) {
        second.wait();  // it writes into `out`, which the caller frees
        throw;
    }
    const std::size_t rest = second.get();
    return first < half ? first : half + rest;
}

}  // namespace

FileBytes readWholeFile(const std::filesystem::path& path, std::size_t maxBytes) {
    struct stat st {};
    Fd file = openRegularFile(path, st);
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size > maxBytes)
        throw FileFormatError(path.string() + " is too large to be a Traza project file (" + std::to_string(size) +
                              " bytes; at most " + std::to_string(maxBytes) + ")");
    FileBytes out;
    out.data = {static_cast<unsigned char*>(sqlite3_malloc64(size ? size : 1)), sqlite3_free};
    if (!out.data) throw std::bad_alloc();
    out.size = readInTwo(file.fd, out.data.get(), size, path);
    return out;
}

FileHeader readFileHeader(const std::filesystem::path& path) {
    struct stat st {};
    Fd file = openRegularFile(path, st);
    unsigned char header[100] = {};
    return readHeader(header, readFully(file.fd, header, sizeof header, path));
}

FileHeader readHeader(const unsigned char* bytes, std::size_t size) {
    static const char kMagic[] = "SQLite format 3";  // 16 bytes with its NUL
    FileHeader h;
    if (size < 100 || std::memcmp(bytes, kMagic, sizeof kMagic) != 0) return h;
    h.isSqlite = true;
    h.userVersion = static_cast<std::int32_t>(bigEndian32(bytes + 60));
    h.applicationId = static_cast<std::int32_t>(bigEndian32(bytes + 68));
    return h;
}

UntrustedDatabase::UntrustedDatabase(FileBytes bytes)
    : m_db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
    configure();
    sqlite3* h = m_db.getHandle();
    // Bytes 18-19 are 2 in a WAL-mode file; an in-memory database cannot use a
    // WAL, and Traza never writes one, so read such a file as the plain
    // database it holds (a -wal file beside it is never looked at).
    unsigned char* data = bytes.data.get();
    if (bytes.size >= 100 && data[18] == 2 && data[19] == 2) data[18] = data[19] = 1;
    const auto size = static_cast<sqlite3_int64>(bytes.size);
    // sqlite3_deserialize owns (and on failure frees) the buffer from here on.
    check(h, sqlite3_deserialize(h, "main", bytes.data.release(), size, size,
                                 SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE));
    // Room for migrations to grow the copy (the default cap is 1 GiB).
    sqlite3_int64 limit = 2 * size + (64 << 20);
    sqlite3_file_control(h, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit);
    sqlite3_set_authorizer(h, authorize, this);
}

UntrustedDatabase::UntrustedDatabase(UntrustedDatabase& owner, SharedView)
    : m_db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX) {
    configure();
    sqlite3* h = m_db.getHandle();
    sqlite3_int64 size = 0;
    // NOCOPY: the owner's own buffer (an in-memory database always has one).
    unsigned char* data = sqlite3_serialize(owner.m_db.getHandle(), "main", &size, SQLITE_SERIALIZE_NOCOPY);
    if (!data) throw SQLite::Exception("the project's bytes could not be shared with a second connection");
    // READONLY: this connection can never write them; not FREEONCLOSE: the owner frees them.
    check(h, sqlite3_deserialize(h, "main", data, size, size, SQLITE_DESERIALIZE_READONLY));
    sqlite3_set_authorizer(h, authorize, this);
}

void UntrustedDatabase::configure() {
    sqlite3* h = m_db.getHandle();
    // Connection settings first: they must hold before the file's schema is parsed.
    const std::pair<int, int> config[] = {
        {SQLITE_DBCONFIG_DEFENSIVE, 1},        // no writable_schema, no shadow-table writes
        {SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0},   // schema may only use innocuous functions
        {SQLITE_DBCONFIG_ENABLE_TRIGGER, 0},   // a file's triggers never fire
        {SQLITE_DBCONFIG_ENABLE_VIEW, 0},      // a file's views cannot be read
        {SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0},
        {SQLITE_DBCONFIG_DQS_DDL, 0},
        {SQLITE_DBCONFIG_DQS_DML, 0},
        {SQLITE_DBCONFIG_ENABLE_FKEY, 1},      // migrations keep references intact
    };
    for (auto [op, value] : config) check(h, sqlite3_db_config(h, op, value, nullptr));
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, kMaxValueBytes);
    sqlite3_limit(h, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(h, SQLITE_LIMIT_COLUMN, 100);
    sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_limit(h, SQLITE_LIMIT_EXPR_DEPTH, 100);
    sqlite3_limit(h, SQLITE_LIMIT_COMPOUND_SELECT, 3);
    sqlite3_limit(h, SQLITE_LIMIT_FUNCTION_ARG, 8);
    sqlite3_limit(h, SQLITE_LIMIT_TRIGGER_DEPTH, 1);
    sqlite3_limit(h, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
    sqlite3_limit(h, SQLITE_LIMIT_VARIABLE_NUMBER, 100);
    // ignore_check_constraints: PRAGMA quick_check, and the check ALTER TABLE ADD
    // COLUMN runs while migrating, evaluate the file's CHECK expressions, and
    // (SQLite 3.40) call even functions that trusted_schema=OFF forbids there.
    // The reader checks every value itself, so the file's CHECKs never run.
    m_db.exec("PRAGMA trusted_schema = OFF; PRAGMA ignore_check_constraints = ON; PRAGMA cell_size_check = ON;"
              " PRAGMA temp_store = MEMORY;");
}

std::string UntrustedDatabase::quickCheck() {
    SQLite::Statement check(m_db, "PRAGMA quick_check(1)");
    if (!check.executeStep()) return "quick_check returned nothing";
    return check.getColumn(0).getString();
}

void UntrustedDatabase::requireOrdinaryTables(const std::vector<std::string>& tables) {
    SQLite::Statement schema(m_db, "SELECT type, name, sql FROM sqlite_master");
    while (schema.executeStep()) {
        const std::string type = schema.getColumn(0).getString();
        const std::string name = schema.getColumn(1).getString();
        const std::string sql = schema.getColumn(2).getString();
        if (type == "table" && sqlite3_strnicmp(sql.c_str(), "CREATE VIRTUAL", 14) == 0)
            throw InvalidInput(name, "is a virtual table, which a Traza project never contains");
        for (const std::string& wanted : tables)
            if (sqlite3_stricmp(name.c_str(), wanted.c_str()) == 0 && type != "table")
                throw InvalidInput(name, "is a " + type + ", not a table");
    }
}

}  // namespace traza::model::sqlite
