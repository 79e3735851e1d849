// Cycles that return all but 1e-16 or less of what passes through them: the
// proportional-mixing system (I − M) is singular in floating point there, and
// risk::analyze once gave NaN flow shares (fixed by state reduction,
// risk/state_reduction.h; reproducers in regressions/analyze/). Every number
// below is worked by hand in the comment above its check; exact_flow_share.py
// checks random chains of this kind against exact rational arithmetic.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "analysis.h"
#include "chain_builder.h"
#include "chain_graph.h"
#include "proportional_mixing.h"
#include "state_reduction.h"

using namespace traza;
using Catch::Detail::Approx;
using model::ActorKind;

namespace {
// s → a ε (the only way in); a → b 100; b → a 60; b → r 30; b → z 10 (z keeps
// it); and beside the cycle p → r 90. r is the only refiner: T = 120.
testing::ChainBuilder nearlyClosed(double eps) {
    testing::ChainBuilder c;
    c.actor("s", ActorKind::WastePicker)
        .actor("a", ActorKind::Intermediary)
        .actor("b", ActorKind::Exporter)
        .actor("r", ActorKind::Refiner)
        .actor("z", ActorKind::Manufacturer)
        .actor("p", ActorKind::WastePicker)
        .flow("s", "a", eps)
        .flow("a", "b", 100)
        .flow("b", "a", 60)
        .flow("b", "r", 30)
        .flow("b", "z", 10)
        .flow("p", "r", 90);
    return c;
}
}  // namespace

TEST_CASE("Nearly closed cycle - flow shares stay exact when the inflow is 1e-82 of the circulation") {
    // All of a's output goes to b, which sends 30 of every 100 t to r; what
    // returns to a is not counted again: share(a) = 100 · 30/100 / T = 0.25.
    // b: 30 straight to r = 0.25. s: everything it sends joins the cycle, whose
    // whole output reaches r in the same proportion: y(a) = 30(60 + ε)/ε,
    // share(s) = ε · y(a) / in(a) / T = 30 / 120 = 0.25. p: 90/120. r: in(r)/T = 1.
    for (double eps : {1.0, 1e-10, 1e-17, 1e-82, 1e-290}) {
        INFO("eps = " << eps);
        const risk::Analysis an = risk::analyze(nearlyClosed(eps).build());
        REQUIRE(an.totalT == Approx(120));
        CHECK(an.actor("a")->flowShare == Approx(0.25).epsilon(1e-12));
        CHECK(an.actor("b")->flowShare == Approx(0.25).epsilon(1e-12));
        CHECK(an.actor("s")->flowShare == Approx(0.25).epsilon(1e-12));
        CHECK(an.actor("p")->flowShare == Approx(0.75).epsilon(1e-12));
        CHECK(an.actor("r")->flowShare == Approx(1.0).epsilon(1e-12));
        CHECK(an.actor("z")->flowShare == 0);
    }
}

TEST_CASE("Nearly closed cycle - mixing keeps the feed's value and counts passes without cancellation") {
    const double eps = 1e-82;
    const model::Project project = nearlyClosed(eps).build();
    const risk::ChainGraph g(project);
    const risk::MixingSolver solver(g);
    // s fixed at 0.3: a and b hold only material from s (the cycle is a mix of
    // it), so x(a) = x(b) = 0.3, and z and r's share of it: x(z) = 0.3,
    // x(r) = (30 · 0.3 + 90 · 0) / 120 = 0.075. (LU saw a singular matrix here.)
    risk::MixingProblem mark;
    mark.fixed = {1, 0, 0, 0, 0, 0};
    mark.fixedValue = {0.3, 0, 0, 0, 0, 0};
    const risk::MixingResult x = solver.solve(mark);
    CHECK(x.exact);
    CHECK(x.value[1] == Approx(0.3).epsilon(1e-13));
    CHECK(x.value[2] == Approx(0.3).epsilon(1e-13));
    CHECK(x.value[4] == Approx(0.3).epsilon(1e-13));
    CHECK(x.value[3] == Approx(0.075).epsilon(1e-13));

    // Passes counted (injection 1 at every actor): N(s) = 1,
    // N(a) = 1 + (ε · 1 + 60 N(b)) / (60 + ε), N(b) = 1 + N(a)
    // → N(a) · ε / (60 + ε) = 2 → N(a) = 2 (60 + ε) / ε = 1.2e84, N(b) = N(a) + 1.
    risk::MixingProblem count;
    count.injection.assign(6, 1.0);
    const risk::MixingResult n = solver.solve(count);
    CHECK(n.value[1] == Approx(120 / eps).epsilon(1e-12));
    CHECK(n.value[2] == Approx(120 / eps).epsilon(1e-12));
    CHECK(std::isfinite(n.value[3]));
}

TEST_CASE("Nearly closed cycle - state reduction of a three-member ring matches the hand solution") {
    // Members 0 → 1 → 2 → 0, 50 t each, and member 0 also gets a leak of ε.
    // in = (50 + ε, 50, 50). Mixing with the leak worth 1 (rhs(0) = ε · 1) and
    // nothing else: every member holds only that material, x = (1, 1, 1).
    const double eps = 1e-200;
    risk::CycleSystem sys(3);
    sys.weight(1, 0) = 50;
    sys.weight(2, 1) = 50;
    sys.weight(0, 2) = 50;
    sys.leak(0) = eps;
    const std::vector<double> x = sys.solveMixing({eps, 0, 0});
    for (double v : x) CHECK(v == Approx(1).epsilon(1e-14));

    // Adjoint with h = (0, 0, 7) (member 2 sends 7 t per unit into D):
    // y(2) = 7 + 50 y(0)/in(0), y(1) = 50 y(2)/50, y(0) = 50 y(1)/50
    // → y(0) = y(1) = y(2) = 7 (50 + ε) / ε. With i absorbing, the way from i
    // to member 2 without returning: y′ = (7, 7, 7).
    const risk::CycleSystem::Adjoint adj = sys.solveAdjoint({0, 0, 7});
    for (int i = 0; i < 3; ++i) {
        CHECK(adj.absorbed[i] == Approx(7).epsilon(1e-14));
        CHECK(adj.value[i] == Approx(7 * 50 / eps).epsilon(1e-13));
    }
}

TEST_CASE("Nearly closed cycle - a ring too large for state reduction ends with a warning, never hangs") {
    // 450 intermediaries in a ring of 60 000 t flows, fed by 0.001 t: Gauss–Seidel
    // would need millions of sweeps. The sweeps are bounded by the work they
    // cost; the analysis finishes, says its figures did not settle, and every
    // share is still a fraction. Members of the ring carry all of r's input: 1.
    testing::ChainBuilder c;
    const int ring = 450;
    c.actor("s", ActorKind::WastePicker).actor("r", ActorKind::Refiner);
    for (int i = 0; i < ring; ++i) c.actor("m" + std::to_string(i), ActorKind::Intermediary);
    c.flow("s", "m0", 1e-3);
    for (int i = 0; i < ring; ++i) c.flow("m" + std::to_string(i), "m" + std::to_string((i + 1) % ring), 60000);
    c.flow("m5", "r", 1);
    const risk::Analysis an = risk::analyze(c.build());
    bool warned = false;
    for (const std::string& w : an.warnings) warned = warned || w.find("did not settle") != std::string::npos;
    CHECK(warned);
    for (const risk::ActorResult& r : an.actors) {
        INFO(r.id);
        CHECK(r.flowShare >= 0);
        CHECK(r.flowShare <= 1);
    }
    CHECK(an.actor("m0")->flowShare == Approx(1).epsilon(1e-9));
    CHECK(an.actor("m300")->flowShare == Approx(1).epsilon(1e-9));
}
