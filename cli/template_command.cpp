// traza-cli template: the empty chain workbook to fill in Excel or LibreOffice
// and bring in with `traza-cli import` (reports/chain_workbook.h).
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "catalogue.h"
#include "chain_workbook.h"
#include "commands.h"
#include "error.h"

namespace traza::cli {
namespace {

struct TemplateOptions {
    std::string output;
    std::string language = "en";
};

void runTemplate(const TemplateOptions& o) {
    if (o.output == "-") throw InvalidInput("--output", "a workbook is not written to standard output; name a file");
    reports::writeChainTemplate(o.output, o.language, model::Catalogue::installed());
}

}  // namespace

void registerTemplateCommand(CLI::App& app) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App* cmd = app.add_subcommand("template", "Write an empty chain workbook (.xlsx) to fill and import");
    cmd->add_option("-o,--output", options->output, "Workbook to write (.xlsx); replaced only when complete")->required();
    cmd->add_option("--lang", options->language, "Language of the sheets, columns, lists and instructions: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->callback([options] { runTemplate(*options); });
}

}  // namespace traza::cli
