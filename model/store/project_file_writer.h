#pragma once
// A .traza file written in parts, so that a large import can write the actors
// while the flows are still being parsed (issue #14: a 300 000-flow workbook in
// ≤ 5 s). ProjectStore::save is this class used in one go. The safety is the
// same either way: everything goes into a private temp file beside the target,
// one transaction, and only commit() puts it in place (close, fsync, rename,
// fsync of the folder). A writer destroyed before commit() closes and deletes
// its temp file and leaves the target as it was: nothing is half-saved.
//
// One thread at a time: the parts may be written from different threads
// (the import does), each call finished before the next one starts.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "project.h"

namespace SQLite {
class Database;
}

namespace traza::model {

/// How SQLite writes the temp file.
struct ProjectFileTuning {
    /// SQLite's page cache. The default holds a national chain's whole
    /// file until commit; with less, pages go to the temp file as the
    /// cache fills (journal_mode=OFF allows it: the file is private).
    std::size_t cacheKiB = std::size_t(1) << 20;
    /// SQLite's own check of every reference as it is written. Every
    /// reference the writer writes is the position of a row it writes
    /// itself (an actor id is turned into its position, and a missing
    /// one refused, before SQLite sees it), so the check cannot fail;
    /// it is kept for save() and left out where time counts.
    bool foreignKeys = true;
};

class ProjectFileWriter {
public:
    using Tuning = ProjectFileTuning;
    /// For the import of a large workbook (importWorkbookFileTo), which has
    /// validated every reference by id: a 16 MiB cache, since the pages would
    /// otherwise come on top of the records still in memory (~35 MB less
    /// peak for 300 000 flows), and no foreign-key look-ups (two per flow,
    /// ~0.4 s of the 300 000-flow import).
    static Tuning forImport() { return {std::size_t(16) << 10, false}; }

    /// Creates the temp file beside `target` (beside the file it points to, for
    /// a symbolic link) holding the empty schema, in an open transaction.
    /// Throws IoError("could not save <target>: ...").
    explicit ProjectFileWriter(const std::filesystem::path& target, Tuning tuning = {});
    ~ProjectFileWriter();
    ProjectFileWriter(const ProjectFileWriter&) = delete;
    ProjectFileWriter& operator=(const ProjectFileWriter&) = delete;

    /// Writes the actors (and the rows that hang from them) now.
    void writeActors(const std::vector<Actor>&);
    /// Writes the flows now: they refer to `actors` (the ones written, or to
    /// be written) by position.
    void writeFlows(const std::vector<Flow>&, const std::vector<Actor>& actors);
    /// Writes the rest of `project` (whose actors and flows, when already
    /// written, must be the ones given above), commits and puts the file in
    /// place. Throws IoError; the target is then untouched, except when only
    /// the last fsync of the folder failed (the message says so).
    void commit(const Project& project);

    /// Every call throws IoError("could not save <target>: ...") for any
    /// failure; the writer is then spent: its temp
    /// file is gone and every further call throws.
    bool failed() const { return m_failed; }

private:
    [[noreturn]] void fail(const std::exception_ptr& why);
    void requireUsable() const;

    std::string m_name;               ///< the target as the user named it, for messages
    std::filesystem::path m_final;    ///< absolute; the file a symbolic link points to
    std::filesystem::path m_temp;
    std::unique_ptr<SQLite::Database> m_db;
    bool m_actorsWritten = false;
    bool m_flowsWritten = false;
    bool m_failed = false;
    bool m_committed = false;
};

}  // namespace traza::model
