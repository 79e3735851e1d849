#pragma once
// "If these flows were documented": the traceability of a project in which the
// chosen flows carry documents at level L for all their tonnes (evidence raised
// to L where it is lower, documented_t = tonnes), the project itself untouched.
// The workbench's what-if (issue #20) shows it beside today's figures; a plan's
// steps (documentation_plan.h) documented this way give the plan's traced shares.
#include <string>
#include <vector>

#include "analysis.h"

namespace traza::risk {

/// A copy of `project` with `flowIds` documented at `level`. Throws InvalidInput
/// (where = "flows") naming a flow id the project does not have.
model::Project withFlowsDocumented(const model::Project& project, const std::vector<std::string>& flowIds,
                                   model::Evidence level);

/// traced[L][k] (by_stage and by_stage_credit, every level) of the project with
/// `flowIds` documented at `level`, with the destinations and θ of `options`;
/// the same numbers analyze() gives for withFlowsDocumented(...).
Traceability traceabilityIfDocumented(const model::Project& project, const std::vector<std::string>& flowIds,
                                      model::Evidence level, const AnalysisOptions& options = {});

}  // namespace traza::risk
