#pragma once
// The traceability-limits statement: plain sentences saying, per evidence
// level, how far back the destinations' material is documented and for what
// share of its tonnage, where the first mile stands, and what rests only on
// reported, not verified, evidence (the honesty rule of domain.md).
#include <string>
#include <vector>

#include "analysis.h"
#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk {

std::vector<std::string> limitsStatement(const ChainGraph&, const DestinationSet&, const Traceability&,
                                         const std::string& language);

}  // namespace traza::risk
