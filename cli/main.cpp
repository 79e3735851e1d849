// traza-cli: builds the CLI11 app from the registered subcommands and is the
// one place where errors become a message on stderr and an exit status:
// 0 success, 2 invalid input or command line, 1 any other failure.
#include <exception>
#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "error.h"
#include "process_memory.h"
#include "server_location.h"

namespace {

// traza-cli's commands allocate from one heap (process_memory.cpp): their
// helper threads mostly read. `report` fills sheets on two threads that both
// allocate for every cell (sheet_lanes.h); on one heap they would queue on its
// lock, so it keeps glibc's arenas, one per busy thread, like the workbench.
traza::model::MallocArenas arenasFor(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (word.empty() || word[0] == '-') continue;  // --version, --help before the command
        return word == "report" ? traza::model::MallocArenas::GlibcDefault : traza::model::MallocArenas::One;
    }
    return traza::model::MallocArenas::One;
}

int fail(int status, const char* what) {
    std::cerr << "traza-cli: " << what << '\n';
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    traza::model::tuneProcessMemory(arenasFor(argc, argv));
    CLI::App app{"Traza: due diligence for recycled-metal value chains.\n"
                 "Import, export and inspect chains and project files.",
                 "traza-cli"};
    app.set_version_flag("--version", "traza-cli " TRAZA_VERSION);
    // Not require_subcommand(1): CLI11 would then report "a subcommand is
    // required" even for a misspelt one; as an extra argument it is named.
    traza::cli::registerImportCommand(app);
    traza::cli::registerExportCommand(app);
    traza::cli::registerTemplateCommand(app);
    traza::cli::registerInfoCommand(app);
    traza::cli::registerReportCommand(app);
    traza::cli::registerAnalyzeCommand(app);
    traza::cli::registerCompareCommand(app);
    traza::cli::registerClaimsCommand(app);
    traza::cli::registerCatalogueCommand(app);
    traza::cli::registerQuestionnaireCommand(app);
    traza::cli::registerAnswersCommand(app);
    traza::cli::registerServerCommands(app);

    try {
        app.parse(argc, argv);  // runs the chosen subcommand's callback
        if (app.get_subcommands().empty()) {
            std::cerr << app.help() << "traza-cli: give a command (import, export, info, ...)\n";
            return 2;
        }
        return 0;
    } catch (const CLI::ParseError& e) {
        const int status = app.exit(e);  // prints help, version or the usage error
        return status == 0 ? 0 : 2;
    } catch (const traza::InvalidInput& e) {
        return fail(2, e.what());
    } catch (const traza::FileFormatError& e) {
        return fail(2, e.what());
    } catch (const traza::model::ServerError& e) {
        return fail(2, e.what());  // the server refused or cannot be reached (issue #22)
    } catch (const traza::Error& e) {
        return fail(1, e.what());
    } catch (const std::exception& e) {
        return fail(1, e.what());
    }
}
