#include "analysis.h"

#include <cmath>
#include <future>
#include <utility>

#include "chain_graph.h"
#include "chain_warnings.h"
#include "claims/credit_traceability.h"
#include "claims/documentation_plan.h"
#include "claims/project_claims.h"
#include "choke_points.h"
#include "destination_exposure.h"
#include "destinations.h"
#include "dominators.h"
#include "error.h"
#include "evidence_warnings.h"
#include "findings/flag_findings.h"
#include "flow_share.h"
#include "limits_statement.h"
#include "mass_balance.h"
#include "proportional_mixing.h"
#include "red_flags.h"
#include "risk_score.h"
#include "risk_weights.h"
#include "series/series.h"
#include "start_task.h"
#include "supplier_checklists.h"
#include "text.h"
#include "trace_breaks.h"
#include "traceability.h"
#include "typology_mix.h"
#include "upstream.h"

namespace traza::risk {

namespace {
constexpr std::size_t kMaxPlanSteps = 100000;  // a plan never runs away on a hostile chain
}  // namespace

const ActorResult* Analysis::actor(const std::string& id) const {
    for (const ActorResult& a : actors)
        if (a.id == id) return &a;
    return nullptr;
}

namespace {

Analysis analyzeFigures(const model::Project& project, const AnalysisOptions& options,
                        const Reconciliation* reconciliation);

}  // namespace

Analysis analyze(const model::Project& project, const AnalysisOptions& options) {
    if (options.planStage < 1) throw InvalidInput("--plan-stage", "must be a stage from 1");
    if (!Reconciliation::applies(project)) return analyzeFigures(project, options, nullptr);
    // Reconciliation balances the actors the analysis balances: neither a
    // source nor a destination (the destinations as the analysis chooses them).
    std::vector<char> isDestination;
    {
        const ChainGraph chain(project, options.language);
        isDestination = chooseDestinations(chain, options.destinations).contains;
    }
    Reconciliation rec = reconcile(project, isDestination);
    Analysis a;
    if (options.reconcile) {
        const model::Project reconciled = reconciledProject(project, rec);
        a = analyzeFigures(reconciled, options, &rec);
        a.usesReconciledFigures = true;
        const Text text(options.language == "es" ? "es" : "en");
        a.warnings.insert(a.warnings.begin(),
                          text.pick("This analysis uses the reconciled figures (--reconcile): every uncertain figure is "
                                    "replaced by its weighted least-squares estimate, and unknown flows by their computed "
                                    "value where the balances determine them (docs/methodology.md, \"Reconciliation\").",
                                    "Este análisis usa las cifras conciliadas (--reconcile): cada cifra incierta se "
                                    "reemplaza por su estimación de mínimos cuadrados ponderados, y los flujos "
                                    "desconocidos por su valor calculado donde los balances lo determinan "
                                    "(docs/methodology.md, \"Reconciliation\")."));
    } else {
        a = analyzeFigures(project, options, &rec);
    }
    a.reconciliation = std::move(rec);
    return a;
}

namespace {

Analysis analyzeFigures(const model::Project& project, const AnalysisOptions& options,
                        const Reconciliation* reconciliation) {
    auto fraction = [](double x) { return std::isfinite(x) && x >= 0 && x <= 1; };
    if (!fraction(options.chokeShareThreshold))
        throw InvalidInput("--threshold", "must be a number from 0 to 1");
    if (!fraction(options.traceThreshold)) throw InvalidInput("--trace-threshold", "must be a number from 0 to 1");
    if (options.planTarget >= 0 && !fraction(options.planTarget))
        throw InvalidInput("--plan-target", "must be a number from 0 to 1");
    const std::string lang = options.language == "es" ? "es" : "en";
    const Text text(lang);

    // Parts that read only the project, or the graph, the destinations and
    // the flow shares, run as tasks beside this thread, which scores risks and
    // ranks choke points: the progress series (about 40 % of the analysis on a
    // national year of records), the evidence warnings (beside building the
    // graph), the traceability, the documentation gains, the red flags. As one
    // side task the last three made it a third longer than this thread, which
    // then waited; as tasks of their own the two cores share them as they come.
    // The longest, the red flags, starts first. Each task writes only its own
    // results, so the analysis is the same whichever finishes first.
    std::future<std::optional<Series>> seriesFuture =
        startTask(options.secondThread && projectHasRecords(project), [&]() -> std::optional<Series> {
            if (!projectHasRecords(project)) return std::nullopt;
            return computeSeries(project, options.destinations, lang);
        });
    std::future<std::vector<std::string>> evidenceFuture =
        startTask(options.secondThread, [&] { return evidenceWarnings(project, lang); });

    const ChainGraph chain(project, lang);
    const DestinationSet dest = chooseDestinations(chain, options.destinations);
    const MixingSolver solver(chain);
    bool exact = true;
    bool weightsFellBack = false;
    const RiskWeights weights = RiskWeights::fromCatalogue(project.catalogue, &weightsFellBack);

    const FlowShares shares = computeFlowShares(chain, dest);
    exact = exact && shares.exact;
    struct FlagResults {
        std::vector<RedFlag> redFlags;
        std::vector<std::string> warnings;  ///< rules this version does not know; after the chain's warnings
        bool exact = true;
    };
    std::future<FlagResults> flagFuture = startTask(options.secondThread, [&] {
        FlagResults f;
        f.redFlags = evaluateRedFlags({chain, dest, solver, shares.share, lang, reconciliation}, f.warnings, f.exact);
        return f;
    });
    struct TraceResults {
        Traceability traceability;
        bool exact = true;
    };
    std::future<TraceResults> traceFuture = startTask(options.secondThread, [&] {
        TraceResults t;
        t.traceability = computeTraceability(chain, dest, solver, options.traceThreshold, t.exact);
        computeCreditTraceability(chain, dest, t.traceability);
        t.traceability.nextFlowsStage = options.planStage;
        return t;
    });
    // What to document next: the exact gains at every level for stage K (none
    // when K is no traced stage), and the plan when one is asked for; then the
    // trace breaks and the chain's warnings.
    struct GainResults {
        std::vector<std::pair<model::Evidence, std::vector<NextFlow>>> nextFlows;  ///< per level, self_declared .. verified
        std::optional<DocumentationPlan> plan;
        std::vector<TraceBreak> breaks;
        std::vector<std::string> warnings;
        bool exact = true;
    };
    std::future<GainResults> gainFuture = startTask(options.secondThread, [&] {
        GainResults g;
        const int lastStage = lastTracedStage(chain, dest);
        if (options.planStage >= 1 && options.planStage <= lastStage) {
            const DocumentationGains gains(chain, dest, solver);
            for (int l = static_cast<int>(model::Evidence::SelfDeclared); l <= static_cast<int>(model::Evidence::Verified); ++l)
                g.nextFlows.emplace_back(static_cast<model::Evidence>(l),
                                         nextFlows(gains, static_cast<model::Evidence>(l), options.planStage, 20, g.exact));
            if (options.planLevel)
                g.plan = planDocumentation(gains, *options.planLevel, options.planStage,
                                           options.planTarget >= 0 ? options.planTarget : options.traceThreshold,
                                           kMaxPlanSteps, g.exact);
        }
        if (options.traceBreaks) g.breaks = findTraceBreaks(chain, lang);
        g.warnings = chainWarnings(chain, dest, lang);
        return g;
    });

    const Dominance dominance = computeDominators(chain, dest);
    const Upstream upstream = computeUpstream(chain);
    const TypologyMix typology = mixByTypology(
        chain, solver, [](const model::Typology& t) { return t.baselineRisk; }, weights.unknownTypologyRisk, exact);
    const SupplierChecklists checklists(project);
    std::vector<RiskScore> scores = scoreActors(chain, weights, typology, checklists, lang);
    std::vector<ChokePoint> chokes =
        rankChokePoints({chain, dest, shares.share, dominance, upstream, weights}, options.chokeShareThreshold,
                        options.chokeOnDominance, lang);

    Analysis a;
    a.totalT = dest.totalT;
    const std::vector<double> exposure = destinationExposure(chain, dest, solver, scores, exact);
    for (std::size_t i = 0; i < dest.vertices.size(); ++i)
        a.destinations.push_back({chain.actor(dest.vertices[i]).id, chain.inT(dest.vertices[i]), exposure[i],
                                  weights.level(exposure[i])});

    a.actors.reserve(chain.vertexCount());
    for (Vertex v = 0; v < chain.vertexCount(); ++v) {
        ActorResult& r = a.actors.emplace_back();
        const model::Actor& actor = chain.actor(v);
        r.id = actor.id;
        r.stage = actor.stage;
        r.inT = chain.inT(v);
        r.outT = chain.outT(v);
        r.flowShare = shares.share[v];
        for (Vertex d : dominance.dominates[v]) r.dominates.push_back(chain.actor(d).id);
        r.upstreamSources = upstream.sources[v];
        r.upstreamHeadcount = static_cast<int>(std::min<long long>(upstream.headcount[v], INT32_MAX));
        r.isSource = chain.isSource(v);
        r.isDestination = dest.contains[v];
        r.chokePoint = chokes[v].isChokePoint;
        r.chokeRank = chokes[v].rank;
        r.chokeScore = chokes[v].score;
        r.chokeReasons = std::move(chokes[v].reasons);
        const MassBalance mb = massBalance(chain, dest, v);
        r.massBalanceApplies = mb.applies;
        r.massBalanceGapT = mb.gapT;
        r.massBalanceFlag = mb.flagged;
        r.risk = std::move(scores[v]);  // exposure above has already read the residuals
    }

    TraceResults trace = traceFuture.get();
    GainResults gain = gainFuture.get();
    FlagResults flags = flagFuture.get();
    a.traceability = std::move(trace.traceability);
    for (TraceLevel& l : a.traceability.levels)
        for (auto& [level, next] : gain.nextFlows)
            if (level == l.level) l.nextFlows = std::move(next);
    a.breaks = std::move(gain.breaks);
    a.warnings = std::move(gain.warnings);
    for (std::string& w : flags.warnings) a.warnings.push_back(std::move(w));
    for (std::string& w : evidenceFuture.get()) a.warnings.push_back(std::move(w));
    a.redFlags = std::move(flags.redFlags);
    linkFlagsToFindings(a.redFlags, project.findings, lang);
    a.plan = std::move(gain.plan);
    exact = exact && trace.exact && gain.exact && flags.exact;
    a.statement = limitsStatement(chain, dest, a.traceability, lang);
    if (projectHasClaims(project)) a.claims = computeProjectClaims(project, a.redFlags, checklists, lang);
    a.series = seriesFuture.get();
    if (weightsFellBack)
        a.warnings.push_back(text.pick("The project's catalogue has no complete risk_weights; built-in weights were used "
                                       "for the missing ones (docs/methodology.md).",
                                       "El catálogo del proyecto no tiene risk_weights completo; se usaron los pesos "
                                       "incorporados para los que faltan (docs/methodology.md)."));
    if (!exact)
        a.warnings.push_back(text.pick("A very large cycle was solved iteratively and did not settle; figures touching "
                                       "it may be off beyond 1e-9.",
                                       "Un ciclo muy grande se resolvió de forma iterativa y no convergió; las cifras "
                                       "que lo involucran pueden diferir en más de 1e-9."));
    return a;
}

}  // namespace

}  // namespace traza::risk
