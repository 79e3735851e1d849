#pragma once
// Reading and writing projects for the commands: a location is a file whose
// format follows its extension (.json is chain JSON, anything else a .traza
// project file) or a server URI (postgresql://host/db?project=NAME, issue #22).
// Every write is all-or-nothing, so a failed command leaves no output file and
// an existing one untouched (on a server: one transaction).
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "project.h"

namespace traza::cli {

/// True for a path ending in ".json" (any case).
bool isJsonPath(const std::filesystem::path&);

/// True for a postgresql:// or postgres:// location.
bool isServerPath(const std::filesystem::path&);

/// Open a .traza project (ProjectStore::open), read chain JSON with the
/// installed catalogue, or read a project from a server (ServerProject).
/// Throws what those throw. `heapPerFileByte`: about how many bytes the
/// command allocates per byte of a .traza file (the national chain's 21 MB:
/// info and export 5, analyze 8); that much of the heap is faulted
/// in beside the reading (model::prefaultHeap).
model::Project loadProject(const std::filesystem::path&, double heapPerFileByte = 5);

/// A CLI11 check for an input: an existing file or a server location.
std::string existingFileOrLocation(const std::string& input);

/// Moves `value` to where it stays until the process ends, never freed: at
/// exit the system takes a national chain's memory back at once, where the
/// destructors would free its few hundred thousand strings one by one (about
/// 5 % of `info`). Only for what a command holds until it returns. The values
/// stay reachable from a global, so leak checkers do not report them.
template <typename T>
const T& keepUntilExit(T&& value) {
    static auto* kept = new std::vector<std::unique_ptr<T>>();
    kept->push_back(std::make_unique<T>(std::forward<T>(value)));
    return *kept->back();
}

/// Save as chain JSON or as a .traza project file, atomically, or to a
/// server in one transaction labelled `label` (ServerProject::saveWhole).
void saveProject(const model::Project&, const std::filesystem::path&, const std::string& label = "traza-cli save");

/// Write `text` to `path` through a temporary file in the same directory that
/// is renamed over it. Throws IoError naming the file; nothing is left behind.
void writeFileAtomically(const std::filesystem::path& path, const std::string& text);

/// The same, for text made piece by piece: `produce` is called once with a
/// function that appends bytes to the file (a national chain's JSON is tens
/// of MB, so it is not held whole in memory). If `produce` throws, the
/// temporary file is removed and the exception passes on.
using ByteSink = std::function<void(std::string_view)>;
void writeFileAtomically(const std::filesystem::path& path, const std::function<void(const ByteSink&)>& produce);

/// Stream to standard output; throws IoError if it cannot be written.
void writeStdout(const std::function<void(const ByteSink&)>& produce);

}  // namespace traza::cli
