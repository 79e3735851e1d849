#pragma once
// The result of analysing a chain (shared/spec/chain-json.md, "Analysis"), plus
// Traza's choke-point ranking, risk scores, red flags and the traceability-limits
// statement. Pure data: risk/ computes it, the CLI, reports and GUI show it.
// Reasons, trace-break reasons and red-flag details are Sentences (sentence.h):
// cheap to make by the hundred thousand, their words made when text() is read.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "enums.h"
#include "json_stream_writer.h"
#include "project.h"
#include "claims/project_claims.h"
#include "reconciliation/reconciliation.h"
#include "sentence.h"
#include "series/series.h"

namespace traza::risk {

struct AnalysisOptions {
    std::vector<std::string> destinations;  ///< empty: refiners, else sinks (spec)
    double chokeShareThreshold = 0.25;      ///< flow_share at or above which an actor is a choke point
    bool chokeOnDominance = true;           ///< dominating a destination makes a choke point
    double traceThreshold = 0.8;            ///< θ of the traceability horizon
    std::string language = "en";            ///< "en" or "es", for every generated sentence
    int planStage = 1;                      ///< K of next_flows and of the plan
    std::optional<model::Evidence> planLevel;  ///< when set, a document-next plan at this level
    double planTarget = -1;                 ///< θ of the plan; < 0: traceThreshold
    bool secondThread = true;               ///< run the independent parts on a second thread (same result)
    /// Find the trace breaks (Analysis::breaks, every flow with undocumented
    /// tonnes); false leaves them empty, for a caller that never shows them
    /// (`traza-cli analyze` without --json). Nothing else depends on them.
    bool traceBreaks = true;
    /// Analyse the reconciled figures instead of the figures as entered
    /// (`traza-cli analyze --reconcile`); without uncertainty it changes nothing.
    bool reconcile = false;
};

struct RiskScore {
    double inherent = 0;    ///< 0..1 from typology, kind, formality, location, risk factors
    double mitigation = 0;  ///< 0..1 from the supplier's OECD checklist progress
    double residual = 0;    ///< inherent * (1 - mitigation weight * mitigation)
    std::string level;      ///< low / medium / high / critical
    std::vector<Sentence> reasons;  ///< what drove the score, in plain words
};

struct ActorResult {
    std::string id;
    int stage = 0;
    double inT = 0;
    double outT = 0;
    double flowShare = 0;
    std::vector<std::string> dominates;  ///< destination ids this actor dominates
    int upstreamSources = 0;             ///< sources with a path to this actor
    int upstreamHeadcount = 0;           ///< headcount summed over upstream actors (incl. itself)
    bool isSource = false;
    bool isDestination = false;
    bool chokePoint = false;
    int chokeRank = 0;        ///< 1 = highest ranked; 0 when not a choke point
    double chokeScore = 0;    ///< the ranking score (docs/methodology.md)
    std::vector<Sentence> chokeReasons;
    bool massBalanceApplies = false;  ///< non-source, non-destination
    double massBalanceGapT = 0;
    bool massBalanceFlag = false;
    RiskScore risk;
};

struct DestinationResult {
    std::string id;
    double inputT = 0;
    double exposure = 0;  ///< tonnage-weighted residual risk of the material received
    std::string exposureLevel;  ///< low / medium / high / critical, same cut-offs as actors
};

/// A flow whose documentation would raise traced[L][K] (claims/documentation_gains.h).
struct NextFlow {
    std::string flow;
    double gain = 0;    ///< exact increase of traced[L][K] if this flow alone became documented
    double tonnes = 0;  ///< its tonnes not yet documented at L
};

struct PlanStep {
    std::string flow;
    double tonnes = 0;  ///< tonnes to document
    double traced = 0;  ///< traced[L][K] once this and every earlier step are documented
    double gain = 0;
};

/// The document-next plan (claims/documentation_plan.h).
struct DocumentationPlan {
    model::Evidence level = model::Evidence::Documented;
    int stage = 1;
    double target = 0.8;
    double start = 0;     ///< traced[L][K] today
    double tonnes = 0;    ///< total tonnes to document
    bool reached = false;
    std::vector<PlanStep> steps;
};

struct TraceLevel {
    model::Evidence level = model::Evidence::SelfDeclared;
    std::map<int, double> byStage;  ///< stage k -> traced[level][k]
    /// stage k -> the credit method's share (claims/credit_traceability.h), same keys as byStage
    std::map<int, double> byStageCredit;
    std::vector<NextFlow> nextFlows;  ///< up to 20, for stage AnalysisOptions::planStage
    std::optional<int> horizon;
};

struct Traceability {
    double threshold = 0.8;
    int nextFlowsStage = 1;          ///< K of every level's nextFlows
    std::vector<TraceLevel> levels;  ///< self_declared .. verified, in order
};

struct TraceBreak {
    std::string flow;
    double tonnes = 0;     ///< undocumented tonnes of the flow
    Sentence reason;
};

struct RedFlag {
    std::string rule;
    std::string actor;  ///< may be empty when the flag is about a flow
    std::string flow;   ///< may be empty
    std::string severity;
    Sentence detail;
    /// The finding of the register that answers this flag (same rule, same
    /// subject), or empty; see risk/findings/flag_findings.h.
    std::string finding;
    /// Set when every such finding is closed and the flag is raised again:
    /// "Recurs after finding F3 was closed on 2026-02-10."
    std::string recurrence;
};

struct Analysis {
    std::vector<DestinationResult> destinations;
    double totalT = 0;
    std::vector<ActorResult> actors;  ///< in project order
    Traceability traceability;
    std::vector<TraceBreak> breaks;
    std::vector<RedFlag> redFlags;
    std::vector<std::string> warnings;
    std::vector<std::string> statement;  ///< the traceability-limits sentences
    std::optional<DocumentationPlan> plan;  ///< only when AnalysisOptions::planLevel is set
    /// Present when some figure carries an uncertainty or is unknown.
    std::optional<Reconciliation> reconciliation;
    bool usesReconciledFigures = false;  ///< AnalysisOptions::reconcile took effect
    /// The claim accounts, present when the project has claims (projectHasClaims).
    std::optional<ProjectClaims> claims;
    /// The progress series (issue #19), present when the project has records.
    std::optional<Series> series;

    const ActorResult* actor(const std::string& id) const;
};

/// Analyse a project. Never throws on odd chains (cycles, no refiner, isolated
/// actors): those become warnings. Throws InvalidInput for an unknown --destination,
/// and for a claim account that is over-allocated (the flow and the period named)
/// or lacks a date (claims/project_claims.h).
Analysis analyze(const model::Project&, const AnalysisOptions& = {});

/// The spec's JSON form of an analysis (full double precision, no final newline).
/// Throws nlohmann::json::type_error (316) for a string that is not UTF-8.
std::string analysisToJson(const Analysis&);

/// The same text as analysisToJson(), streamed to `sink` as it is made (a
/// national chain's is tens of MB). Throws what the sink throws; on a throw,
/// part of the text may have reached the sink.
void writeAnalysisJson(const Analysis&, const model::JsonSink& sink);

}  // namespace traza::risk
