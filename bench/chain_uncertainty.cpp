#include "chain_uncertainty.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "random_source.h"

namespace traza::bench {

std::size_t addFirstMileUncertainty(model::Project& p, double relative, std::uint64_t seed) {
    std::unordered_set<std::string> pickers;
    for (const model::Actor& a : p.actors)
        if (a.kind == model::ActorKind::WastePicker) pickers.insert(a.id);
    RandomSource random(seed);
    std::size_t count = 0;
    for (model::Flow& f : p.flows) {
        if (!pickers.count(f.from) || relative <= 0) continue;
        f.sdT = relative * f.tonnes;
        // A standard normal draw (Box–Muller), kept within ±3 sd so tonnes stay positive.
        const double u1 = std::max(random.uniform(), 1e-300), u2 = random.uniform();
        const double z = std::clamp(std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2), -3.0, 3.0);
        f.tonnes = std::max(f.tonnes + z * f.sdT, 1e-3);
        f.documentedT = std::min(f.documentedT, f.tonnes);
        ++count;
    }
    return count;
}

}  // namespace traza::bench
