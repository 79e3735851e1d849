#pragma once
// Flow share of every actor (spec "Analysis"): mark all of a's outgoing
// material, propagate it by proportional mixing, and count the marked tonnes
// on flows entering a destination, divided by T. For a ∈ D it is in(a)/T.
//
// Computed for all actors at once, without one propagation per actor: the
// adjoint value y(u) = g(u) + Σ_{e=(u,w)} t_e · y(w) / in(w), with g(u) the
// tonnes u sends straight into D, is the marked tonnage reaching D per unit of
// concentration at u. One backward pass over the condensation gives y. Outside
// cycles flow_share(a) = y(a) / T. Inside a cycle, marked material that
// returns to a must not be counted again (a's output is already all marked):
// flow_share(a) = y′(a) / T, where y′ is the value with a absorbing (with
// G = (I − B)⁻¹ on the cycle, y(a) = G_aa · y′(a); docs/methodology.md derives
// this). y′ comes from state reduction (state_reduction.h), never as the
// ratio y(a) / G_aa of two numbers that grow without bound as the cycle closes.
#include <vector>

#include "chain_graph.h"
#include "destinations.h"

namespace traza::risk {

struct FlowShares {
    std::vector<double> share;  ///< per vertex, 0..1
    bool exact = true;          ///< false if a huge cycle needed an iterative solve that did not settle
};

FlowShares computeFlowShares(const ChainGraph&, const DestinationSet&);

}  // namespace traza::risk
