// traza-cli report: a project (or chain JSON) -> the Excel due-diligence workbook.
#include <iostream>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "anonymise_flags.h"
#include "chain_comparison.h"
#include "period_comparison.h"
#include "commands.h"
#include "error.h"
#include "project_io.h"
#include "server_store.h"
#include "report.h"

namespace traza::cli {
namespace {

struct ReportCommandOptions {
    std::string input;
    std::string output;
    std::vector<std::string> destinations;
    std::string language = "en";
    bool constantMemory = false;
    bool noMap = false;
    int planStage = 1;
    std::string planLevel;
    double planTarget = -1;
    AnonymiseFlags anonymise;
    std::string compareWith;  ///< an earlier project: a Comparison sheet
    std::vector<std::string> comparePeriods;  ///< two periods of this project: a Comparison sheet
};

// The newest changes of a shared project's audit trail the report lists.
constexpr std::size_t kAuditLines = 5000;

// The project, and its audit trail when it comes from a server (not for an
// anonymised report: the trail names people and objects).
model::Project loadReported(const ReportCommandOptions& o, std::vector<reports::AuditLine>& audit) {
    if (!isServerPath(o.input) || o.anonymise.anonymise) return loadProject(o.input);
    // The read-only path `analyze` uses, the audit trail fetched while the objects are parsed.
    model::ServerReading reading = model::serverStore().readWithHistory(
        model::ServerLocation(o.input), model::Catalogue::installed(), kAuditLines);
    for (const model::AuditEntry& e : reading.history)
        audit.push_back({e.at, e.user, e.label, e.action, e.objectId.empty() ? e.kind : e.kind + " \"" + e.objectId + "\""});
    return std::move(reading.project);
}

void runReport(const ReportCommandOptions& o) {
    if (o.output == "-") throw InvalidInput("--output", "a workbook cannot be written to standard output");
    std::vector<std::string> destinations = o.destinations;
    std::vector<reports::AuditLine> audit;
    const model::Project& project =
        keepUntilExit(applyAnonymiseFlags(loadReported(o, audit), o.anonymise, o.language, &destinations));
    risk::AnalysisOptions analysisOptions;
    analysisOptions.destinations = destinations;
    analysisOptions.language = o.language;
    analysisOptions.planStage = o.planStage;
    if (!o.planLevel.empty()) {
        analysisOptions.planLevel = model::parseEvidence(o.planLevel);
        if (!analysisOptions.planLevel || *analysisOptions.planLevel == model::Evidence::None)
            throw InvalidInput("--plan-level", "must be self_declared, reported, documented or verified");
    }
    analysisOptions.planTarget = o.planTarget;
    const risk::Analysis& analysis = keepUntilExit(risk::analyze(project, analysisOptions));

    std::optional<risk::ChainComparison> comparison;
    if (!o.comparePeriods.empty()) {
        if (!o.compareWith.empty())
            throw InvalidInput("--compare-periods", "give either --compare-with or --compare-periods, not both");
        if (o.anonymise.anonymise)
            throw InvalidInput("--compare-periods", "cannot be anonymised yet; compare the two periods, then share");
        comparison = risk::comparePeriods(project, o.comparePeriods[0], o.comparePeriods[1], analysisOptions,
                                          "--compare-periods");
    } else if (!o.compareWith.empty()) {
        if (o.anonymise.anonymise)
            throw InvalidInput("--compare-with", "cannot be anonymised yet; compare the two projects, then share");
        const model::Project& earlier = keepUntilExit(loadProject(o.compareWith));
        const risk::Analysis& earlierAnalysis = keepUntilExit(risk::analyze(earlier, analysisOptions));
        comparison = risk::compareChains(earlier, earlierAnalysis, project, analysis);
    }

    reports::ReportOptions reportOptions;
    reportOptions.language = o.language;
    reportOptions.constantMemory = o.constantMemory;
    reportOptions.chainMap = !o.noMap;
    // An anonymised workbook leaves the team: no file name, no digest of a file its reader does not hold.
    if (o.input != "-" && !o.anonymise.anonymise && !isServerPath(o.input)) reportOptions.projectFile = o.input;
    if (comparison) {
        reportOptions.comparison = &*comparison;
        reportOptions.comparedWith = std::filesystem::path(o.compareWith).filename().string();
    }
    if (!audit.empty()) {
        reportOptions.audit = std::move(audit);
        reportOptions.auditSource = model::ServerLocation(o.input).display();
    }
    reports::writeReport(project, analysis, o.output, reportOptions);
}

}  // namespace

void registerReportCommand(CLI::App& app) {
    auto options = std::make_shared<ReportCommandOptions>();
    CLI::App* cmd = app.add_subcommand("report", "Write the Excel due-diligence workbook of a project");
    cmd->add_option("project", options->input, "Project file (.traza, or .json) or server location (postgresql://host/db?project=NAME)")->required()->check(existingFileOrLocation);
    cmd->add_option("-o,--output", options->output, "Workbook to write (.xlsx); replaced only when complete")
        ->required();
    cmd->add_option("--destination", options->destinations,
                    "Actor id counted as a destination (repeatable; default: the refiners)");
    cmd->add_option("--lang", options->language, "Language of the workbook: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->add_flag("--constant-memory", options->constantMemory,
                  "Write rows straight to disk (automatic above 50 000 flows)");
    cmd->add_option("--plan-stage", options->planStage, "Stage K of the Plan sheet (default 1)");
    cmd->add_option("--plan-level", options->planLevel, "Evidence level of a document-next plan on the Plan sheet");
    cmd->add_option("--plan-target", options->planTarget, "Traced share the plan must reach (default 0.8)");
    cmd->add_flag("--no-map", options->noMap, "Leave the chain map picture out");
    cmd->add_option("--compare-with", options->compareWith,
                    "An earlier project (.traza or .json): adds a Comparison sheet of what changed since")
        ->check(CLI::ExistingFile);
    cmd->add_option("--compare-periods", options->comparePeriods,
                    "Two periods of this project, A then B (2025-01, 2025-W03, or 2025-01..2025-03): adds a "
                    "Comparison sheet headed by the periods; only the delivery records dated in each count")
        ->expected(2);
    addAnonymiseFlags(*cmd, options->anonymise);
    cmd->callback([options] { runReport(*options); });
}

}  // namespace traza::cli
