// traza-cli answers (issue #18): reads a supplier's returned questionnaire,
// prints what would change (item by item, flow by flow) and, unless
// --dry-run, applies it as one undoable change and saves the project
// atomically. Any problem refuses the whole file, naming the cell.
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "answers_reader.h"
#include "answers_text.h"
#include "apply_answers.h"
#include "command_stack.h"
#include "commands.h"
#include "project_io.h"
#include "questionnaire_texts.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "today.h"

namespace traza::cli {
namespace {

struct AnswersOptions {
    std::string project;
    std::string workbook;
    std::string supplier;
    std::string output;
    std::string lang = "en";
    bool dryRun = false;
};

void run(const AnswersOptions& o) {
    model::Project p = loadProject(o.project);
    const model::Workbook book = model::readSpreadsheet(o.workbook);
    model::questionnaire::Answers answers = model::questionnaire::readAnswers(p, book, o.workbook, model::todayIso(), o.supplier);
    std::cout << reports::describeAnswers(answers, p, o.workbook, o.lang);
    if (o.dryRun) {
        std::cout << reports::questionnaireText("diff.dry_run", o.lang) << "\n";
        return;
    }
    if (answers.empty()) return;
    model::CommandStack stack;
    auto command = std::make_unique<model::questionnaire::ApplyAnswers>(std::move(answers));
    const std::string label = command->label();
    stack.execute(p, std::move(command));
    const std::string out = o.output.empty() ? o.project : o.output;
    saveProject(p, out);
    std::cout << reports::questionnaireText("diff.saved", o.lang, {label, out}) << "\n";
}

}  // namespace

void registerAnswersCommand(CLI::App& app) {
    auto o = std::make_shared<AnswersOptions>();
    CLI::App* cmd = app.add_subcommand("answers", "Read a returned supplier questionnaire: show what changes and apply it "
                                                  "as one change (refused whole, with the cell named, on any error)");
    cmd->add_option("project", o->project, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    cmd->add_option("workbook", o->workbook, "The returned questionnaire (.xlsx or .ods)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--supplier", o->supplier, "Refuse a questionnaire of any other supplier");
    cmd->add_option("-o,--output", o->output, "Write the result here instead of over the project");
    cmd->add_option("--lang", o->lang, "Language of the printed changes")->check(CLI::IsMember({"en", "es"}));
    cmd->add_flag("--dry-run", o->dryRun, "Show what would change, save nothing");
    cmd->callback([o] { run(*o); });
}

}  // namespace traza::cli
