#pragma once
// Chain JSON version 1 (shared/spec/chain-json.md): the interchange form of a
// project. Reading is strict: unknown fields, wrong types, unknown enumeration
// values, duplicate ids and dangling references are errors naming their JSON
// path, and an input with any error yields nothing.
#include <filesystem>
#include <string>
#include <string_view>

#include "project.h"

namespace traza::model {

/// The "format" and "version" every chain JSON document opens with.
inline constexpr const char* kChainJsonFormat = "traza-chain";
inline constexpr int kChainJsonVersion = 1;

/// Parse chain JSON text. Throws InvalidInput(path, reason), e.g.
/// ("flows[3].to", "no actor has id \"x\""). `catalogue` is copied into the project.
Project projectFromJson(std::string_view text, const Catalogue& catalogue);

/// Read a chain JSON file; errors are prefixed with the file name
/// ("chain.json: flows[3].to: ..."). Refuses files above maxChainJsonBytes.
Project readProjectJson(const std::filesystem::path&, const Catalogue& catalogue);

/// Write chain JSON (pretty-printed, numbers at full double precision).
std::string projectToJson(const Project&);

/// Largest chain JSON file accepted (bytes).
constexpr std::uintmax_t maxChainJsonBytes = 512ull * 1024 * 1024;

}  // namespace traza::model
