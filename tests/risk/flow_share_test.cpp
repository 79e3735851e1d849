// Flow shares on chains small enough to work by hand; each expected number is
// derived in the comment above its check.
#include <catch2/catch.hpp>

#include "analysis.h"
#include "chain_builder.h"
#include "error.h"

using namespace traza;
using model::ActorKind;
using Catch::Detail::Approx;

namespace {
// s (picker, stage 1) splits 60/40 between two organisations a and b, which
// both sell everything to the refiner r. T = in(r) = 100.
testing::ChainBuilder shareDiamond() {
    testing::ChainBuilder b;
    b.actor("s", ActorKind::WastePicker)
        .actor("a", ActorKind::PickerOrganisation)
        .actor("b", ActorKind::PickerOrganisation)
        .actor("r", ActorKind::Refiner)
        .flow("s", "a", 60)
        .flow("s", "b", 40)
        .flow("a", "r", 60)
        .flow("b", "r", 40);
    return b;
}

// p → i 100 t, i → e 120 t, e → i 20 t (returns), q → e 30 t, e → r 130 t.
// in(i) = 120, in(e) = 150, T = 130.
testing::ChainBuilder cycleThroughIntermediary() {
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("q", ActorKind::WastePicker)
        .actor("i", ActorKind::Intermediary)
        .actor("e", ActorKind::Exporter)
        .actor("r", ActorKind::Refiner)
        .flow("p", "i", 100)
        .flow("i", "e", 120)
        .flow("e", "i", 20)
        .flow("q", "e", 30)
        .flow("e", "r", 130);
    return b;
}
}  // namespace

TEST_CASE("FlowShare - a diamond splits by tonnage") {
    const risk::Analysis a = risk::analyze(shareDiamond().build());
    REQUIRE(a.destinations.size() == 1);
    CHECK(a.destinations[0].id == "r");
    CHECK(a.totalT == Approx(100));
    // All of s's output reaches r: 100/100. a carries 60/100, b 40/100; r: in(r)/T.
    CHECK(a.actor("s")->flowShare == Approx(1.0).margin(1e-12));
    CHECK(a.actor("a")->flowShare == Approx(0.6).margin(1e-12));
    CHECK(a.actor("b")->flowShare == Approx(0.4).margin(1e-12));
    CHECK(a.actor("r")->flowShare == Approx(1.0).margin(1e-12));
}

TEST_CASE("FlowShare - material returning through a cycle is counted once") {
    const risk::Analysis a = risk::analyze(cycleThroughIntermediary().build());
    // Mark i: x(e) = 120/150 = 0.8; 130 t × 0.8 = 104 t reach r → 104/130 = 0.8.
    // (The 16 marked tonnes that return to i are not sent out a second time;
    // counting them again would give 120/130 ≈ 0.923.)
    CHECK(a.actor("i")->flowShare == Approx(0.8).margin(1e-12));
    // Mark e: all 130 t it sends to r are marked: 1. Re-counting the return
    // would give y = 130 + (2/15) y = 150 → 1.154.
    CHECK(a.actor("e")->flowShare == Approx(1.0).margin(1e-12));
    // Mark p (q unmarked): x(i) = 100/120 + (20/120) x(e), x(e) = 0.8 x(i)
    // → x(i) = 25/26, x(e) = 10/13 → share 10/13. Mark q: x(e) = 0.2 + (2/15) x(e)
    // → x(e) = 3/13. The two sources add up to the whole input.
    CHECK(a.actor("p")->flowShare == Approx(10.0 / 13).margin(1e-12));
    CHECK(a.actor("q")->flowShare == Approx(3.0 / 13).margin(1e-12));
    bool cycleWarned = false;
    for (const std::string& w : a.warnings)
        if (w.find("Cycle among actors i and e") != std::string::npos) cycleWarned = true;
    CHECK(cycleWarned);
}

TEST_CASE("FlowShare - two destinations share T") {
    // p1 → r1 30; p2 → m 70; m → r1 20; m → r2 50. T = in(r1) + in(r2) = 50 + 50.
    testing::ChainBuilder b;
    b.actor("p1", ActorKind::WastePicker)
        .actor("p2", ActorKind::WastePicker)
        .actor("m", ActorKind::Intermediary)
        .actor("r1", ActorKind::Refiner)
        .actor("r2", ActorKind::Refiner)
        .flow("p1", "r1", 30)
        .flow("p2", "m", 70)
        .flow("m", "r1", 20)
        .flow("m", "r2", 50);
    const risk::Analysis a = risk::analyze(b.build());
    CHECK(a.totalT == Approx(100));
    CHECK(a.actor("m")->flowShare == Approx(0.7).margin(1e-12));
    CHECK(a.actor("p1")->flowShare == Approx(0.3).margin(1e-12));
    CHECK(a.actor("r1")->flowShare == Approx(0.5).margin(1e-12));
    // m is the only way into r2 (p2 too, though as a source it is no choke point).
    CHECK(a.actor("m")->dominates == std::vector<std::string>{"r2"});
    CHECK(a.actor("p2")->dominates == std::vector<std::string>{"r2"});
    // Its reason names r2 by name, the id after it only when the name differs (issue #17).
    model::Project named = b.build();
    for (model::Actor& actor : named.actors)
        if (actor.id == "r2") actor.name = "Refinery Two";
    const risk::Analysis an2 = risk::analyze(named);
    const auto& reasons = an2.actor("m")->chokeReasons;
    CHECK(std::any_of(reasons.begin(), reasons.end(), [](const risk::Sentence& r) { return r.text().find("dominates Refinery Two [r2] (") == 0; }));
    CHECK(std::none_of(a.actor("m")->chokeReasons.begin(), a.actor("m")->chokeReasons.end(),
                       [](const risk::Sentence& r) { return r.text().find("[r2]") != std::string::npos; }));
    // r1 is reached through p1 and through p2 → m: only the root dominates it.
    CHECK(a.actor("p1")->dominates.empty());

    // Naming r2 alone: T = 50 and all of m's 50 t into r2 are marked → 1; p1 → 0.
    risk::AnalysisOptions only;
    only.destinations = {"r2", "r2"};
    const risk::Analysis b2 = risk::analyze(b.build(), only);
    REQUIRE(b2.destinations.size() == 1);
    CHECK(b2.totalT == Approx(50));
    CHECK(b2.actor("m")->flowShare == Approx(1.0).margin(1e-12));
    CHECK(b2.actor("p1")->flowShare == 0);
}

TEST_CASE("FlowShare - parallel flows between the same pair add up") {
    // Two flows p → o (10 t and 30 t); o sends 40 t on to r, and 10 t to a sink x.
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("o", ActorKind::PickerOrganisation)
        .actor("r", ActorKind::Refiner)
        .actor("x", ActorKind::Intermediary)
        .flow("p", "o", 10)
        .flow("p", "o", 30)
        .flow("o", "r", 30)
        .flow("o", "r", 10)
        .flow("o", "x", 10);
    const risk::Analysis a = risk::analyze(b.build());
    CHECK(a.actor("o")->inT == Approx(40));
    CHECK(a.actor("o")->outT == Approx(50));
    CHECK(a.totalT == Approx(40));
    // o sends 50 t, 40 of them to r: the marked tonnes entering D are 40 → 1.
    CHECK(a.actor("o")->flowShare == Approx(1.0).margin(1e-12));
    // Mass balance: 40 − 50 = −10 t, beyond max(0.4, 0.1): flagged.
    CHECK(a.actor("o")->massBalanceGapT == Approx(-10));
    CHECK(a.actor("o")->massBalanceFlag);
}

TEST_CASE("FlowShare - an isolated actor has no share and is reported") {
    testing::ChainBuilder b = shareDiamond();
    b.actor("z", ActorKind::Intermediary);
    const risk::Analysis a = risk::analyze(b.build());
    CHECK(a.actor("z")->flowShare == 0);
    CHECK(a.actor("z")->isSource);
    CHECK_FALSE(a.actor("z")->chokePoint);
    bool warned = false;
    for (const std::string& w : a.warnings) warned = warned || w.find("Actors without any flow: z") != std::string::npos;
    CHECK(warned);
    CHECK(a.actor("a")->flowShare == Approx(0.6).margin(1e-12));
}

TEST_CASE("FlowShare - a closed cycle fed by no source marks all of itself") {
    // a ⇄ b (10 t each way), b → r 5 t. Nothing enters {a, b} from outside:
    // marking either marks the whole cycle, so each carries 5/5 of r's input.
    testing::ChainBuilder b;
    b.actor("a", ActorKind::Intermediary)
        .actor("b", ActorKind::Intermediary)
        .actor("r", ActorKind::Refiner)
        .flow("a", "b", 10)
        .flow("b", "a", 10)
        .flow("b", "r", 5);
    const risk::Analysis an = risk::analyze(b.build());
    CHECK(an.actor("a")->flowShare == Approx(1.0).margin(1e-12));
    CHECK(an.actor("b")->flowShare == Approx(1.0).margin(1e-12));
    // No source reaches r, so nothing dominates it; the material has no origin
    // and nothing of it is traced.
    CHECK(an.actor("a")->dominates.empty());
    for (const auto& level : an.traceability.levels)
        for (const auto& [k, v] : level.byStage) CHECK(v == 0);
    bool warned = false;
    for (const std::string& w : an.warnings) warned = warned || w.find("No source feeds the cycle") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("FlowShare - an unknown destination is invalid input") {
    risk::AnalysisOptions o;
    o.destinations = {"nobody"};
    CHECK_THROWS_AS(risk::analyze(shareDiamond().build(), o), InvalidInput);
    CHECK_THROWS_WITH(risk::analyze(shareDiamond().build(), o), Catch::Contains("--destination"));
}

TEST_CASE("Dominators - a closed cycle feeding the chain hides no dominator") {
    // s → a → b → r is the only path from a source to r; the cycle x ⇄ y, fed
    // by nothing, also sells into b. No path from the root passes x or y, so
    // a and b still dominate r (Lengauer–Tarjan must not see x → b).
    testing::ChainBuilder b;
    b.actor("s", ActorKind::WastePicker)
        .actor("a", ActorKind::PickerOrganisation)
        .actor("b", ActorKind::Exporter)
        .actor("r", ActorKind::Refiner)
        .actor("x", ActorKind::Intermediary)
        .actor("y", ActorKind::Intermediary)
        .flow("s", "a", 10)
        .flow("a", "b", 10)
        .flow("b", "r", 12)
        .flow("x", "y", 5)
        .flow("y", "x", 3)
        .flow("y", "b", 2);
    const risk::Analysis an = risk::analyze(b.build());
    CHECK(an.actor("a")->dominates == std::vector<std::string>{"r"});
    CHECK(an.actor("b")->dominates == std::vector<std::string>{"r"});
    CHECK(an.actor("s")->dominates == std::vector<std::string>{"r"});
    CHECK(an.actor("x")->dominates.empty());
    // y's 2 t reach r with all of the cycle's output marked: share 2/12.
    CHECK(an.actor("x")->flowShare == Approx(2.0 / 12).margin(1e-12));
}
