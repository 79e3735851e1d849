#pragma once
// The chain written as a file for other tools, in one of four formats: the
// chain map picture (PNG, SVG; Graphviz layout) or the chain graph (GraphML,
// DOT; see graph_export.h). Shared by `traza-cli export --format` and the
// workbench's File > Export chain; files are written atomically.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.h"
#include "project.h"

namespace traza::reports {

enum class ChainFormat { GraphMl, Dot, Svg, Png };

/// "graphml", "dot", "svg", "png" (the CLI's --format values).
std::string_view toString(ChainFormat);
std::optional<ChainFormat> parseChainFormat(std::string_view);
/// All formats, in the order above.
std::vector<ChainFormat> chainFormats();
/// The format a file name asks for (.graphml, .dot or .gv, .svg, .png; any case), if any.
std::optional<ChainFormat> chainFormatForPath(const std::filesystem::path&);

/// The file content. `language` ("en"/"es") is for the picture's legend and labels.
/// Throws Error when Graphviz cannot draw the picture (the reason included),
/// InvalidInput for an unknown language.
std::string chainExportData(const model::Project&, const risk::Analysis&, ChainFormat, const std::string& language = "en");

/// Write chainExportData to `out` through a temporary file renamed over it, so
/// a failure leaves no file and an existing `out` unchanged. Throws IoError
/// naming `out` and the reason, and what chainExportData throws.
void writeChainExport(const model::Project&, const risk::Analysis&, const std::filesystem::path& out, ChainFormat,
                      const std::string& language = "en");

}  // namespace traza::reports
