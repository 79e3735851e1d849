#pragma once
// Mass balance (spec "Analysis") of an actor that is neither a source nor a
// destination: gap = in − out − stock_change_t − loss_t, flagged when
// |gap| > max(0.01 · in, 0.1 t).
#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk {

struct MassBalance {
    bool applies = false;
    double gapT = 0;
    bool flagged = false;
};

MassBalance massBalance(const ChainGraph&, const DestinationSet&, Vertex, double relative = 0.01,
                        double absoluteT = 0.1);

}  // namespace traza::risk
