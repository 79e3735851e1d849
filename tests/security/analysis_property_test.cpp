// Property tests of the analysis over 250 seeded random chains (cycles,
// parallel flows, several or no refiners, isolated actors): flow shares are
// fractions, traced grows with the stage and shrinks with the evidence level,
// removing documentation never raises traceability, and traza-cli analyze
// --json prints exactly what the library computes for the same file.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include "analysis.h"
#include "chain_json.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "random_chain.h"

using namespace traza;
using namespace traza::model;
using traza::security::RandomChain;

namespace {

constexpr double kTolerance = 1e-9;

// Plausible tonnages (0.5 to 5000 t) by default; Extreme (1e-301 to 1e271)
// makes cycles fed by flows hundreds of orders of magnitude smaller than the
// flows inside them (nearly_closed_cycle_test.cpp).
Project chainForSeed(std::uint32_t seed, RandomChain::Magnitudes magnitudes = RandomChain::Magnitudes::Plausible) {
    RandomChain random(seed, magnitudes);
    const int actors = 2 + random.below(25);
    return random.make(Catalogue::installed(), actors, random.below(4 * actors));
}

// Runs a command; returns its standard output and sets `status` to its exit status.
std::string run(const std::string& command, int& status) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::array<char, 65536> buffer{};
    for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) out.append(buffer.data(), n);
    const int raw = ::pclose(pipe);
    status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return out;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }  // paths made by the test: no quotes inside

}  // namespace

// Shares in [0, 1]; traced in [0, 1], growing with the stage and shrinking
// as the evidence level rises. Returns whether the chain had destinations.
bool checkSharesAndTraced(const Project& p) {
    const risk::Analysis a = risk::analyze(p);
    for (const risk::ActorResult& r : a.actors) {
        INFO("actor " << r.id);
        CHECK(r.flowShare >= -kTolerance);
        CHECK(r.flowShare <= 1 + kTolerance);
    }
    const auto& levels = a.traceability.levels;
    REQUIRE(levels.size() == 4);  // self_declared .. verified
    for (std::size_t l = 0; l < levels.size(); ++l) {
        double previous = 0;
        for (const auto& [stage, traced] : levels[l].byStage) {
            INFO("level " << l << ", stage " << stage);
            CHECK(traced >= -kTolerance);
            CHECK(traced <= 1 + kTolerance);
            CHECK(traced >= previous - kTolerance);  // a later stage traces at least as much
            previous = traced;
            if (l > 0) CHECK(traced <= levels[l - 1].byStage.at(stage) + kTolerance);  // stronger evidence, less traced
        }
    }
    return !a.destinations.empty();
}

TEST_CASE("Properties - flow shares are fractions, and traced grows with the stage and shrinks with the evidence level (250 random chains)") {
    int withDestinations = 0;
    for (std::uint32_t seed = 1; seed <= 250; ++seed) {
        INFO("seed " << seed);
        withDestinations += checkSharesAndTraced(chainForSeed(seed));
    }
    CHECK(withDestinations >= 200);  // the properties were checked on real traceability tables
}

TEST_CASE("Properties - the same holds with tonnages from 1e-301 to 1e271 (250 random chains)") {
    int withDestinations = 0;
    for (std::uint32_t seed = 1; seed <= 250; ++seed) {
        INFO("seed " << seed);
        withDestinations += checkSharesAndTraced(chainForSeed(seed, RandomChain::Magnitudes::Extreme));
    }
    CHECK(withDestinations >= 200);
}

TEST_CASE("Properties - removing a flow's documentation never raises traced anywhere (250 random chains)") {
    int lowered = 0;
    for (std::uint32_t seed = 1; seed <= 250; ++seed) {
        Project p = chainForSeed(seed);
        if (p.flows.empty()) continue;
        INFO("seed " << seed);
        const risk::Analysis before = risk::analyze(p);
        RandomChain random(seed + 100000);
        Flow& f = p.flows[random.below(static_cast<int>(p.flows.size()))];
        f.documentedT = 0;
        const risk::Analysis after = risk::analyze(p);
        REQUIRE(after.traceability.levels.size() == before.traceability.levels.size());
        for (std::size_t l = 0; l < before.traceability.levels.size(); ++l)
            for (const auto& [stage, traced] : after.traceability.levels[l].byStage) {
                const double old = before.traceability.levels[l].byStage.at(stage);
                CHECK(traced <= old + kTolerance);
                lowered += traced < old - kTolerance;
            }
    }
    CHECK(lowered > 0);  // some removals did lower traceability: the check has teeth
}

TEST_CASE("Properties - traza-cli analyze --json prints what analysisToJson computes for the same file (30 random chains)") {
    test::TempDir dir;
    for (std::uint32_t seed = 1; seed <= 30; ++seed) {
        const Project p = chainForSeed(seed);
        INFO("seed " << seed);
        const std::filesystem::path project = dir / ("chain-" + std::to_string(seed) + ".traza");
        ProjectStore::save(p, project);
        const std::filesystem::path json = dir / ("chain-" + std::to_string(seed) + ".json");
        test::writeBytes(json, projectToJson(p));

        risk::AnalysisOptions options;
        std::string destinationArgument;
        if (seed % 3 == 0) {  // also with destinations named on the command line
            options.destinations = {p.actors[0].id};
            destinationArgument = " --destination " + quoted(p.actors[0].id);
        }
        if (p.actors[0].id.find('\'') != std::string::npos) continue;  // not quotable by quoted()
        const std::string expected = risk::analysisToJson(risk::analyze(ProjectStore::open(project), options)) + "\n";
        CHECK(expected == risk::analysisToJson(risk::analyze(p, options)) + "\n");
        for (const std::filesystem::path& file : {project, json}) {
            int status = -1;
            const std::string out =
                run(quoted(TRAZA_CLI_PATH) + " analyze --json " + quoted(file.string()) + destinationArgument, status);
            INFO(file.string());
            CHECK(status == 0);
            CHECK(out == expected);
        }
    }
}
