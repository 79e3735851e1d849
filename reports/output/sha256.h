#pragma once
// SHA-256 (FIPS 180-4) of a file's bytes, for the Summary's sign-off block: the
// reviewer can check that the workbook was written from the project file they hold.
#include <filesystem>
#include <string>
#include <string_view>

namespace traza::reports {

/// Lower-case hex digest of `data`.
std::string sha256Hex(std::string_view data);
/// Lower-case hex digest of the file's bytes; throws IoError when it cannot be read.
std::string sha256OfFile(const std::filesystem::path&);

}  // namespace traza::reports
