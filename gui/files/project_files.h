#pragma once
// Reading the files a user can open, and where autosaves live. No wx.
#include <filesystem>
#include <string>

#include "project.h"

namespace traza::gui {

/// Open a project file by its extension: ".json" is chain JSON (imported with
/// the installed catalogue), anything else a .traza project. Throws traza::Error.
model::Project loadProjectFile(const std::filesystem::path&);

/// True for a name the workbench opens when dropped or given on the command line.
bool isOpenableFile(const std::filesystem::path&);

/// The autosave of `file` ("dir/chain.traza" -> "dir/chain.autosave.traza"); for
/// an untitled document (empty `file`), "untitled.autosave.traza" in `userDataDir`.
std::filesystem::path autosavePathFor(const std::filesystem::path& file, const std::filesystem::path& userDataDir);

/// True if `autosave` exists and was written after `file` (or `file` is gone).
bool autosaveIsNewer(const std::filesystem::path& file, const std::filesystem::path& autosave);

/// Remove a file if it exists; never throws (an autosave left behind is harmless).
void removeQuietly(const std::filesystem::path&);

}  // namespace traza::gui
