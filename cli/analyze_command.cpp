// traza-cli analyze: a project (or chain JSON) -> the analysis, as a readable
// summary or, with --json, in the spec's JSON form (shared/spec/chain-json.md).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <CLI/CLI.hpp>

#include "analysis.h"
#include "anonymise_flags.h"
#include "commands.h"
#include "number_text.h"
#include "error.h"
#include "project_io.h"
#include "red_flag_lines.h"
#include "series_text.h"

namespace traza::cli {
namespace {

struct AnalyzeCommandOptions {
    std::string input;
    bool json = false;
    std::vector<std::string> destinations;
    double threshold = 0.25;
    double traceThreshold = 0.8;
    std::string language = "en";
    AnonymiseFlags anonymise;
    int planStage = 1;
    std::string planLevel;  ///< empty: no plan
    double planTarget = -1;
    bool reconcile = false;
};

// The credit method's shares, in the same layout as the proportional matrix.
void printCredit(const risk::Analysis& a, bool es, std::ostream& out) {
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    if (a.traceability.levels.empty() || a.traceability.levels[0].byStageCredit.empty()) return;
    out << "\n"
        << t("Traceability by the credit method (mass balance): the most destination input that can be claimed as "
             "documented back to stage k",
             "Trazabilidad por el método de créditos (balance de masa): lo máximo de la entrada a los destinos que "
             "puede declararse documentado hasta el eslabón k")
        << "\n  "
        << t("A mass-balance claim implies no physical content: it does not say which tonnes are documented.",
             "Una declaración de balance de masa no implica contenido físico: no dice qué toneladas están documentadas.")
        << "\n";
    char buf[64];
    out << "  " << std::string(15, ' ');
    for (const auto& [k, v] : a.traceability.levels[0].byStageCredit) {
        std::snprintf(buf, sizeof buf, "%9s", ("k=" + std::to_string(k)).c_str());
        out << buf;
    }
    out << "\n";
    for (const auto& l : a.traceability.levels) {
        std::snprintf(buf, sizeof buf, "  %-15s", std::string(model::toString(l.level)).c_str());
        out << buf;
        for (const auto& [k, v] : l.byStageCredit) {
            std::snprintf(buf, sizeof buf, "%9s", percent(v, es).c_str());
            out << buf;
        }
        out << "\n";
    }
}

// The five flows worth most at each level, with their exact gains.
void printNextFlows(const risk::Analysis& a, bool es, std::ostream& out) {
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    bool any = false;
    for (const auto& l : a.traceability.levels) any = any || !l.nextFlows.empty();
    if (!any) return;
    out << "\n"
        << t("What to document next: flows whose documentation would raise the traced share the most",
             "Qué documentar ahora: flujos cuya documentación más elevaría la proporción trazada")
        << "\n";
    for (const auto& l : a.traceability.levels) {
        if (l.nextFlows.empty()) continue;
        out << "  " << model::toString(l.level) << ":";
        for (std::size_t i = 0; i < l.nextFlows.size() && i < 5; ++i)
            out << (i ? ", " : " ") << l.nextFlows[i].flow << " +" << percent(l.nextFlows[i].gain, es) << " ("
                << fixed(l.nextFlows[i].tonnes, 1, es) << " t)";
        out << "\n";
    }
}

void printPlan(const risk::DocumentationPlan& p, bool es, std::ostream& out) {
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    out << "\n"
        << t("Plan: flows to document at ", "Plan: flujos a documentar en nivel ") << model::toString(p.level)
        << t(" to trace ", " para trazar ") << percent(p.target, es) << t(" back to stage ", " hasta el eslabón ")
        << p.stage << " (" << t("today ", "hoy ") << percent(p.start, es) << ")\n";
    std::size_t i = 0;
    for (const auto& s : p.steps) {
        if (++i > 50) {
            out << "  ... " << p.steps.size() - 50 << t(" more steps (see --json)", " pasos más (ver --json)") << "\n";
            break;
        }
        out << "  " << i << ". " << s.flow << ": " << fixed(s.tonnes, 1, es) << " t -> " << percent(s.traced, es)
            << "\n";
    }
    out << "  " << (p.reached ? t("reached with ", "se alcanza con ") : t("not reachable; best with ", "no se alcanza; lo mejor con "))
        << fixed(p.tonnes, 1, es) << t(" t to document", " t a documentar") << "\n";
}

// The χ² verdict in words and the figures ranked by |z| (at most ten).
void printReconciliation(const risk::Reconciliation& r, bool used, bool es, std::ostream& out) {
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    out << "\n" << t("Reconciliation", "Conciliación") << " ("
        << (used ? t("the analysis above uses the reconciled figures", "el análisis de arriba usa las cifras conciliadas")
                 : t("the analysis above uses the figures as entered", "el análisis de arriba usa las cifras registradas"))
        << ")\n";
    if (r.dof > 0)
        out << "  chi2 = " << fixed(r.chi2, 2, es) << ", dof = " << r.dof << ", p = " << fixed(r.pValue, 4, es)
            << t(" (critical at 5%: ", " (crítico al 5 %: ") << fixed(r.chi2Critical, 2, es) << "): "
            << (r.pValue < r.alpha ? t("the figures contradict each other more than their uncertainties allow",
                                       "las cifras se contradicen más de lo que permiten sus incertidumbres")
                                   : t("the figures agree within their uncertainties",
                                       "las cifras concuerdan dentro de sus incertidumbres"))
            << "\n";
    else
        out << "  " << t("no balance checks any uncertain figure", "ningún balance verifica una cifra incierta") << "\n";
    if (r.status == "inconsistent")
        out << "  " << t("some balances are off and none of their figures may change (see cannot_close in --json)",
                         "algunos balances no cierran y ninguna de sus cifras puede cambiar (ver cannot_close en --json)")
            << "\n";
    std::vector<const risk::ReconciledFigure*> ranked;
    std::size_t unchecked = 0;
    for (const auto& f : r.figures) {
        if (std::isfinite(f.z)) ranked.push_back(&f);
        if (f.status == risk::FigureStatus::NotRedundant) ++unchecked;
    }
    std::sort(ranked.begin(), ranked.end(), [](auto* x, auto* y) { return std::fabs(x->z) > std::fabs(y->z); });
    if (ranked.size() > 10) ranked.resize(10);
    for (const auto* f : ranked)
        out << "  " << f->id << (f->kind == risk::FigureKind::Flow ? "" : f->kind == risk::FigureKind::Loss ? " loss_t" : " stock_change_t")
            << ": " << fixed(f->givenT, 2, es) << " -> " << fixed(f->reconciledT, 2, es) << " ± " << fixed(f->sdT, 2, es)
            << " t, z = " << fixed(f->z, 2, es) << (f->implausible ? t("  IMPLAUSIBLE", "  INVEROSÍMIL") : "") << "\n";
    if (unchecked > 0)
        out << "  " << unchecked
            << t(" uncertain figure(s) are checked by no balance: an error in them could not be detected",
                 " cifra(s) incierta(s) no las verifica ningún balance: un error en ellas no se podría detectar")
            << "\n";
}

void printSummary(const model::Project& project, const risk::Analysis& a, bool es, std::ostream& out) {
    auto t = [es](const char* en, const char* spanish) { return es ? spanish : en; };
    // The actors named below (destinations, choke points), found in one pass:
    // a national chain has 66 000 actors and hundreds of choke points.
    std::unordered_map<std::string_view, const model::Actor*> named;
    for (const auto& d : a.destinations) named.emplace(d.id, nullptr);
    for (const auto& r : a.actors)
        if (r.chokePoint) named.emplace(r.id, nullptr);
    for (const model::Actor& actor : project.actors)
        if (auto it = named.find(actor.id); it != named.end() && !it->second) it->second = &actor;
    auto name = [&](const std::string& id) {
        const auto it = named.find(id);
        const model::Actor* actor = it == named.end() ? nullptr : it->second;
        return actor && !actor->name.empty() && actor->name != id ? id + " (" + actor->name + ")" : id;
    };

    out << (project.assessment.title.empty() ? std::string(t("Analysis", "Análisis")) : project.assessment.title) << "\n"
        << project.actors.size() << t(" actors, ", " actores, ") << project.flows.size() << t(" flows\n\n", " flujos\n\n");

    out << t("Destinations", "Destinos") << " (T = " << fixed(a.totalT, 1, es) << " t)\n";
    if (a.destinations.empty()) out << "  " << t("none", "ninguno") << "\n";
    for (const auto& d : a.destinations)
        out << "  " << name(d.id) << ": " << fixed(d.inputT, 1, es) << t(" t, exposure ", " t, exposición ")
            << fixed(d.exposure, 2, es) << " (" << d.exposureLevel << ")\n";

    std::vector<const risk::ActorResult*> chokes;
    for (const auto& r : a.actors)
        if (r.chokePoint) chokes.push_back(&r);
    std::sort(chokes.begin(), chokes.end(), [](auto* x, auto* y) { return x->chokeRank < y->chokeRank; });
    out << "\n" << t("Choke points", "Puntos de control") << "\n";
    if (chokes.empty()) out << "  " << t("none", "ninguno") << "\n";
    for (const auto* c : chokes) {
        out << "  " << c->chokeRank << ". " << name(c->id) << t(" (score ", " (puntaje ") << fixed(c->chokeScore, 3, es)
            << t(", risk ", ", riesgo ") << c->risk.level << ")\n";
        for (const auto& reason : c->chokeReasons) out << "     - " << reason << "\n";
    }

    out << "\n"
        << t("Traceability: share of destination input documented on every hop back to stage k",
             "Trazabilidad: parte de la entrada a los destinos documentada en cada tramo hasta el eslabón k")
        << " (θ = " << percent(a.traceability.threshold, es) << ")\n";
    if (!a.traceability.levels.empty() && !a.traceability.levels[0].byStage.empty()) {
        char buf[64];
        out << "  " << std::string(15, ' ');
        for (const auto& [k, v] : a.traceability.levels[0].byStage) {
            std::snprintf(buf, sizeof buf, "%9s", ("k=" + std::to_string(k)).c_str());
            out << buf;
        }
        out << "  " << t("horizon", "horizonte") << "\n";
        for (const auto& l : a.traceability.levels) {
            std::snprintf(buf, sizeof buf, "  %-15s", std::string(model::toString(l.level)).c_str());
            out << buf;
            for (const auto& [k, v] : l.byStage) {
                std::snprintf(buf, sizeof buf, "%9s", percent(v, es).c_str());
                out << buf;
            }
            out << "  " << (l.horizon ? std::to_string(*l.horizon) : std::string("-")) << "\n";
        }
    } else {
        out << "  " << t("no earlier stage to trace back to", "no hay eslabón anterior que rastrear") << "\n";
    }

    printCredit(a, es, out);
    printNextFlows(a, es, out);
    if (a.plan) printPlan(*a.plan, es, out);

    out << "\n" << t("Traceability limits", "Límites de la trazabilidad") << "\n";
    for (const auto& s : a.statement) out << "  - " << s << "\n";

    out << "\n" << t("Red flags", "Señales de alerta") << " (" << a.redFlags.size() << ")\n";
    printRedFlagLines(a.redFlags, es, out);

    if (a.reconciliation) printReconciliation(*a.reconciliation, a.usesReconciledFigures, es, out);

    printSeries(project, a, es, out);  // issue #19: only with delivery records

    if (a.claims) {  // one line per period; `traza-cli claims` gives the whole account
        out << "\n" << t("Claim accounts (mass balance, credit method; no physical content implied)",
                         "Cuentas de declaración (balance de masa, método de créditos; sin contenido físico)")
            << "\n";
        for (const auto& c : a.claims->accounts)
            for (const auto& p : c.periods)
                out << "  " << name(c.actor) << " " << p.start << ".." << p.end << t(": eligible input ", ": entrada admisible ")
                    << percent(p.inputShare(), es) << t(", claimable ", ", declarable ") << fixed(p.carriedInT + p.creditsT, 1, es)
                    << t(" t, claimed ", " t, declarada ") << fixed(p.claimedT, 1, es) << t(" t, expired ", " t, vencida ")
                    << fixed(p.expiredT, 1, es) << t(" t, carried ", " t, trasladada ") << fixed(p.balanceT, 1, es) << " t\n";
    }

    if (!a.warnings.empty()) {
        out << "\n" << t("Warnings", "Advertencias") << "\n";
        for (const auto& w : a.warnings) out << "  - " << w << "\n";
    }
}

void runAnalyze(const AnalyzeCommandOptions& o) {
    std::vector<std::string> destinations = o.destinations;
    const model::Project& project =
        keepUntilExit(applyAnonymiseFlags(loadProject(o.input, 8), o.anonymise, o.language, &destinations));
    risk::AnalysisOptions options;
    options.destinations = destinations;
    options.chokeShareThreshold = o.threshold;
    options.traceThreshold = o.traceThreshold;
    options.language = o.language;
    options.planStage = o.planStage;
    if (!o.planLevel.empty()) {
        options.planLevel = model::parseEvidence(o.planLevel);
        if (!options.planLevel || *options.planLevel == model::Evidence::None)
            throw InvalidInput("--plan-level", "must be self_declared, reported, documented or verified");
    }
    options.planTarget = o.planTarget;
    options.reconcile = o.reconcile;
    options.traceBreaks = o.json;  // the summary does not list them (85 000 on a national chain)
    const risk::Analysis& analysis = keepUntilExit(risk::analyze(project, options));
    if (o.json)  // streamed: a national chain's analysis is tens of MB
        writeStdout([&](const ByteSink& sink) {
            risk::writeAnalysisJson(analysis, sink);
            sink("\n");
        });
    else
        printSummary(project, analysis, o.language == "es", std::cout);
}

}  // namespace

void registerAnalyzeCommand(CLI::App& app) {
    auto options = std::make_shared<AnalyzeCommandOptions>();
    CLI::App* cmd = app.add_subcommand("analyze", "Analyse a chain: flow shares, choke points, traceability, red flags");
    cmd->add_option("project", options->input, "Project file (.traza, or .json) or server location (postgresql://host/db?project=NAME)")->required()->check(existingFileOrLocation);
    cmd->add_flag("--json", options->json, "Print the analysis as JSON (shared/spec/chain-json.md)");
    cmd->add_option("--destination", options->destinations,
                    "Actor id counted as a destination (repeatable; default: the refiners, else the sinks)");
    cmd->add_option("--threshold", options->threshold, "Flow share from which an actor is a choke point (default 0.25)");
    cmd->add_option("--trace-threshold", options->traceThreshold,
                    "Share θ that sets the traceability horizon (default 0.8)");
    cmd->add_option("--plan-stage", options->planStage,
                    "Stage K for next_flows and the plan: trace back to an actor of stage <= K (default 1)");
    cmd->add_option("--plan-level", options->planLevel,
                    "Evidence level of a document-next plan (self_declared, reported, documented, verified)");
    cmd->add_option("--plan-target", options->planTarget,
                    "Traced share the plan must reach (default: --trace-threshold)");
    cmd->add_flag("--reconcile", options->reconcile,
                  "Analyse the reconciled figures (weighted least squares over the figures entered with ± sd_t) "
                  "instead of the figures as entered");
    cmd->add_option("--lang", options->language, "Language of the sentences: en or es")
        ->check(CLI::IsMember({"en", "es"}));
    addAnonymiseFlags(*cmd, options->anonymise);
    cmd->callback([options] { runAnalyze(*options); });
}

}  // namespace traza::cli
