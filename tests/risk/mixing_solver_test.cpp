// The proportional-mixing solver on its own: cycles, fixed actors, injections.
#include <catch2/catch.hpp>

#include "chain_builder.h"
#include "chain_graph.h"
#include "proportional_mixing.h"

using namespace traza;
using model::ActorKind;
using Catch::Detail::Approx;

TEST_CASE("Mixing - a cycle is solved exactly, not by repeated passes") {
    // s → a 10; a → b 100; b → a 90; b → r 10. Mark s (x = 1): x(a) = (10 + 90 x(b))/100,
    // x(b) = x(a) → x = 1. With s at 0.3: x(a) = x(b) = 0.3 (a 90% return loop
    // that repeated passes would take hundreds of sweeps to settle).
    testing::ChainBuilder c;
    c.actor("s", ActorKind::WastePicker)
        .actor("a", ActorKind::Intermediary)
        .actor("b", ActorKind::Intermediary)
        .actor("r", ActorKind::Refiner)
        .flow("s", "a", 10)
        .flow("a", "b", 100)
        .flow("b", "a", 90)
        .flow("b", "r", 10);
    const risk::ChainGraph g(c.build());
    REQUIRE(g.components().size() == 3);
    const risk::MixingSolver solver(g);
    risk::MixingProblem p;
    p.fixed = {1, 0, 0, 0};
    p.fixedValue = {0.3, 0, 0, 0};
    const risk::MixingResult x = solver.solve(p);
    CHECK(x.exact);
    CHECK(x.value[1] == Approx(0.3).margin(1e-15));
    CHECK(x.value[2] == Approx(0.3).margin(1e-15));
    CHECK(x.value[3] == Approx(0.3).margin(1e-15));

    // Injection: count the actors a tonne passed. x = b + mix of inflow:
    // N(s) = 1; N(a) = 1 + (10·1 + 90·N(b))/100, N(b) = 1 + N(a)
    // → N(a) = 1 + 0.1 + 0.9 + 0.9 N(a) → N(a) = 20, N(b) = 21, N(r) = 22.
    risk::MixingProblem count;
    count.injection = {1, 1, 1, 1};
    const risk::MixingResult n = solver.solve(count);
    CHECK(n.value[1] == Approx(20).epsilon(1e-13));
    CHECK(n.value[2] == Approx(21).epsilon(1e-13));
    CHECK(n.value[3] == Approx(22).epsilon(1e-13));
}

TEST_CASE("Mixing - material circulating with no origin gets the minimal solution 0") {
    testing::ChainBuilder c;
    c.actor("a", ActorKind::Intermediary)
        .actor("b", ActorKind::Intermediary)
        .actor("r", ActorKind::Refiner)
        .flow("a", "b", 10)
        .flow("b", "a", 10)
        .flow("b", "r", 5);
    const risk::ChainGraph g(c.build());
    const risk::MixingSolver solver(g);
    risk::MixingProblem count;
    count.injection = {1, 1, 1};
    const risk::MixingResult n = solver.solve(count);
    CHECK(n.value[0] == 0);
    CHECK(n.value[1] == 0);
    CHECK(n.value[2] == Approx(1));  // r's own 1; nothing comes in with a count
    // Fixing a member opens the loop: x(b) = x(a) = 1.
    risk::MixingProblem mark;
    mark.fixed = {1, 0, 0};
    mark.fixedValue = {1, 0, 0};
    CHECK(solver.solve(mark).value[2] == Approx(1));
}

TEST_CASE("Mixing - a large cycle is solved iteratively to the same answer") {
    // A ring of 300 intermediaries (more than the dense limit), fed by one
    // picker; each passes 100 t on and the last also sells 10 t to r. The
    // ring returns 100 of the 110 t its first member receives.
    testing::ChainBuilder c;
    const int ring = 300;
    c.actor("p", ActorKind::WastePicker).actor("r", ActorKind::Refiner);
    for (int i = 0; i < ring; ++i) c.actor("m" + std::to_string(i), ActorKind::Intermediary);
    c.flow("p", "m0", 10);
    for (int i = 0; i < ring; ++i) c.flow("m" + std::to_string(i), "m" + std::to_string((i + 1) % ring), 100);
    c.flow("m" + std::to_string(ring - 1), "r", 10);
    const risk::ChainGraph g(c.build());
    const risk::MixingSolver solver(g);
    risk::MixingProblem p;
    p.fixed.assign(ring + 2, 0);
    p.fixedValue.assign(ring + 2, 0);
    p.fixed[0] = 1;
    p.fixedValue[0] = 0.25;
    const risk::MixingResult x = solver.solve(p);
    CHECK(x.exact);
    for (int i = 0; i < ring; ++i) CHECK(x.value[2 + i] == Approx(0.25).margin(1e-12));
    CHECK(x.value[1] == Approx(0.25).margin(1e-12));
}
