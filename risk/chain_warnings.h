#pragma once
// Warnings about the shape of the chain. Odd chains are valid input: cycles,
// disconnected parts, actors without flows and chains without a refiner are
// analysed, and the user is told what that means for the figures.
#include <string>
#include <vector>

#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk {

std::vector<std::string> chainWarnings(const ChainGraph&, const DestinationSet&, const std::string& language);

}  // namespace traza::risk
