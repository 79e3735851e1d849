// traza-cli questionnaire (issue #18): the workbook a supplier fills — its
// checklist items and its flows to confirm or correct — one file per supplier.
// traza-cli answers reads it back (answers_command.cpp).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "error.h"
#include "project_io.h"
#include "questionnaire_workbook.h"
#include "today.h"

namespace traza::cli {
namespace {

struct QuestionnaireOptions {
    std::string project;
    std::vector<std::string> suppliers;
    std::string output;
    std::string lang = "en";
};

void run(const QuestionnaireOptions& o) {
    const model::Project p = loadProject(o.project);
    for (const std::string& s : o.suppliers)
        if (!p.findActor(s)) throw InvalidInput("--supplier", "no actor has id \"" + s + "\" in " + o.project);
    const std::filesystem::path out(o.output);
    const bool intoFolder = std::filesystem::is_directory(out);
    if (o.suppliers.size() > 1 && !intoFolder)
        throw InvalidInput("--output", "with several suppliers, -o must be an existing folder (one questionnaire-<id>.xlsx each)");
    const std::string today = model::todayIso();
    for (const std::string& s : o.suppliers) {
        const std::filesystem::path file = intoFolder ? out / reports::questionnaireFileName(s) : out;
        reports::writeQuestionnaire(file, p, s, o.lang, today);
        std::cout << "Wrote " << file.string() << " for " << s << ".\n";
    }
}

}  // namespace

void registerQuestionnaireCommand(CLI::App& app) {
    auto o = std::make_shared<QuestionnaireOptions>();
    CLI::App* cmd = app.add_subcommand("questionnaire", "Write a supplier questionnaire (xlsx): its checklist items and its flows to "
                                                        "confirm or correct; read it back with `answers`");
    cmd->add_option("project", o->project, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--supplier", o->suppliers, "Actor id of the supplier (repeat for several)")->required();
    cmd->add_option("-o,--output", o->output, "Workbook to write (.xlsx); with several suppliers, an existing folder")->required();
    cmd->add_option("--lang", o->lang, "Language of the workbook")->check(CLI::IsMember({"en", "es"}));
    cmd->callback([o] { run(*o); });
}

}  // namespace traza::cli
