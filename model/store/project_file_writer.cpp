#include "project_file_writer.h"

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include <cerrno>
#include <cstdio>
#include <exception>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

#include "error.h"
#include "project_store.h"
#include "schema_sql.h"  // generated from schema.sql at build time
#include "sqlite_project_rows.h"
#include "sqlite_untrusted.h"

namespace traza::model {
namespace detail {
void saveStep(ProjectStore::SaveStep);  // project_store.cpp: the test hook
}

namespace fs = std::filesystem;
namespace {

using SaveStep = ProjectStore::SaveStep;

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
// the rename, which is the atomic step. With the default page cache the
// whole database is written once, at commit; with a smaller one (the import)
// pages go to the temp file as the cache fills, which journal_mode=OFF allows
// for the same reason. Foreign keys: see ProjectFileWriter::Tuning.
void configureForWriting(SQLite::Database& db, const ProjectFileWriter::Tuning& tuning) {
    sqlite3* h = db.getHandle();
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_FKEY, tuning.foreignKeys ? 1 : 0, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_limit(h, SQLITE_LIMIT_LENGTH, sqlite::kMaxValueBytes);
    db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;"
            " PRAGMA cache_size = -" + std::to_string(tuning.cacheKiB) + "; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = " +
            (tuning.foreignKeys ? "ON;" : "OFF;"));
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

}  // namespace

ProjectFileWriter::ProjectFileWriter(const fs::path& target, Tuning tuning) : m_name(target.string()) {
    // Saving through a symbolic link replaces the file it points to, not the link.
    std::error_code ec;
    m_final = fs::is_symlink(target, ec) ? fs::weakly_canonical(target, ec) : target;
    m_final = fs::absolute(m_final, ec);  // absolute: SQLite reads "file:..." names as URIs
    try {
        detail::saveStep(SaveStep::CreateTemp);
        m_temp = createTempFile(m_final);
        m_db = std::make_unique<SQLite::Database>(m_temp.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        configureForWriting(*m_db, tuning);
        detail::saveStep(SaveStep::WriteRows);
        m_db->exec("BEGIN");  // the whole file is one transaction
        m_db->exec(sqlite::kSchemaSql);
        m_db->exec("PRAGMA application_id = " + std::to_string(ProjectStore::kApplicationId) +
                   "; PRAGMA user_version = " + std::to_string(ProjectStore::kSchemaVersion) + ";");
    } catch (...) {
        fail(std::current_exception());
    }
}

ProjectFileWriter::~ProjectFileWriter() {
    if (m_committed) return;
    m_db.reset();  // closing rolls the open transaction back; the file goes anyway
    if (!m_temp.empty()) removeQuietly(m_temp);
}

void ProjectFileWriter::fail(const std::exception_ptr& why) {
    m_failed = true;
    m_db.reset();
    if (!m_temp.empty()) removeQuietly(m_temp);
    m_temp.clear();
    try {
        std::rethrow_exception(why);
    } catch (const std::exception& e) {
        throw IoError("could not save " + m_name + ": " + reasonOf(e));
    } catch (...) {
        throw IoError("could not save " + m_name + ": unknown error");
    }
}

void ProjectFileWriter::requireUsable() const {
    if (m_failed || m_committed || !m_db) throw IoError("could not save " + m_name + ": the save was already ended");
}

void ProjectFileWriter::writeActors(const std::vector<Actor>& actors) {
    requireUsable();
    try {
        sqlite::writeActorRows(*m_db, actors);
        m_actorsWritten = true;
    } catch (...) {
        fail(std::current_exception());
    }
}

void ProjectFileWriter::writeFlows(const std::vector<Flow>& flows, const std::vector<Actor>& actors) {
    requireUsable();
    try {
        sqlite::writeFlowRows(*m_db, flows, actors);
        m_flowsWritten = true;
    } catch (...) {
        fail(std::current_exception());
    }
}

void ProjectFileWriter::commit(const Project& project) {
    requireUsable();
    try {
        sqlite::writeProject(*m_db, project, {!m_actorsWritten, !m_flowsWritten});
        detail::saveStep(SaveStep::Commit);
        m_db->exec("COMMIT");
        m_db.reset();  // closed here
        detail::saveStep(SaveStep::Fsync);
        fsyncPath(m_temp, O_RDONLY, "the temporary file");
        detail::saveStep(SaveStep::Rename);
        if (::rename(m_temp.c_str(), m_final.c_str()) != 0) throwOsError("cannot replace the file");
    } catch (...) {
        fail(std::current_exception());
    }
    m_committed = true;
    // The new file is in place; make the rename itself durable.
    try {
        fsyncPath(m_final.parent_path(), O_RDONLY | O_DIRECTORY, "the folder");
    } catch (const std::exception& e) {
        throw IoError("could not save " + m_name + ": the new file is written but " + reasonOf(e));
    }
}

}  // namespace traza::model
