#pragma once
// Two analyses side by side (issue #19, "compare"): the same chain a year
// later, or two chains. What changed in the tonnes reaching the destinations,
// in the documented share of the flows, in the traced share and horizon at each
// evidence level, among the choke points and among the red flags. Actors,
// flows and flags are matched by id (a flag by rule, actor and flow), so the
// comparison means most between versions of one project.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis.h"
#include "project.h"

namespace traza::risk {

struct Change {
    double before = 0;
    double after = 0;
    double delta() const { return after - before; }
};

struct LevelComparison {
    model::Evidence level = model::Evidence::SelfDeclared;
    /// Σ documented tonnes of flows at this level or better / Σ tonnes (the spec's s_e(L) weighted by t_e).
    Change documentedShare;
    /// The same over first-mile flows (from an actor of stage 1).
    Change firstMileDocumentedShare;
    std::map<int, Change> tracedByStage;  ///< the union of both analyses' stages; a stage one lacks counts 0
    std::optional<int> horizonBefore;
    std::optional<int> horizonAfter;
};

struct ChokePointComparison {
    std::string id;
    std::string name;    ///< from the later project when it has the actor
    int rankBefore = 0;  ///< 0: not a choke point (or no such actor) before
    int rankAfter = 0;
    Change flowShare;
};

struct ActorTonnes {
    std::string id;
    std::string name;
    Change outT;
    bool added = false;    ///< only in the later project
    bool removed = false;  ///< only in the earlier one
};

/// One side of a comparison of two periods of one project (compare --periods).
struct ComparedPeriod {
    std::string label;   ///< as the user wrote it: "2025-01", "2025-01..2025-03"
    std::string start;   ///< first day
    std::string end;     ///< last day
    std::size_t records = 0;       ///< delivery records dated in it
    std::size_t undatedFlows = 0;  ///< flows without records, left out
    double undatedT = 0;           ///< their tonnes
};

struct ChainComparison {
    Change totalT;  ///< tonnes reaching the destinations
    Change flowTonnes;  ///< Σ tonnes of all flows
    Change actorCount, flowCount;  ///< how many actors and flows each project has
    std::size_t actorsAdded = 0, actorsRemoved = 0, flowsAdded = 0, flowsRemoved = 0;
    std::vector<LevelComparison> levels;           ///< self_declared .. verified
    std::vector<ChokePointComparison> chokePoints; ///< every actor that is one in either, by later rank then earlier
    std::vector<RedFlag> newFlags;                  ///< raised only in the later analysis
    std::vector<RedFlag> resolvedFlags;             ///< raised only in the earlier one
    std::vector<ActorTonnes> actorTonnes;           ///< actors whose sales changed, largest |change| first
    /// Two periods of one project (before, after); empty for two projects.
    std::vector<ComparedPeriod> periods;
};

ChainComparison compareChains(const model::Project& before, const Analysis& beforeAnalysis, const model::Project& after,
                              const Analysis& afterAnalysis);

/// The JSON form (full precision): `total_t`, `flow_tonnes`, `actor_count`, `flow_count`, added/removed, `levels`,
/// `choke_points`, `new_red_flags`, `resolved_red_flags`, `actor_tonnes`; `periods` (before, after) only when
/// two periods are compared.
std::string comparisonToJson(const ChainComparison&);

}  // namespace traza::risk
