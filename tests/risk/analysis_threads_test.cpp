// The analysis runs its independent parts on a second thread (risk/analysis.cpp).
// Its result must not depend on that: the same JSON, byte for byte, with one
// thread and with two, on the CARE sample and on a larger chain with cycles,
// parallel flows and risk factors that every red-flag rule looks at.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "analysis.h"
#include "chain_builder.h"
#include "chain_json.h"

using namespace traza;

namespace {

std::string bothWays(const model::Project& p, const std::string& language, std::string& oneThread) {
    risk::AnalysisOptions options;
    options.language = language;
    options.secondThread = false;
    oneThread = risk::analysisToJson(risk::analyze(p, options));
    options.secondThread = true;
    return risk::analysisToJson(risk::analyze(p, options));
}

// A few thousand actors in five tiers, some flows sent back upstream (cycles).
model::Project tieredChain(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    testing::ChainBuilder b;
    const int tierSize[] = {1500, 200, 40, 8, 3};
    const model::ActorKind kinds[] = {model::ActorKind::WastePicker, model::ActorKind::PickerOrganisation,
                                      model::ActorKind::Intermediary, model::ActorKind::Exporter,
                                      model::ActorKind::Refiner};
    const char* factors[] = {"child_labour", "open_burning", "conflict_affected_area", "unknown_upstream"};
    for (int tier = 0; tier < 5; ++tier)
        for (int i = 0; i < tierSize[tier]; ++i) {
            b.actor("t" + std::to_string(tier) + "-" + std::to_string(i), kinds[tier]);
            if (tier == 0) b.lastActor().headcount = integer(1, 40);
            if (integer(0, 9) == 0) b.lastActor().riskFactors.push_back(factors[integer(0, 3)]);
            if (integer(0, 19) == 0) b.lastActor().capacityT = 1;
        }
    auto id = [&](int tier) { return "t" + std::to_string(tier) + "-" + std::to_string(integer(0, tierSize[tier] - 1)); };
    for (int tier = 0; tier < 4; ++tier)
        for (int k = 0; k < tierSize[tier] * 2; ++k) {
            const double t = uniform(0.1, 50);
            b.flow(id(tier), id(tier + 1), t, integer(0, 1) ? t * uniform(0, 1) : 0,
                   static_cast<model::Evidence>(integer(0, 4)));
            if (integer(0, 3) == 0) b.lastFlow().payment = model::Payment::Cash;
        }
    for (int k = 0; k < 60; ++k) b.flow(id(2), id(1), uniform(0.1, 5));  // back upstream: cycles
    return b.build();
}

}  // namespace

TEST_CASE("Analysis - a second thread gives the same analysis as one thread (CARE sample)") {
    const model::Project care =
        model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json",
                               model::Catalogue::installed());
    for (const char* language : {"en", "es"}) {
        std::string oneThread;
        const std::string twoThreads = bothWays(care, language, oneThread);
        CHECK(twoThreads.size() > 1000);
        CHECK(twoThreads == oneThread);
    }
}

TEST_CASE("Analysis - a second thread gives the same analysis as one thread (tiered chain with cycles)") {
    for (std::uint64_t seed : {1u, 2u}) {
        const model::Project p = tieredChain(seed);
        std::string oneThread;
        const std::string twoThreads = bothWays(p, "en", oneThread);
        CHECK(twoThreads.find("\"red_flags\"") != std::string::npos);
        CHECK(twoThreads == oneThread);
    }
}
