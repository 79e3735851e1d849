// traza-cli compare: two projects side by side (issue #19) — the same chain a
// year later, or before and after a round of documentation — or two periods of
// one project's delivery records (--periods A B).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "chain_comparison.h"
#include "commands.h"
#include "error.h"
#include "number_text.h"
#include "period_comparison.h"
#include "project_io.h"

namespace traza::cli {
namespace {

struct CompareOptions {
    std::string before;
    std::string after;
    std::vector<std::string> periods;  ///< --periods A B: two periods of `before`
    bool json = false;
    std::string language = "en";
};

std::string signedText(double x, int decimals, bool es, const char* unit) {
    return (x > 0 ? "+" : x < 0 ? "−" : "±") + fixed(std::abs(x), decimals, es) + unit;
}

std::string arrow(const risk::Change& c, bool es, bool share) {
    if (share)
        return percent(c.before, es) + " → " + percent(c.after, es) + " (" +
               signedText(c.delta() * 100, 1, es, es ? " puntos" : " points") + ")";
    return fixed(c.before, 1, es) + " t → " + fixed(c.after, 1, es) + " t (" + signedText(c.delta(), 1, es, " t") + ")";
}

std::string horizonText(const std::optional<int>& h) { return h ? std::to_string(*h) : "-"; }

void printComparison(const risk::ChainComparison& c, const CompareOptions& o, std::ostream& out) {
    const bool es = o.language == "es";
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    if (c.periods.size() == 2) {
        auto side = [&](const risk::ComparedPeriod& p) {
            return p.label + " (" + p.start + t(" to ", " a ") + p.end + ", " + std::to_string(p.records) +
                   t(" records)", " registros)");
        };
        out << t("Project: ", "Proyecto: ") << o.before << "\n"
            << t("Before: ", "Antes: ") << side(c.periods[0]) << "\n"
            << t("After:  ", "Después: ") << side(c.periods[1]) << "\n"
            << t("Only delivery records carry dates: ", "Solo los registros de entrega tienen fecha: ")
            << c.periods[0].undatedFlows << t(" flows without records (", " flujos sin registros (")
            << fixed(c.periods[0].undatedT, 1, es) << t(" t, undated) are left out of both periods.\n\n",
                                                        " t, sin fecha) quedan fuera de los dos periodos.\n\n");
    } else {
        out << t("Before: ", "Antes: ") << o.before << "\n" << t("After:  ", "Después: ") << o.after << "\n\n";
    }
    out << t("Tonnes reaching the destinations: ", "Toneladas que llegan a los destinos: ") << arrow(c.totalT, es, false)
        << "\n"
        << t("Tonnes in all flows: ", "Toneladas en todos los flujos: ") << arrow(c.flowTonnes, es, false) << "\n"
        << t("Actors: ", "Actores: ") << c.actorsAdded << t(" added, ", " añadidos, ") << c.actorsRemoved
        << t(" removed; flows: ", " retirados; flujos: ") << c.flowsAdded << t(" added, ", " añadidos, ")
        << c.flowsRemoved << t(" removed", " retirados") << "\n";

    out << "\n" << t("Documented share of the flows' tonnes at each evidence level (first mile: from stage 1)",
                     "Parte documentada de las toneladas de los flujos en cada nivel de evidencia (primera milla: desde el eslabón 1)")
        << "\n";
    for (const risk::LevelComparison& l : c.levels)
        out << "  " << model::toString(l.level) << ": " << arrow(l.documentedShare, es, true) << t("; first mile ", "; primera milla ")
            << arrow(l.firstMileDocumentedShare, es, true) << "\n";

    out << "\n" << t("Destination input traced back to stage k, and horizon", "Entrada a los destinos trazada hasta el eslabón k, y horizonte")
        << "\n";
    for (const risk::LevelComparison& l : c.levels) {
        out << "  " << model::toString(l.level) << ":";
        for (const auto& [k, v] : l.tracedByStage) out << "  k=" << k << " " << percent(v.before, es) << " → " << percent(v.after, es);
        out << t("  horizon ", "  horizonte ") << horizonText(l.horizonBefore) << " → " << horizonText(l.horizonAfter) << "\n";
    }

    out << "\n" << t("Choke points (rank before → after; 0: not one)", "Puntos de control (puesto antes → después; 0: no lo es)") << "\n";
    if (c.chokePoints.empty()) out << "  " << t("none in either", "ninguno en ninguno de los dos") << "\n";
    for (const risk::ChokePointComparison& p : c.chokePoints)
        out << "  " << p.name << " [" << p.id << "]: " << p.rankBefore << " → " << p.rankAfter << ", "
            << t("share ", "participación ") << arrow(p.flowShare, es, true) << "\n";

    out << "\n" << t("Red flags: ", "Señales de alerta: ") << c.newFlags.size() << t(" new, ", " nuevas, ") << c.resolvedFlags.size()
        << t(" no longer raised", " que ya no aparecen") << "\n";
    for (const risk::RedFlag& f : c.newFlags) out << "  + [" << f.severity << "] " << f.detail.text() << "\n";
    for (const risk::RedFlag& f : c.resolvedFlags) out << "  - [" << f.severity << "] " << f.detail.text() << "\n";

    out << "\n" << t("Largest changes in what actors sell", "Mayores cambios en lo que venden los actores") << "\n";
    if (c.actorTonnes.empty()) out << "  " << t("none", "ninguno") << "\n";
    for (std::size_t i = 0; i < c.actorTonnes.size() && i < 15; ++i) {
        const risk::ActorTonnes& a = c.actorTonnes[i];
        out << "  " << a.name << " [" << a.id << "]: " << arrow(a.outT, es, false);
        if (a.added) out << t(", new", ", nuevo");
        if (a.removed) out << t(", gone", ", ya no está");
        out << "\n";
    }
    if (c.actorTonnes.size() > 15)
        out << "  " << t("… and ", "… y ") << c.actorTonnes.size() - 15 << t(" more (--json lists all)", " más (--json los lista todos)") << "\n";
}

void runCompare(const CompareOptions& o) {
    risk::AnalysisOptions options;
    options.language = o.language;
    if (!o.periods.empty()) {
        if (!o.after.empty())
            throw InvalidInput("--periods", "compares two periods of one project: give one project, not two");
        const model::Project& project = keepUntilExit(loadProject(o.before));
        const risk::ChainComparison c = risk::comparePeriods(project, o.periods[0], o.periods[1], options, "--periods");
        if (o.json) std::cout << risk::comparisonToJson(c) << "\n";
        else printComparison(c, o, std::cout);
        std::cout << std::flush;
        return;
    }
    if (o.after.empty())
        throw InvalidInput("compare", "give two projects (BEFORE AFTER), or one project and --periods A B");
    const model::Project& before = keepUntilExit(loadProject(o.before));
    const model::Project& after = keepUntilExit(loadProject(o.after));
    const risk::Analysis& beforeAnalysis = keepUntilExit(risk::analyze(before, options));
    const risk::Analysis& afterAnalysis = keepUntilExit(risk::analyze(after, options));
    const risk::ChainComparison c = risk::compareChains(before, beforeAnalysis, after, afterAnalysis);
    if (o.json) std::cout << risk::comparisonToJson(c) << "\n";
    else printComparison(c, o, std::cout);
    std::cout << std::flush;
}

}  // namespace

void registerCompareCommand(CLI::App& app) {
    auto options = std::make_shared<CompareOptions>();
    CLI::App* cmd = app.add_subcommand(
        "compare", "Compare two projects (the same chain later, or another), or two periods of one project's delivery "
                   "records (--periods): tonnes, documented and traced shares, horizon, choke points, red flags and "
                   "the actors whose sales changed");
    cmd->add_option("before", options->before, "The earlier project (.traza or .json); with --periods, the project")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("after", options->after, "The later project (.traza or .json); none with --periods")
        ->check(CLI::ExistingFile);
    cmd->add_option("--periods", options->periods,
                    "Compare two periods of one project, A then B: a month (2025-01), an ISO week (2025-W03) or an "
                    "inclusive range (2025-01..2025-03). Only the delivery records dated in each period count; flows "
                    "without records are left out and their tonnes reported as undated")
        ->expected(2);
    cmd->add_flag("--json", options->json, "Write the comparison as JSON");
    cmd->add_option("--lang", options->language, "Language of the text and the red flags' sentences: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    cmd->callback([options] { runCompare(*options); });
}

}  // namespace traza::cli
