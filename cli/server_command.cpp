// traza-cli push, pull and server (issue #22): a project between a file and a
// PostgreSQL server, so work can go offline and back; `server init` creates
// the schema and the roles in one command; `server history` prints the audit trail.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "project_io.h"
#include "server_store.h"

namespace traza::cli {
namespace {

struct ServerOptions {
    std::string from;
    std::string to;
    std::vector<std::string> editors;
    std::vector<std::string> reviewers;
    std::size_t limit = 50;
    bool quiet = false;
};

model::ServerLocation serverLocation(const std::string& text) {
    if (!model::isServerLocation(text))
        throw InvalidInput(text, "not a server location (postgresql://[user@]host[:port]/database?project=NAME)");
    return model::ServerLocation(text);
}

void runPush(const ServerOptions& o) {
    const model::ServerLocation to = serverLocation(o.to);
    const model::Project& p = keepUntilExit(loadProject(o.from));
    model::serverStore().saveWhole(p, to, "push " + std::filesystem::path(o.from).filename().string());
    if (!o.quiet) std::cout << "Pushed " << p.actors.size() << " actors and " << p.flows.size() << " flows to " << to.display() << "\n";
}

void runPull(const ServerOptions& o) {
    if (isServerPath(o.to)) throw InvalidInput(o.to, "pull writes a file; use push to copy to a server");
    const model::ServerLocation from = serverLocation(o.from);
    const model::Project& p =
        keepUntilExit(model::serverStore().read(from, model::Catalogue::installed()));
    saveProject(p, o.to);
    if (!o.quiet) std::cout << "Pulled " << p.actors.size() << " actors and " << p.flows.size() << " flows into " << o.to << "\n";
}

void runInit(const ServerOptions& o) {
    if (!model::isServerLocation(o.to)) throw InvalidInput(o.to, "not a server location (postgresql://[user@]host[:port]/database)");
    const model::ServerLocation at(o.to, false);  // init needs no project
    const int found = model::serverStore().initSchema(at, {o.editors, o.reviewers});
    if (o.quiet) return;
    std::cout << (found == 0 ? "Created" : found == model::kServerSchemaVersion ? "Checked" : "Migrated")
              << " the Traza schema (version " << model::kServerSchemaVersion << ") and the roles traza_editor and traza_reviewer\n";
}

void runHistory(const ServerOptions& o) {
    const auto project = model::serverStore().open(serverLocation(o.from), model::Catalogue::installed());
    for (const model::AuditEntry& e : project->history(o.limit))
        std::cout << e.at << "\t" << e.user << "\t" << e.label << "\t" << e.action << "\t" << e.kind << "\t" << e.objectId << "\n";
}

}  // namespace

void registerServerCommands(CLI::App& app) {
    auto o = std::make_shared<ServerOptions>();
    CLI::App* push = app.add_subcommand("push", "Copy a project to a server in one transaction (creates it, or writes what differs)");
    push->add_option("project", o->from, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    push->add_option("location", o->to, "postgresql://[user@]host[:port]/database?project=NAME")->required();
    push->add_flag("-q,--quiet", o->quiet, "Print nothing on success");
    push->callback([o] { runPush(*o); });

    CLI::App* pull = app.add_subcommand("pull", "Copy a project from a server to a file");
    pull->add_option("location", o->from, "postgresql://[user@]host[:port]/database?project=NAME")->required();
    pull->add_option("-o,--output", o->to, "Project file to write (.traza; .json writes chain JSON)")->required();
    pull->add_flag("-q,--quiet", o->quiet, "Print nothing on success");
    pull->callback([o] { runPull(*o); });

    CLI::App* server = app.add_subcommand("server", "Set up and inspect a team's PostgreSQL store");
    CLI::App* init = server->add_subcommand("init", "Create or migrate the Traza schema and the roles traza_editor and traza_reviewer");
    init->add_option("location", o->to, "postgresql://[user@]host[:port]/database (run as its owner or a superuser)")->required();
    init->add_option("--editor", o->editors, "Make this existing role an editor (repeatable)");
    init->add_option("--reviewer", o->reviewers, "Make this existing role a read-only reviewer (repeatable)");
    init->add_flag("-q,--quiet", o->quiet, "Print nothing on success");
    init->callback([o] { runInit(*o); });
    CLI::App* history = server->add_subcommand("history", "Print a project's audit trail, newest first");
    history->add_option("location", o->from, "postgresql://[user@]host[:port]/database?project=NAME")->required();
    history->add_option("--limit", o->limit, "At most this many changes (default 50)");
    history->callback([o] { runHistory(*o); });
    server->require_subcommand(1);
}

}  // namespace traza::cli
