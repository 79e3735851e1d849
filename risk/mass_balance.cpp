#include "mass_balance.h"

#include <algorithm>
#include <cmath>

namespace traza::risk {

MassBalance massBalance(const ChainGraph& chain, const DestinationSet& dest, Vertex v, double relative,
                        double absoluteT) {
    MassBalance mb;
    if (chain.isSource(v) || dest.contains[v]) return mb;
    const model::Actor& a = chain.actor(v);
    auto finite = [](double x) { return std::isfinite(x) ? x : 0.0; };
    mb.applies = true;
    mb.gapT = chain.inT(v) - chain.outT(v) - finite(a.stockChangeT) - finite(a.lossT);
    mb.flagged = std::fabs(mb.gapT) > std::max(relative * chain.inT(v), absoluteT);
    return mb;
}

}  // namespace traza::risk
