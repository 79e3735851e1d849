#include "project_store.h"

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Transaction.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <fcntl.h>
#include <future>
#include <optional>
#include <random>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "error.h"
#include "schema_sql.h"  // generated from schema.sql at build time
#include "sqlite_migrations.h"
#include "sqlite_project_rows.h"
#include "sqlite_untrusted.h"
#include "validation.h"

namespace traza::model {
namespace fs = std::filesystem;
namespace {

// Larger than a 5-million-flow project; refused before reading it into memory.
constexpr std::size_t kMaxFileBytes = std::size_t(4) << 30;

std::function<void(ProjectStore::SaveStep)>& faultInjector() {
    static std::function<void(ProjectStore::SaveStep)> injector;
    return injector;
}

// Refuses what is not a Traza file of a version we read, from the header alone.
int checkHeader(const std::string& name, const unsigned char* bytes, std::size_t size) {
    sqlite::FileHeader h = sqlite::readHeader(bytes, size);
    if (!h.isSqlite || h.applicationId != ProjectStore::kApplicationId)
        throw FileFormatError(name + " is not a Traza project file");
    if (h.userVersion > ProjectStore::kSchemaVersion)
        throw FutureVersionError(name + " was written by a newer Traza (schema version " + std::to_string(h.userVersion) +
                                 "; this version reads up to " + std::to_string(ProjectStore::kSchemaVersion) + ")");
    if (h.userVersion < sqlite::oldestReadableVersion())
        throw FileFormatError(name + " has schema version " + std::to_string(h.userVersion) +
                              ", which no Traza release wrote; it is damaged or not a Traza project file");
    return h.userVersion;
}

[[noreturn]] void throwOsError(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

// A new, empty file "<target>.tmp-<random>" beside the target, created
// exclusively (never an existing file) with the target's permissions.
fs::path createTempFile(const fs::path& target) {
    std::random_device random;
    struct stat old {};
    const bool hadTarget = ::stat(target.c_str(), &old) == 0 && S_ISREG(old.st_mode);
    for (int attempt = 0;; ++attempt) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, ".tmp-%08x", static_cast<unsigned>(random()));
        fs::path temp = target;
        temp += suffix;
        int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno == EEXIST && attempt < 8) continue;
        if (fd < 0) throwOsError("cannot create a temporary file in " + temp.parent_path().string());
        if (hadTarget) (void)::fchmod(fd, old.st_mode & 07777);  // best effort: keep the file's permissions
        ::close(fd);
        return temp;
    }
}

void fsyncPath(const fs::path& path, int flags, const char* what) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throwOsError(std::string("cannot open ") + what);
    if (::fsync(fd) != 0) {
        int err = errno;
        ::close(fd);
        errno = err;
        throwOsError(std::string("cannot flush ") + what + " to disk");
    }
    ::close(fd);
}

// The temp database is private until it is renamed, and any failure deletes
// it, so it needs neither a rollback journal nor SQLite's own syncs:
// journal_mode=OFF and synchronous=OFF keep the save fast (no -journal file
// either), and durability comes from our fsync of the complete file before
// the rename, which is the atomic step. The page cache is large enough for
// the whole database to be written once, at commit.
void configureForWriting(SQLite::Database& db) {
    sqlite3* h = db.getHandle();
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_FKEY, 1, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, sqlite::kMaxValueBytes);
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
            " PRAGMA cache_size = -1048576; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;");
}

std::string reasonOf(const std::exception& e) {
    if (auto* s = dynamic_cast<const SQLite::Exception*>(&e); s && (s->getErrorCode() & 0xff) == SQLITE_FULL)
        return "disk full";
    if (auto* s = dynamic_cast<const std::system_error*>(&e); s && s->code() == std::errc::no_space_on_device)
        return "disk full";
    return e.what();
}

void removeQuietly(const fs::path& path) {
    std::error_code ignored;
    fs::remove(path, ignored);
}

// Reads and validates a project from a checked (or being checked) connection.
Project readChecked(sqlite::UntrustedDatabase& db, const std::string& name, sqlite::UntrustedDatabase* flowsDb = nullptr) {
    db.requireOrdinaryTables(sqlite::projectTables());
    Project project = sqlite::readProject(db.db(), flowsDb ? &flowsDb->db() : nullptr);
    if (auto issues = validateProject(project); !issues.empty())
        throw FileFormatError(name + " holds an invalid project: " + issues.front().path + ": " + issues.front().reason);
    return project;
}

// A current-version file is opened on three connections, configured the same
// way, over the one private copy of its bytes (the second and third read-only,
// and the first never writes: there is nothing to migrate): PRAGMA quick_check
// (a quarter of the work of opening a national chain) runs on one while the
// actors and the rest are read from another and the flows from the third
// (readProject). The check's verdict still decides first: a damaged file is
// refused as damaged whatever the reading found, and a failed check
// interrupts the reading at once.
Project readWhileChecking(sqlite::FileBytes bytes, const std::string& name) {
    using View = sqlite::UntrustedDatabase::SharedView;
    sqlite::UntrustedDatabase db(std::move(bytes));  // declared first: outlives the views
    sqlite::UntrustedDatabase flowsDb(db, View{});
    sqlite::UntrustedDatabase checker(db, View{});
    std::future<std::string> verdict = std::async(std::launch::async, [&db, &flowsDb, &checker] {
        std::string check;
        try {
            check = checker.quickCheck();
        } catch (...) {  // SQLite gave up on the file: so will the reading
            db.interrupt(), flowsDb.interrupt();
            throw;
        }
        if (check != "ok") db.interrupt(), flowsDb.interrupt();
        return check;
    });
    std::exception_ptr readError;
    Project project;
    try {
        project = readChecked(db, name, &flowsDb);
    } catch (...) {
        readError = std::current_exception();
    }
    const std::string check = verdict.get();  // a failed check throws SQLite::Exception, as before
    if (check != "ok") throw FileFormatError(name + " is damaged (" + check + ")");
    if (readError) std::rethrow_exception(readError);
    return project;
}

}  // namespace

void ProjectStore::setFaultInjector(std::function<void(SaveStep)> injector) { faultInjector() = std::move(injector); }

int ProjectStore::fileSchemaVersion(const fs::path& file) {
    sqlite::FileHeader h = sqlite::readFileHeader(file);  // regular files only, never blocks
    if (!h.isSqlite || h.applicationId != kApplicationId) throw FileFormatError(file.string() + " is not a Traza project file");
    return h.userVersion;
}

Project ProjectStore::open(const fs::path& file) {
    const std::string name = file.string();
    sqlite::FileBytes bytes = sqlite::readWholeFile(file, kMaxFileBytes);
    const int version = checkHeader(name, bytes.data.get(), bytes.size);  // before SQLite sees anything
    try {
        if (version == kSchemaVersion) return readWhileChecking(std::move(bytes), name);
        // An older file is checked before it is migrated (migrating writes to the copy).
        sqlite::UntrustedDatabase db(std::move(bytes));
        if (std::string check = db.quickCheck(); check != "ok")
            throw FileFormatError(name + " is damaged (" + check + ")");
        db.requireOrdinaryTables(sqlite::projectTables());
        db.setMode(sqlite::UntrustedDatabase::Mode::Migrate);
        sqlite::migrateToCurrent(db.db(), version);
        db.setMode(sqlite::UntrustedDatabase::Mode::Read);
        return readChecked(db, name);
    } catch (const FileFormatError&) {
        throw;
    } catch (const InvalidInput& e) {
        throw FileFormatError(name + " is not a valid Traza project: " + e.what());
    } catch (const SQLite::Exception& e) {
        throw FileFormatError(name + " is damaged or is not a Traza project file (" + e.what() + ")");
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        throw FileFormatError(name + " could not be read as a Traza project (" + e.what() + ")");
    }
}

void ProjectStore::save(const Project& project, const fs::path& target) {
    const std::string name = target.string();
    // Saving through a symbolic link replaces the file it points to, not the link.
    std::error_code ec;
    fs::path finalPath = fs::is_symlink(target, ec) ? fs::weakly_canonical(target, ec) : target;
    finalPath = fs::absolute(finalPath, ec);  // absolute: SQLite reads "file:..." names as URIs
    const auto step = [](SaveStep s) {
        if (faultInjector()) faultInjector()(s);
    };
    fs::path temp;
    try {
        step(SaveStep::CreateTemp);
        temp = createTempFile(finalPath);
        {
            SQLite::Database db(temp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
            configureForWriting(db);
            step(SaveStep::WriteRows);
            SQLite::Transaction transaction(db);  // the whole file is one transaction
            db.exec(sqlite::kSchemaSql);
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                    "; PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";");
            sqlite::writeProject(db, project);
            step(SaveStep::Commit);
            transaction.commit();
        }  // closed here
        step(SaveStep::Fsync);
        fsyncPath(temp, O_RDONLY, "the temporary file");
        step(SaveStep::Rename);
        if (::rename(temp.c_str(), finalPath.c_str()) != 0) throwOsError("cannot replace the file");
    } catch (const std::exception& e) {
        if (!temp.empty()) removeQuietly(temp);
        throw IoError("could not save " + name + ": " + reasonOf(e));
    } catch (...) {
        if (!temp.empty()) removeQuietly(temp);
        throw IoError("could not save " + name + ": unknown error");
    }
    // The new file is in place; make the rename itself durable.
    try {
        fsyncPath(finalPath.parent_path(), O_RDONLY | O_DIRECTORY, "the folder");
    } catch (const std::exception& e) {
        throw IoError("could not save " + name + ": the new file is written but " + reasonOf(e));
    }
}

}  // namespace traza::model
