// traced[L][k] and horizons on hand-worked chains.
#include <catch2/catch.hpp>

#include "analysis.h"
#include "chain_builder.h"
#include "traceability.h"

#include <bit>
#include <cmath>
#include <limits>
#include <random>

using namespace traza;
using model::ActorKind;
using model::Evidence;
using Catch::Detail::Approx;

namespace {
double traced(const risk::Analysis& a, Evidence level, int k) {
    for (const auto& l : a.traceability.levels)
        if (l.level == level) return l.byStage.at(k);
    FAIL("no level");
    return -1;
}
std::optional<int> horizon(const risk::Analysis& a, Evidence level) {
    for (const auto& l : a.traceability.levels)
        if (l.level == level) return l.horizon;
    return std::nullopt;
}
}  // namespace

TEST_CASE("Traceability - a diamond with mixed evidence, level by level") {
    // s → a 60 t (30 documented, 'documented'); s → b 40 t (40, 'self_declared');
    // a → r 60 t (60, 'verified'); b → r 40 t (20, 'reported').
    testing::ChainBuilder b;
    b.actor("s", ActorKind::WastePicker)
        .actor("a", ActorKind::PickerOrganisation)
        .actor("b", ActorKind::PickerOrganisation)
        .actor("r", ActorKind::Refiner)
        .flow("s", "a", 60, 30, Evidence::Documented)
        .flow("s", "b", 40, 40, Evidence::SelfDeclared)
        .flow("a", "r", 60, 60, Evidence::Verified)
        .flow("b", "r", 40, 20, Evidence::Reported);
    const risk::Analysis an = risk::analyze(b.build());
    // Stages 1..4 (refiner at 5).
    REQUIRE(an.traceability.levels.size() == 4);
    CHECK(an.traceability.levels[0].byStage.size() == 4);
    // k = 1: τ(a) = s(s→a), τ(b) = s(s→b); traced = (s(a→r)·60·τ(a) + s(b→r)·40·τ(b)) / 100.
    //   self_declared: (1·60·0.5 + 0.5·40·1)/100 = 0.5
    //   reported:      (1·60·0.5 + 0.5·40·0)/100 = 0.3  (s→b is only self-declared)
    //   documented:    (1·60·0.5 + 0)/100 = 0.3          (b→r is only reported)
    //   verified:      0                                 (s→a is not verified)
    CHECK(traced(an, Evidence::SelfDeclared, 1) == Approx(0.5).margin(1e-12));
    CHECK(traced(an, Evidence::Reported, 1) == Approx(0.3).margin(1e-12));
    CHECK(traced(an, Evidence::Documented, 1) == Approx(0.3).margin(1e-12));
    CHECK(traced(an, Evidence::Verified, 1) == Approx(0.0).margin(1e-12));
    // k = 2: τ(a) = τ(b) = 1; traced = (s(a→r)·60 + s(b→r)·40)/100.
    //   self_declared, reported: (60 + 20)/100 = 0.8; documented, verified: 60/100 = 0.6.
    for (int k = 2; k <= 4; ++k) {
        CHECK(traced(an, Evidence::SelfDeclared, k) == Approx(0.8).margin(1e-12));
        CHECK(traced(an, Evidence::Reported, k) == Approx(0.8).margin(1e-12));
        CHECK(traced(an, Evidence::Documented, k) == Approx(0.6).margin(1e-12));
        CHECK(traced(an, Evidence::Verified, k) == Approx(0.6).margin(1e-12));
    }
    // θ = 0.8: reached at stage 2 for the two weaker levels, never for the others.
    CHECK(horizon(an, Evidence::SelfDeclared) == 2);
    CHECK(horizon(an, Evidence::Reported) == 2);
    CHECK_FALSE(horizon(an, Evidence::Documented).has_value());
    CHECK_FALSE(horizon(an, Evidence::Verified).has_value());

    risk::AnalysisOptions lower;
    lower.traceThreshold = 0.5;
    const risk::Analysis low = risk::analyze(b.build(), lower);
    CHECK(horizon(low, Evidence::SelfDeclared) == 1);
    CHECK(horizon(low, Evidence::Documented) == 2);
}

TEST_CASE("Traceability - a partly documented hop shows as a break and a lower share") {
    // p → o 50 t with 20 documented; o → r 50 t fully documented.
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("o", ActorKind::PickerOrganisation)
        .actor("r", ActorKind::Refiner)
        .flow("p", "o", 50, 20, Evidence::Documented)
        .flow("o", "r", 50, 50, Evidence::Documented);
    const risk::Analysis an = risk::analyze(b.build());
    // k = 1: τ(o) = 20/50 → traced = 1 · 50 · 0.4 / 50 = 0.4; k ≥ 2: 1.
    CHECK(traced(an, Evidence::Documented, 1) == Approx(0.4).margin(1e-12));
    CHECK(traced(an, Evidence::Documented, 2) == Approx(1.0).margin(1e-12));
    CHECK(traced(an, Evidence::Verified, 2) == 0);
    CHECK(horizon(an, Evidence::Documented) == 2);
    REQUIRE(an.breaks.size() == 1);
    CHECK(an.breaks[0].flow == "f1");
    CHECK(an.breaks[0].tonnes == Approx(30));
    CHECK(an.breaks[0].reason == "partly documented (evidence 'Documented')");
}

TEST_CASE("Traceability - parallel flows keep their own evidence") {
    // Two flows p → o: 10 t documented, 30 t with none; o → r 40 t documented.
    // The summed edge carries 10 documented tonnes of 40: τ(o) = 0.25 at k = 1.
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("o", ActorKind::PickerOrganisation)
        .actor("r", ActorKind::Refiner)
        .flow("p", "o", 10, 10, Evidence::Documented)
        .flow("p", "o", 30, 0, Evidence::None)
        .flow("o", "r", 40, 40, Evidence::Verified);
    const risk::Analysis an = risk::analyze(b.build());
    CHECK(traced(an, Evidence::Documented, 1) == Approx(0.25).margin(1e-12));
    CHECK(traced(an, Evidence::Verified, 1) == 0);
    CHECK(traced(an, Evidence::Verified, 2) == Approx(1.0).margin(1e-12));
    REQUIRE(an.breaks.size() == 1);
    CHECK(an.breaks[0].flow == "f2");
    CHECK(an.breaks[0].reason == "no documentation");
}

TEST_CASE("Traceability - a chain with no refiner traces into its sinks") {
    // p → o 10 t; o → x (exporter) 8 t; o → y (intermediary) 2 t. Destinations
    // fall back to the sinks x and y; stages 1..3 (highest destination stage 4).
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("o", ActorKind::PickerOrganisation)
        .actor("x", ActorKind::Exporter)
        .actor("y", ActorKind::Intermediary)
        .flow("p", "o", 10, 10, Evidence::Reported)
        .flow("o", "x", 8, 8, Evidence::Documented)
        .flow("o", "y", 2, 0, Evidence::None);
    const risk::Analysis an = risk::analyze(b.build());
    REQUIRE(an.destinations.size() == 2);
    CHECK(an.totalT == Approx(10));
    CHECK(an.actor("o")->flowShare == Approx(1.0));
    CHECK(an.traceability.levels[0].byStage.size() == 3);
    // Reported, k = 1: only the 8 t into x are documented, and p → o is fully
    // reported: 8/10. k = 2 and 3: also 8/10 (o is at stage 2).
    CHECK(traced(an, Evidence::Reported, 1) == Approx(0.8).margin(1e-12));
    CHECK(traced(an, Evidence::Reported, 3) == Approx(0.8).margin(1e-12));
    // Documented, k = 1: p → o is only reported → 0; k = 2: 0.8.
    CHECK(traced(an, Evidence::Documented, 1) == 0);
    CHECK(traced(an, Evidence::Documented, 2) == Approx(0.8).margin(1e-12));
    bool warned = false;
    for (const std::string& w : an.warnings) warned = warned || w.find("No refiner in the chain") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("Traceability - a source above stage k has unknown origin") {
    // An intermediary (stage 3) with no known supplier sells 10 t to r; a
    // picker sells 30 t to r. k = 1, 2: the intermediary's 10 t are untraced.
    testing::ChainBuilder b;
    b.actor("i", ActorKind::Intermediary)
        .actor("p", ActorKind::WastePicker)
        .actor("r", ActorKind::Refiner)
        .flow("i", "r", 10, 10, Evidence::Verified)
        .flow("p", "r", 30, 30, Evidence::Verified);
    const risk::Analysis an = risk::analyze(b.build());
    CHECK(traced(an, Evidence::Verified, 1) == Approx(0.75).margin(1e-12));
    CHECK(traced(an, Evidence::Verified, 2) == Approx(0.75).margin(1e-12));
    CHECK(traced(an, Evidence::Verified, 3) == Approx(1.0).margin(1e-12));
}

TEST_CASE("documentedFraction - its shortcuts give the bits of min(1, documented / tonnes)") {
    // The quotient it skips where the answer is known (nothing or everything
    // documented), checked bit for bit against the plain formula, signs of
    // zero, infinities and NaN included.
    const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::pair<double, double>> cases{{0.0, 3.0},  {-0.0, 3.0}, {3.0, 3.0}, {2.0, 3.0},  {4.0, 3.0},
                                                 {0.0, inf},  {-0.0, inf}, {inf, inf}, {1.0, inf},  {nan, 3.0},
                                                 {-1.0, 3.0}, {1e-300, 1e-300}, {0.0, 0.0}, {1.0, -2.0}, {1.0, nan}};
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 1000; ++i) {
        const double t = 100 * unit(rng);
        cases.push_back({i % 3 == 0 ? t : t * unit(rng), t});
    }
    for (const auto& [documented, tonnes] : cases) {
        risk::EdgeData e;
        e.tonnes = tonnes;
        e.documentedAtLeast[static_cast<int>(Evidence::Reported)] = documented;
        const double plain = tonnes > 0 ? std::min(1.0, documented / tonnes) : 0.0;
        const double fast = risk::documentedFraction(e, Evidence::Reported);
        CHECK(std::bit_cast<std::uint64_t>(fast) == std::bit_cast<std::uint64_t>(plain));
    }
}
