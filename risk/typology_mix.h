#pragma once
// What typology of material flows where. A flow with a typology known to the
// catalogue carries that typology; a flow without one carries the proportional
// mix of what its sender received (so an exporter's untyped sales inherit the
// rrrm-4 material its suppliers sold it). Material with no typology anywhere
// upstream, and material circulating in a cycle with no origin, is "unknown".
//
// Any per-typology quantity q can be mixed this way: two mixing solves give
// the known part K(v) and the known share S(v) of each actor's material, and
// the mix is K(v) + (1 − S(v)) · q_unknown.
#include <functional>
#include <vector>

#include "catalogue.h"
#include "chain_graph.h"
#include "proportional_mixing.h"

namespace traza::risk {

struct TypologyMix {
    std::vector<double> vertexMix;  ///< per vertex: q of the material it sends
    std::vector<double> flowValue;  ///< per project flow: q of the material it carries (0 for flows left out)
    /// per project flow: its typology in the catalogue, or null (untyped, unknown, or left out)
    std::vector<const model::Typology*> flowTypology;
};

TypologyMix mixByTypology(const ChainGraph&, const MixingSolver&, const std::function<double(const model::Typology&)>& q,
                          double unknownValue, bool& exact);

}  // namespace traza::risk
