#pragma once
// Which actors are destinations D (spec "Analysis"): the actors named with
// --destination; by default every refiner; if there is none, every actor with
// inflow and no outflow. T = Σ_{d∈D} in(d).
#include <string>
#include <vector>

#include "chain_graph.h"

namespace traza::risk {

enum class DestinationRule { Named, Refiners, Sinks, None };

struct DestinationSet {
    std::vector<Vertex> vertices;     ///< named order, else project order
    std::vector<char> contains;       ///< per vertex
    double totalT = 0;                ///< T
    DestinationRule rule = DestinationRule::None;
};

/// Throws InvalidInput("--destination", ...) for an id that is no actor.
DestinationSet chooseDestinations(const ChainGraph&, const std::vector<std::string>& named);

}  // namespace traza::risk
