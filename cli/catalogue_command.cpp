// traza-cli catalogue export|import (issue #18): a team's own framework — risk
// factors, document types, typologies, checklist templates, red-flag rules'
// severity and parameters, actor kinds' texts, claim profiles — moved between projects as
// one JSON file. Import says what it adds, replaces and retires, and where a
// retired entry is still used; the project is saved only if all of it applies.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "catalogue_uses.h"
#include "commands.h"
#include "error.h"
#include "framework_file.h"
#include "project_io.h"
#include "validation.h"

namespace traza::cli {
namespace {

struct CatalogueExportOptions {
    std::string project;
    std::string output;
    bool all = false;
};

struct CatalogueImportOptions {
    std::string project;
    std::string framework;
    std::string output;
    bool dryRun = false;
};

// Who in the project still uses a retired entry.
std::string usesOf(const model::Project& p, const model::CatalogueChange& c) {
    if (c.list == "red_flag_rules") return "no longer checked";
    if (c.list == "claim_profiles" || c.list == "actor_kinds") return {};
    const std::vector<std::string> users = model::catalogueEntryUsers(p, c.list, c.id);
    if (c.list == "checklist_templates")
        return users.empty() ? "not used in this project" : "still followed by the checklists of " + model::someIds(users);
    if (users.empty()) return "not used in this project";
    return "still used by " + std::string(c.list == "risk_factors" ? "actors " : "flows ") + model::someIds(users);
}

void printChanges(const model::Project& p, const std::vector<model::CatalogueChange>& changes, std::ostream& out) {
    using Kind = model::CatalogueChange::Kind;
    std::vector<std::string> lists;
    for (const auto& c : changes)
        if (std::find(lists.begin(), lists.end(), c.list) == lists.end()) lists.push_back(c.list);
    if (lists.empty()) out << "The framework file has no entries.\n";
    for (const std::string& list : lists) {
        out << list << ":";
        for (Kind kind : {Kind::Added, Kind::Replaced, Kind::Unchanged}) {
            std::vector<std::string> ids;
            for (const auto& c : changes)
                if (c.list == list && c.kind == kind) ids.push_back(c.id);
            if (ids.empty()) continue;
            out << " " << (kind == Kind::Added ? "adds " : kind == Kind::Replaced ? "replaces " : "unchanged ") << ids.size()
                << " (";
            for (std::size_t i = 0; i < ids.size(); ++i) out << (i ? ", " : "") << ids[i];
            out << ");";
        }
        out << "\n";
        for (const auto& c : changes)
            if (c.list == list && c.retired) {
                const std::string uses = usesOf(p, c);
                out << "  retired " << c.id << (uses.empty() ? "" : ": " + uses) << "\n";
            }
    }
}

void runExport(const CatalogueExportOptions& o) {
    const model::Project p = loadProject(o.project);
    const std::string text = model::frameworkJson(p.catalogue, model::Catalogue::installed(), o.all);
    if (o.output == "-") writeStdout([&](const ByteSink& sink) { sink(text); });
    else writeFileAtomically(o.output, text);
}

void runImport(const CatalogueImportOptions& o) {
    model::Project p = loadProject(o.project);
    model::FrameworkImport merged = model::readFrameworkFile(o.framework, p.catalogue);
    p.catalogue = std::move(merged.catalogue);
    // Entries are only added or changed, so ids the project uses stay known; the
    // check stays because a replaced entry could still break what uses it.
    const auto issues = model::validateProject(p);
    if (!issues.empty())
        throw InvalidInput(o.project + ": " + issues.front().path, issues.front().reason + " (with " + o.framework + ")");
    printChanges(p, merged.changes, std::cout);
    if (o.dryRun) {
        std::cout << "Nothing saved (--dry-run).\n";
        return;
    }
    const std::string out = o.output.empty() ? o.project : o.output;
    saveProject(p, out);
    std::cout << "Saved " << out << ".\n";
}

}  // namespace

void registerCatalogueCommand(CLI::App& app) {
    CLI::App* cmd = app.add_subcommand(
        "catalogue", "Move a framework (the project's own risk factors, document types, typologies, red-flag rule "
                     "settings, actor kinds' labels, claim profiles) between projects as a JSON file");
    cmd->require_subcommand(1);

    auto ex = std::make_shared<CatalogueExportOptions>();
    CLI::App* exportCmd = cmd->add_subcommand("export", "Write the project's own catalogue entries to a framework file");
    exportCmd->add_option("project", ex->project, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    exportCmd->add_option("-o,--output", ex->output, "Framework file to write (.json), or - for standard output")->required();
    exportCmd->add_flag("--all", ex->all, "Write every entry of the project's catalogue, not only those that differ from Traza's");
    exportCmd->callback([ex] { runExport(*ex); });

    auto im = std::make_shared<CatalogueImportOptions>();
    CLI::App* importCmd = cmd->add_subcommand("import", "Merge a framework file into a project: entries with a known id "
                                                        "replace it, others are added; says what changed");
    importCmd->add_option("project", im->project, "Project file (.traza, or .json)")->required()->check(CLI::ExistingFile);
    importCmd->add_option("framework", im->framework, "Framework file (from catalogue export)")->required()->check(CLI::ExistingFile);
    importCmd->add_option("-o,--output", im->output, "Write the result here instead of over the project");
    importCmd->add_flag("--dry-run", im->dryRun, "Say what would change, save nothing");
    importCmd->callback([im] { runImport(*im); });
}

}  // namespace traza::cli
