// analysis_dump FIRST_SEED COUNT: makes COUNT random chains (with cycles,
// parallel flows, isolated actors, chains without a refiner, named
// destinations) from consecutive seeds and prints one JSON object per line:
// {"seed", "chain" (chain JSON), "destinations" (the --destination option),
// "analysis" (analysisToJson)}. networkx_check.py recomputes the spec's
// figures independently from "chain" and compares.
#include <iostream>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_json.h"

using namespace traza;

namespace {

model::Project randomChain(std::uint64_t seed, std::vector<std::string>& destinations, double& theta) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto chance = [&](double p) { return uniform(0, 1) < p; };

    model::Project p;
    p.catalogue = model::Catalogue::installed();
    const int n = seed % 25 == 0 ? 45 : integer(3, 30);
    const bool refiners = !chance(0.25);
    const model::ActorKind byStage[] = {model::ActorKind::WastePicker,  model::ActorKind::PickerOrganisation,
                                        model::ActorKind::Intermediary, model::ActorKind::Exporter,
                                        model::ActorKind::Refiner,      model::ActorKind::Manufacturer};
    for (int i = 0; i < n; ++i) {
        model::Actor a;
        a.id = "a" + std::to_string(i);
        a.stage = integer(1, refiners ? 6 : 4);
        if (a.stage == 5 && !refiners) a.stage = 4;
        a.kind = byStage[a.stage - 1];
        if (chance(0.1)) a.kind = model::ActorKind::Other;
        if (a.kind == model::ActorKind::WastePicker) a.headcount = integer(0, 200);
        if (chance(0.2)) a.stockChangeT = uniform(-2, 2);
        if (chance(0.2)) a.lossT = uniform(0, 1);
        p.actors.push_back(a);
    }
    const int flows = integer(n, n * 5 / 2);
    for (int k = 0; k < flows; ++k) {
        model::Flow f;
        f.id = "f" + std::to_string(k);
        int u = integer(0, n - 1), v = integer(0, n - 1);
        if (u == v) continue;
        // Mostly downstream; sometimes back upstream, which makes cycles.
        if (p.actors[u].stage > p.actors[v].stage && !chance(0.15)) std::swap(u, v);
        f.from = p.actors[u].id;
        f.to = p.actors[v].id;
        f.tonnes = chance(0.1) ? integer(1, 50) : uniform(0.05, 120);
        f.evidence = static_cast<model::Evidence>(integer(0, 4));
        const int doc = integer(0, 3);
        f.documentedT = doc == 0 ? 0 : doc == 1 ? f.tonnes : f.tonnes * uniform(0, 1);
        if (f.documentedT > f.tonnes) f.documentedT = f.tonnes;
        p.flows.push_back(f);
        if (chance(0.08)) {  // a parallel flow between the same pair
            model::Flow g = f;
            g.id = f.id + "b";
            g.tonnes = uniform(0.1, 30);
            g.evidence = static_cast<model::Evidence>(integer(0, 4));
            g.documentedT = g.tonnes * uniform(0, 1);
            p.flows.push_back(g);
        }
    }
    if (chance(0.2)) {
        destinations.push_back(p.actors[integer(0, n - 1)].id);
        if (chance(0.5)) destinations.push_back(p.actors[integer(0, n - 1)].id);
    }
    const double thetas[] = {0.5, 0.8, 0.95};
    theta = thetas[integer(0, 2)];
    return p;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: analysis_dump FIRST_SEED COUNT\n";
        return 2;
    }
    const std::uint64_t first = std::stoull(argv[1]);
    const std::uint64_t count = std::stoull(argv[2]);
    for (std::uint64_t seed = first; seed < first + count; ++seed) {
        std::vector<std::string> destinations;
        double theta = 0.8;
        const model::Project p = randomChain(seed, destinations, theta);
        risk::AnalysisOptions options;
        options.destinations = destinations;
        options.traceThreshold = theta;
        nlohmann::ordered_json line;
        line["seed"] = seed;
        line["chain"] = nlohmann::ordered_json::parse(model::projectToJson(p));
        line["destinations"] = destinations;
        line["analysis"] = nlohmann::ordered_json::parse(risk::analysisToJson(risk::analyze(p, options)));
        std::cout << line.dump() << '\n';
    }
    return 0;
}
