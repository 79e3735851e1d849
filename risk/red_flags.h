#pragma once
// Red flags: the rules of data/catalogue/red_flag_rules.json (the project's own
// copy), each evaluated with the parameters written in the rule and reported
// with the rule's severity and a sentence built from its explanation template.
// docs/methodology.md, "Red flags", says what each rule looks at.
#include <string>
#include <vector>

#include "analysis.h"
#include "chain_graph.h"
#include "destinations.h"
#include "proportional_mixing.h"

namespace traza::risk {

struct RedFlagInputs {
    const ChainGraph& chain;
    const DestinationSet& destinations;
    const MixingSolver& solver;
    const std::vector<double>& flowShare;
    const std::string& language;
    const Reconciliation* reconciliation = nullptr;  ///< for implausible_figure; none: the rule flags nothing
};

/// Flags ordered by severity (critical first), then rule order, then project
/// order. Rules this version does not know are reported in `warnings`.
std::vector<RedFlag> evaluateRedFlags(const RedFlagInputs&, std::vector<std::string>& warnings, bool& exact);

/// 3 critical, 2 high, 1 medium, 0 low or unknown (for sorting and summaries).
int severityRank(const std::string& severity);

}  // namespace traza::risk
