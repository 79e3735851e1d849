#pragma once
// The subcommands of traza-cli. Each lives in its own <name>_command.cpp and
// adds itself to the app with one register function; main.cpp calls them all.
// A command's callback throws traza::Error on failure and main turns it into
// one line on stderr and the exit status (2 invalid input, 1 other errors).
namespace CLI {
class App;
}

namespace traza::cli {

void registerImportCommand(CLI::App& app);  ///< import CHAIN.json | --actors A.csv --flows F.csv -o OUT
void registerExportCommand(CLI::App& app);  ///< export PROJECT [-f json|xlsx|graphml|dot|svg|png] -o OUT|- [--lang en|es]
void registerTemplateCommand(CLI::App& app);  ///< template -o OUT.xlsx [--lang en|es]
void registerInfoCommand(CLI::App& app);    ///< info PROJECT
void registerReportCommand(CLI::App& app);  ///< report PROJECT -o OUT.xlsx [--destination ID]... [--lang en|es]
void registerClaimsCommand(CLI::App& app);   ///< claims PROJECT [--json] [--lang en|es]
void registerCompareCommand(CLI::App& app);  ///< compare BEFORE AFTER [--json] [--lang en|es]
void registerAnalyzeCommand(CLI::App& app);  ///< analyze PROJECT [--json] [--destination ID]... [--threshold X] [--lang en|es]
void registerQuestionnaireCommand(CLI::App& app);  ///< questionnaire PROJECT --supplier ID [--supplier ID2 ...] -o OUT.xlsx|FOLDER [--lang en|es]
void registerAnswersCommand(CLI::App& app);  ///< answers PROJECT Q.xlsx [--supplier ID] [--dry-run] [-o OUT] [--lang en|es]
void registerCatalogueCommand(CLI::App& app);  ///< catalogue export PROJECT -o F.json [--all] | catalogue import PROJECT F.json [-o OUT] [--dry-run]
void registerServerCommands(CLI::App& app);  ///< push P.traza URI | pull URI -o P.traza | server init URI [--editor U] [--reviewer U] | server history URI

}  // namespace traza::cli
