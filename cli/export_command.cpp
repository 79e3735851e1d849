// traza-cli export: a project file (or chain JSON) -> chain JSON (the default),
// or the chain for other tools: GraphML, DOT, or the chain map as SVG or PNG.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "chain_export.h"
#include "chain_json_writer.h"
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
};

void writeOut(const ExportOptions& o, const std::string& data) {
    if (o.output != "-") return writeFileAtomically(o.output, data);
    std::cout << data << std::flush;
    if (!std::cout) throw IoError("standard output: cannot write");
}

void runExport(const ExportOptions& o) {
    std::optional<reports::ChainFormat> format;
    if (!o.format.empty() && o.format != "json") format = reports::parseChainFormat(o.format);
    else if (o.format.empty() && o.output != "-") format = reports::chainFormatForPath(o.output);
    const model::Project project = loadProject(o.input);
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
    CLI::App* cmd = app.add_subcommand("export", "Write a project as chain JSON, GraphML, DOT, or the chain map as SVG or PNG");
    cmd->add_option("project", options->input, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", options->output, "File to write; - for standard output (the default)");
    cmd->add_option("-f,--format", options->format,
                    "json, graphml, dot, svg or png (default: from the output's extension, else json)")
        ->check(CLI::IsMember({"json", "graphml", "dot", "svg", "png"}));
    cmd->add_option("--lang", options->language, "Language of the chain map's legend: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->callback([options] { runExport(*options); });
}

}  // namespace traza::cli
