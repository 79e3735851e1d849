#include "project_store.h"

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <fcntl.h>
#include <future>
#include <optional>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "error.h"
#include "project_file_writer.h"
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

namespace detail {
void saveStep(ProjectStore::SaveStep step) {
    if (faultInjector()) faultInjector()(step);
}
}  // namespace detail

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
    ProjectFileWriter writer(target);
    writer.commit(project);
}

}  // namespace traza::model
