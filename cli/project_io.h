#pragma once
// Reading and writing projects for the commands: the format follows the file
// extension (.json is chain JSON, anything else a .traza project file), and
// every write is all-or-nothing, so a failed command leaves no output file and
// an existing one untouched.
#include <filesystem>
#include <string>

#include "project.h"

namespace traza::cli {

/// True for a path ending in ".json" (any case).
bool isJsonPath(const std::filesystem::path&);

/// Open a .traza project (ProjectStore::open) or read chain JSON with the
/// installed catalogue. Throws what those throw.
model::Project loadProject(const std::filesystem::path&);

/// Save as chain JSON or as a .traza project file, atomically.
void saveProject(const model::Project&, const std::filesystem::path&);

/// Write `text` to `path` through a temporary file in the same directory that
/// is renamed over it. Throws IoError naming the file; nothing is left behind.
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);

}  // namespace traza::cli
