#include "actor.h"

#include <tuple>

namespace traza::model {

bool Actor::sameData(const Actor& o) const {
    auto key = [](const Actor& a) {
        return std::tie(a.id, a.name, a.kind, a.stage, a.country, a.region, a.formality, a.headcount,
                        a.capacityT, a.stockChangeT, a.lossT, a.stockChangeSdT, a.lossSdT, a.publicServiceProvider, a.riskFactors, a.notes,
                        a.ddStatus, a.cocCertification, a.makesClaims, a.claimYield, a.claimProfile, a.suspendedFrom);
    };
    return key(*this) == key(o);
}

}  // namespace traza::model
