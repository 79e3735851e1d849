#pragma once
// An output file that appears complete or not at all: writers fill a temporary
// "<target>.tmp-XXXXXX" in the target's directory (same file system, so the
// final rename is atomic); commit() syncs and renames it over the target. If
// commit() is never reached the temporary file is removed and the target is untouched.
#include <filesystem>

namespace traza::reports {

class AtomicOutput {
public:
    /// Creates the (empty) temporary file. Throws IoError naming the target when the
    /// directory does not exist or is not writable, or when the target is a directory.
    explicit AtomicOutput(const std::filesystem::path& target);
    ~AtomicOutput();  ///< removes the temporary file unless committed; never throws
    AtomicOutput(const AtomicOutput&) = delete;
    AtomicOutput& operator=(const AtomicOutput&) = delete;

    const std::filesystem::path& tempPath() const { return m_temp; }
    const std::filesystem::path& target() const { return m_target; }

    /// fsync the temporary file, rename it over the target, fsync the directory.
    /// Throws IoError (the temporary file is then removed by the destructor).
    void commit();

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    bool m_committed = false;
};

}  // namespace traza::reports
