// traza-cli export: a project file (or chain JSON) -> chain JSON, to a file or stdout.
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "chain_json.h"
#include "commands.h"
#include "error.h"
#include "project_io.h"

namespace traza::cli {
namespace {

struct ExportOptions {
    std::string input;
    std::string output = "-";
};

void runExport(const ExportOptions& o) {
    const std::string json = model::projectToJson(loadProject(o.input));
    if (o.output != "-") return writeFileAtomically(o.output, json);
    std::cout << json << std::flush;
    if (!std::cout) throw IoError("standard output: cannot write");
}

}  // namespace

void registerExportCommand(CLI::App& app) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "Write a project as chain JSON");
    cmd->add_option("project", options->input, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", options->output, "Chain JSON file to write; - for standard output (the default)");
    cmd->callback([options] { runExport(*options); });
}

}  // namespace traza::cli
