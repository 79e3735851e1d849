#pragma once
// The red flags of `traza-cli analyze`'s summary: every flag on a line of its
// own, grouped by severity (most severe first, the analysis's order within
// one). A national chain has about 54 000 flags, each sentence made from its
// rule's template only when read, so the lines are made on two threads.
#include <ostream>
#include <vector>

#include "analysis.h"

namespace traza::cli {

/// Writes the groups' headers ("  critical:") and the flags' lines
/// ("    [rule] detail (finding F1) recurrence"); nothing for no flags.
void printRedFlagLines(const std::vector<risk::RedFlag>& flags, bool es, std::ostream& out);

}  // namespace traza::cli
