#pragma once
// A framework file (issue #18): a team's catalogue entries in one JSON file,
// moved between projects with `traza-cli catalogue export|import`:
//   {"format": "traza-catalogue", "version": 1, "catalogue": {...}}
// where "catalogue" is chain JSON's section of the same name.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.h"
#include "own_entries.h"

namespace traza::model {

struct FrameworkImport {
    Catalogue catalogue;                  ///< the base with the file's entries merged in
    std::vector<CatalogueChange> changes;  ///< one per entry of the file, in file order
};

/// Read a framework file's text and merge it over `base`. Throws InvalidInput
/// naming the JSON path (the caller adds the file name).
FrameworkImport importFramework(std::string_view text, const Catalogue& base);

/// Read a framework file (at most maxFrameworkBytes) and merge it over `base`;
/// errors name the file and the JSON path ("fw.json: catalogue.risk_factors[0].weight").
FrameworkImport readFrameworkFile(const std::filesystem::path& file, const Catalogue& base);

/// The project's framework as file text: the entries that differ from
/// `installed`, or every entry of every list with `all`.
std::string frameworkJson(const Catalogue& project, const Catalogue& installed, bool all);

/// Largest framework file accepted (bytes): catalogues are small.
constexpr std::uintmax_t maxFrameworkBytes = 16ull * 1024 * 1024;

}  // namespace traza::model
