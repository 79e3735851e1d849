#pragma once
// Reading a whole text file that a user gave (chain JSON, a framework file):
// its size is checked before anything is read, so a huge file costs nothing.
#include <cstdint>
#include <filesystem>
#include <string>

namespace traza::model {

/// The file's bytes. Throws IoError naming the file when it cannot be read, and
/// InvalidInput naming it when it is larger than `maxBytes` (`kind` says what
/// the limit is for, e.g. "chain JSON").
std::string readTextFile(const std::filesystem::path& file, std::uintmax_t maxBytes, const std::string& kind);

}  // namespace traza::model
