#pragma once
// Where documentation breaks: every analysed flow with undocumented tonnes,
// largest first. A flow with evidence 'none' or no documented tonnes is wholly
// undocumented ("no documentation"); otherwise its undocumented part is
// tonnes − documented_t ("partly documented (evidence '<level>')").
#include <string>
#include <vector>

#include "analysis.h"
#include "chain_graph.h"

namespace traza::risk {

std::vector<TraceBreak> findTraceBreaks(const ChainGraph&, const std::string& language);

}  // namespace traza::risk
