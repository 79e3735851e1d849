#pragma once
// The .traza project file: one SQLite database (SQLite as an application file
// format). The document lives in memory; open() reads it whole and save()
// writes a complete new file next to the target and renames it over, so a
// failure or crash at any point leaves the previous file intact.
#include <filesystem>
#include <functional>
#include <string>

#include "project.h"

namespace traza::model {

class ProjectStore {
public:
    static constexpr int kSchemaVersion = 10;
    /// PRAGMA application_id of every .traza file ("TRZA").
    static constexpr int kApplicationId = 0x54525A41;

    /// Read a project file. Throws FileFormatError (not SQLite, not a Traza
    /// project, damaged, or failing validation), FutureVersionError (written by
    /// a newer Traza) or IoError; never returns a half-read project.
    static Project open(const std::filesystem::path&);

    /// Write atomically: temp file in the same directory, fsync, rename, fsync
    /// of the directory. Throws IoError naming the file; the old file is untouched.
    static void save(const Project&, const std::filesystem::path&);

    /// The schema version (PRAGMA user_version) in a file's header, read without
    /// opening it as a database. open() reads versions 0 (the oldest with a
    /// migration) to kSchemaVersion, migrating older ones in memory (the file
    /// changes only when saved); above kSchemaVersion it throws
    /// FutureVersionError. Throws FileFormatError if the file is not a Traza
    /// project, IoError if it cannot be read or is no regular file.
    static int fileSchemaVersion(const std::filesystem::path&);

    /// The steps of a save, for failure-injection tests.
    enum class SaveStep { CreateTemp, WriteRows, Commit, Fsync, Rename };
    /// Test hook: called before each step; throwing from it simulates a failure there.
    static void setFaultInjector(std::function<void(SaveStep)>);
};

}  // namespace traza::model
