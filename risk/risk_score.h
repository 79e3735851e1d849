#pragma once
// Traza's risk scores (docs/methodology.md, "Risk scores"), per actor:
//   base      = weighted mean of typology, kind and formality risks
//   factors   = 1 − Π (1 − w_i) over the actor's ticked risk factors
//   inherent  = 1 − (1 − base)(1 − factors)
//   mitigation= progress on the items of the supplier-scope OECD steps (2–4)
//               in the actor's checklist: done 1, in progress ½, not started 0,
//               not applicable left out
//   residual  = inherent · (1 − mitigation_weight · mitigation)
// and the level from the documented cut-offs. Every score carries its reasons.
#include <string>
#include <vector>

#include "analysis.h"
#include "chain_graph.h"
#include "risk_weights.h"
#include "supplier_checklists.h"
#include "typology_mix.h"

namespace traza::risk {

/// Scores of every vertex. `typologyRisk` is the baseline-risk mix (mixByTypology).
std::vector<RiskScore> scoreActors(const ChainGraph&, const RiskWeights&, const TypologyMix& typologyRisk,
                                   const SupplierChecklists&, const std::string& language);

}  // namespace traza::risk
