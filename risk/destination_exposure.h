#pragma once
// Exposure of a destination: the tonnage-weighted residual risk of the
// material it receives. Every actor that handled a tonne on its way in counts
// with its residual risk, weighted by the tonnes of the destination's input it
// handled (an actor passed twice through a cycle counts twice):
//
//     R(v) = r(v) + mix of R over v's inflows     (risk summed along routes)
//     N(v) = 1    + mix of N over v's inflows     (actors counted along routes)
//     exposure(d) = R_in(d) / N_in(d)
//
// with the same proportional-mixing solver as everything else. Material from a
// closed cycle with no origin adds to neither sum.
#include <vector>

#include "analysis.h"
#include "chain_graph.h"
#include "destinations.h"
#include "proportional_mixing.h"

namespace traza::risk {

/// Exposure (0..1) of every destination, in DestinationSet order.
std::vector<double> destinationExposure(const ChainGraph&, const DestinationSet&, const MixingSolver&,
                                        const std::vector<RiskScore>&, bool& exact);

}  // namespace traza::risk
