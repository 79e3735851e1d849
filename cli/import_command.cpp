// traza-cli import: chain JSON or two CSV files -> a project file (or chain JSON).
// The whole input is read and validated before anything is written.
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "catalogue.h"
#include "chain_json.h"
#include "commands.h"
#include "csv_import.h"
#include "project_io.h"

namespace traza::cli {
namespace {

struct ImportOptions {
    std::string input;
    std::string actors;
    std::string flows;
    std::string output;
};

void runImport(const ImportOptions& o) {
    if (!o.input.empty() && (!o.actors.empty() || !o.flows.empty()))
        throw CLI::ValidationError("import", "give either a chain JSON file or --actors and --flows, not both");
    if (o.input.empty() && (o.actors.empty() || o.flows.empty()))
        throw CLI::ValidationError("import", "give a chain JSON file, or both --actors and --flows");
    const model::Catalogue& catalogue = model::Catalogue::installed();
    const model::Project project = o.input.empty() ? model::readProjectCsv(o.actors, o.flows, catalogue)
                                                   : model::readProjectJson(o.input, catalogue);
    saveProject(project, o.output);
}

}  // namespace

void registerImportCommand(CLI::App& app) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* cmd = app.add_subcommand("import", "Create a project from chain JSON or from actors and flows CSV files");
    cmd->add_option("input", options->input, "Chain JSON file (spec/chain-json.md)")->check(CLI::ExistingFile);
    cmd->add_option("--actors", options->actors, "Actors CSV file (docs/csv.md)")->check(CLI::ExistingFile);
    cmd->add_option("--flows", options->flows, "Flows CSV file (docs/csv.md)")->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", options->output, "Project file to write (.traza; .json writes chain JSON)")->required();
    cmd->callback([options] { runImport(*options); });
}

}  // namespace traza::cli
