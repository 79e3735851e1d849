// traza-cli export: a project file (or chain JSON) -> chain JSON (the default),
// the chain workbook people fill and import again (.xlsx), or the chain for
// other tools: GraphML, DOT, or the chain map as SVG or PNG.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "anonymise_flags.h"
#include "chain_export.h"
#include "chain_json.h"
#include "chain_json_writer.h"
#include "chain_workbook.h"
#include "commands.h"
#include "error.h"
#include "project_io.h"

namespace traza::cli {
namespace {

struct ExportOptions {
    std::string input;
    std::string output = "-";
    std::string format;  ///< empty: from the output's extension, else json
    std::string language = "en";
    AnonymiseFlags anonymise;
};

void writeOut(const ExportOptions& o, const std::string& data) {
    if (o.output != "-") return writeFileAtomically(o.output, data);
    std::cout << data << std::flush;
    if (!std::cout) throw IoError("standard output: cannot write");
}

bool isXlsxPath(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".xlsx";
}

void runExport(const ExportOptions& o) {
    if (o.format == "xlsx" || (o.format.empty() && o.output != "-" && isXlsxPath(o.output))) {
        if (o.output == "-") throw InvalidInput("--output", "a workbook is not written to standard output; name a file");
        // The chain workbook (reports/chain_workbook.h): no analysis needed.
        return reports::writeChainWorkbook(o.output, applyAnonymiseFlags(loadProject(o.input), o.anonymise, o.language),
                                           o.language);
    }
    std::optional<reports::ChainFormat> format;
    if (!o.format.empty() && o.format != "json") format = reports::parseChainFormat(o.format);
    else if (o.format.empty() && o.output != "-") format = reports::chainFormatForPath(o.output);
    const model::Project& project = keepUntilExit(applyAnonymiseFlags(loadProject(o.input), o.anonymise, o.language));
    if (!format) {  // chain JSON, streamed to its destination
        const auto produce = [&](const ByteSink& sink) { model::writeProjectJson(project, sink); };
        return o.output == "-" ? writeStdout(produce) : writeFileAtomically(o.output, produce);
    }
    // Analysis results travel as node attributes and colour the map.
    risk::AnalysisOptions analysisOptions;
    analysisOptions.language = o.language;
    const risk::Analysis analysis = risk::analyze(project, analysisOptions);
    if (*format == reports::ChainFormat::Png && o.output == "-")
        throw InvalidInput("--output", "a PNG is not written to standard output; name a file");
    writeOut(o, reports::chainExportData(project, analysis, *format, o.language));
}

}  // namespace

void registerExportCommand(CLI::App& app) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "Write a project as chain JSON, as the chain workbook (.xlsx) to fill and import again, as GraphML or DOT, or the chain map as SVG or PNG");
    cmd->add_option("project", options->input, "Project file (.traza, or .json) or server location (postgresql://host/db?project=NAME)")->required()->check(existingFileOrLocation);
    cmd->add_option("-o,--output", options->output, "File to write; - for standard output (the default)");
    cmd->add_option("-f,--format", options->format,
                    "json, xlsx, graphml, dot, svg or png (default: from the output's extension, else json)")
        ->check(CLI::IsMember({"json", "xlsx", "graphml", "dot", "svg", "png"}));
    cmd->add_option("--lang", options->language, "Language of the workbook's sheets, columns and values, or of the chain map's legend: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    addAnonymiseFlags(*cmd, options->anonymise);
    cmd->callback([options] { runExport(*options); });
}

}  // namespace traza::cli
