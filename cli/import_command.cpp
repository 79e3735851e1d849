// traza-cli import: chain JSON, a workbook (.xlsx, .ods) or two CSV files -> a
// project file (or chain JSON). The whole input is read and validated before
// anything is written; a refused spreadsheet lists every problem by cell.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "catalogue.h"
#include "chain_json.h"
#include "commands.h"
#include "error.h"
#include "project_io.h"
#include "spreadsheet_input.h"

namespace traza::cli {
namespace {

struct ImportOptions {
    std::string input;
    std::string actors;
    std::string flows;
    std::string output;
    std::string actorsSheet;
    std::string flowsSheet;
    std::vector<std::string> rules;
    std::string rulesFile;
    std::string rulesFrom;
    bool quiet = false;
};

// The user's column rules: those of a project (--rules-from), then a file, then --map.
model::ColumnMapping columnRules(const ImportOptions& o) {
    model::ColumnMapping rules;
    if (!o.rulesFrom.empty()) rules = loadProject(o.rulesFrom).importRules;
    if (!o.rulesFile.empty()) {
        std::ifstream in(o.rulesFile, std::ios::binary);
        if (!in) throw IoError(o.rulesFile + ": cannot read");
        std::ostringstream text;
        text << in.rdbuf();
        rules.merge(model::ColumnMapping::parse(text.str(), o.rulesFile));
    }
    for (const std::string& r : o.rules) rules.add(model::ColumnMapping::parseRule(r, "--map \"" + r + "\""));
    return rules;
}

// A national chain is a million small allocations: freeing them one by one as
// the command ends costs time and changes nothing, since
// the file is written, closed and in place. The process's end gives the memory
// back at once. Builds with AddressSanitizer free it, so that their leak
// check keeps meaning something.
void keepImportUntilExit(std::unique_ptr<model::SheetImport> in) {
#if defined(__SANITIZE_ADDRESS__)
    in.reset();
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    in.reset();
#else
    (void)in.release();
#endif
#else
    (void)in.release();
#endif
}

void runImport(const ImportOptions& o) {
    if (!o.input.empty() && (!o.actors.empty() || !o.flows.empty()))
        throw CLI::ValidationError("import", "give either a chain JSON file or workbook, or --actors and --flows, not both");
    if (o.input.empty() && (o.actors.empty() || o.flows.empty()))
        throw CLI::ValidationError("import", "give a chain JSON file or a workbook, or both --actors and --flows");
    const model::Catalogue& catalogue = model::Catalogue::installed();
    if (!o.input.empty() && !model::isSpreadsheetFile(o.input)) {
        if (!o.rules.empty() || !o.rulesFile.empty() || !o.actorsSheet.empty() || !o.flowsSheet.empty())
            throw CLI::ValidationError("import", "--map, --map-file and the sheet options are for workbooks and CSV files");
        return saveProject(model::readProjectJson(o.input, catalogue), o.output, "traza-cli import");
    }
    const model::ColumnMapping rules = columnRules(o);
    std::unique_ptr<model::SheetImport> in;
    if (!o.input.empty() && !isJsonPath(o.output) && !isServerPath(o.output)) {
        // Saved as it is read: a large workbook's actors are written while its flows are parsed.
        in = std::make_unique<model::SheetImport>(
            model::importWorkbookFileTo(o.output, o.input, o.actorsSheet, o.flowsSheet, catalogue, rules));
    } else {
        in = std::make_unique<model::SheetImport>(o.input.empty()
                                                      ? model::importTableFiles(o.actors, o.flows, catalogue, rules)
                                                      : model::importWorkbookFile(o.input, o.actorsSheet, o.flowsSheet, catalogue, rules));
        in->project.importRules = rules;  // remembered for the next import into this project
        saveProject(in->project, o.output, "traza-cli import");
    }
    if (!o.quiet) {
        std::cout << "Imported " << in->project.actors.size() << " actors and " << in->project.flows.size() << " flows into " << o.output
                  << "\n";
        for (const std::string& line : in->summary) std::cout << "  " << line << "\n";
    }
    keepImportUntilExit(std::move(in));
}

}  // namespace

void registerImportCommand(CLI::App& app) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* cmd = app.add_subcommand("import", "Create a project from chain JSON, a workbook (.xlsx, .ods) or actors and flows CSV files");
    cmd->add_option("input", options->input, "Chain JSON file (spec/chain-json.md) or workbook (.xlsx, .ods; docs/spreadsheets.md)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--actors", options->actors, "Actors table: a CSV file in any dialect, or a workbook whose first sheet it is")->check(CLI::ExistingFile);
    cmd->add_option("--flows", options->flows, "Flows table: a CSV file in any dialect, or a workbook whose first sheet it is")->check(CLI::ExistingFile);
    cmd->add_option("--actors-sheet", options->actorsSheet, "Workbook sheet of actors (default: the one named Actors or Actores)");
    cmd->add_option("--flows-sheet", options->flowsSheet, "Workbook sheet of flows (default: the one named Flows or Flujos)");
    cmd->add_option("--map", options->rules,
                    "A column rule, HEADER=FIELD, HEADER=FIELD/1000, HEADER=FIELD*0.001 or HEADER=ignore (repeatable)");
    cmd->add_option("--map-file", options->rulesFile, "A file of column rules, one a line")->check(CLI::ExistingFile);
    cmd->add_option("--rules-from", options->rulesFrom, "Reuse the column rules remembered by this project (.traza)")
        ->check(CLI::ExistingFile);
    cmd->add_option("-o,--output", options->output, "Project file to write (.traza; .json writes chain JSON) or server location (postgresql://host/db?project=NAME)")->required();
    cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
    cmd->callback([options] { runImport(*options); });
}

}  // namespace traza::cli
