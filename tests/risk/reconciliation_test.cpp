// Reconciliation (risk/reconciliation/): small chains worked by hand, the
// selected inverse against a dense inverse, and the analysis around it.
// Chains: P (picker group, a source) -> B -> C -> R (refiner, the destination).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_builder.h"
#include "reconciliation/reconciliation.h"
#include "reconciliation/selected_inverse.h"
#include "reconciliation/significance.h"

using namespace traza;
using namespace traza::risk;
using traza::testing::ChainBuilder;
using Catch::Detail::Approx;

namespace {

// P -> B -> R: B is the one balanced actor.
ChainBuilder oneBalance(double in, double inSd, double out, double outSd) {
    ChainBuilder b;
    b.actor("P", model::ActorKind::WastePicker).actor("B", model::ActorKind::PickerOrganisation);
    b.actor("R", model::ActorKind::Refiner);
    b.flow("P", "B", in).lastFlow().sdT = inSd;
    b.flow("B", "R", out).lastFlow().sdT = outSd;
    return b;
}

Reconciliation run(const model::Project& p) {
    std::vector<char> dest(p.actors.size(), 0);
    for (std::size_t a = 0; a < p.actors.size(); ++a) dest[a] = p.actors[a].kind == model::ActorKind::Refiner;
    return reconcile(p, dest);
}

}  // namespace

TEST_CASE("Reconciliation - the only uncertain flow takes the whole correction (by hand)") {
    // r = 100 − 90 = 10, S = 25, λ = 0.4: x̂ = 100 − 25·0.4 = 90; χ² = 10²/25 = 4 on 1 dof;
    // W = 25²/25 = 25, z = −10/5 = −2; the reconciled sd is √(25 − 25) = 0; nodal z = 10/5 = 2.
    const Reconciliation r = run(oneBalance(100, 5, 90, 0).build());
    REQUIRE(r.figures.size() == 1);
    const ReconciledFigure& f = r.figures[0];
    CHECK(f.id == "f1");
    CHECK(f.reconciledT == Approx(90));
    CHECK(f.z == Approx(-2));
    CHECK(f.sdT == Approx(0).margin(1e-9));
    CHECK(f.redundancy == Approx(1));
    CHECK(f.status == FigureStatus::Adjusted);
    CHECK(r.chi2 == Approx(4));
    CHECK(r.dof == 1);
    CHECK(r.pValue == Approx(0.0455003).epsilon(1e-5));  // P(χ²₁ > 4) = 2(1 − Φ(2))
    CHECK(r.chi2Critical == Approx(3.841459).epsilon(1e-6));
    REQUIRE(r.actors.size() == 1);
    CHECK(r.actors[0].id == "B");
    CHECK(r.actors[0].nodalZ == Approx(2));
    CHECK(r.actors[0].imbalanceT == Approx(10));
    CHECK(r.status == "ok");
    // One test: the plain two-sided 5% value, so |z| = 2 > 1.96 is implausible.
    CHECK(r.flowZCritical == Approx(1.959964).epsilon(1e-6));
    CHECK(f.implausible);
}

TEST_CASE("Reconciliation - equal uncertainties share the correction; the larger one moves more (by hand)") {
    // 100 ± 5 in, 90 ± 5 out: S = 50, λ = 0.2, both become 95 (STAN's "+/- 5" case);
    // χ² = 100/50 = 2; W = 625/50 = 12.5, z = ∓5/√12.5; reconciled sd √12.5.
    Reconciliation r = run(oneBalance(100, 5, 90, 5).build());
    REQUIRE(r.figures.size() == 2);
    CHECK(r.figures[0].reconciledT == Approx(95));
    CHECK(r.figures[1].reconciledT == Approx(95));
    CHECK(r.chi2 == Approx(2));
    CHECK(r.figures[0].z == Approx(-5 / std::sqrt(12.5)));
    CHECK(r.figures[1].z == Approx(5 / std::sqrt(12.5)));
    CHECK(r.figures[0].sdT == Approx(std::sqrt(12.5)));
    CHECK(r.figures[0].redundancy == Approx(0.5));
    // Two tests: Šidák β = 1 − 0.95^(1/2) = 0.0253206, z = Φ⁻¹(1 − β/2) = 2.236477.
    CHECK(r.flowZCritical == Approx(2.236477).epsilon(1e-5));
    CHECK_FALSE(r.figures[0].implausible);

    // 100 ± 3 in, 90 ± 4 out: S = 25, λ = 0.4: 100 − 9·0.4 = 96.4 = 90 + 16·0.4.
    r = run(oneBalance(100, 3, 90, 4).build());
    CHECK(r.figures[0].reconciledT == Approx(96.4));
    CHECK(r.figures[1].reconciledT == Approx(96.4));
}

TEST_CASE("Reconciliation - an uncertain loss absorbs the gap and its test names it (by hand)") {
    // B: 100 in, 90 out, exact; loss 0 ± 2 becomes 10, z = 10/2 = 5.
    ChainBuilder b = oneBalance(100, 0, 90, 0);
    b.project().actors[1].lossSdT = 2;
    const Reconciliation r = run(b.build());
    REQUIRE(r.figures.size() == 1);
    CHECK(r.figures[0].kind == FigureKind::Loss);
    CHECK(r.figures[0].id == "B");
    CHECK(r.figures[0].reconciledT == Approx(10));
    CHECK(r.figures[0].z == Approx(5));
    CHECK(r.figures[0].implausible);
}

TEST_CASE("Reconciliation - an unknown flow is computed from the balances, with its sd (by hand)") {
    // P -> B (100 ± 5) -> C (null) -> R (90 ± 5): B and C balance together
    // (100 − 90 = 10 over S = 50): both measured flows become 95, so is B -> C;
    // its sd is that of x̂(C -> R), √12.5. B and C have no nodal test of their own.
    ChainBuilder b;
    b.actor("P", model::ActorKind::WastePicker).actor("B", model::ActorKind::PickerOrganisation);
    b.actor("C", model::ActorKind::Intermediary).actor("R", model::ActorKind::Refiner);
    b.flow("P", "B", 100).lastFlow().sdT = 5;
    b.flow("B", "C", 0).lastFlow().tonnesUnknown = true;
    b.flow("C", "R", 90).lastFlow().sdT = 5;
    const Reconciliation r = run(b.build());
    REQUIRE(r.figures.size() == 3);
    const ReconciledFigure* u = r.flow(1);
    REQUIRE(u);
    CHECK(u->status == FigureStatus::Computed);
    CHECK(u->reconciledT == Approx(95));
    CHECK(u->sdT == Approx(std::sqrt(12.5)));
    CHECK(std::isnan(u->givenT));
    CHECK(r.chi2 == Approx(2));
    CHECK(r.dof == 1);
    REQUIRE(r.actors.size() == 2);
    CHECK(r.actors[0].group == 2);
    CHECK(std::isnan(r.actors[0].nodalZ));

    // A second unknown flow beside it closes a cycle of unknowns: neither is determined.
    b.flow("B", "C", 0).lastFlow().tonnesUnknown = true;
    const Reconciliation twin = run(b.build());
    CHECK(twin.flow(1)->status == FigureStatus::NotDetermined);
    CHECK(twin.flow(3)->status == FigureStatus::NotDetermined);
    CHECK(std::isnan(twin.flow(3)->reconciledT));
    CHECK(twin.flow(0)->reconciledT == Approx(95));  // the group still balances

    // An unknown flow into the refiner: B's balance gives it, and nothing is left to check.
    ChainBuilder c = oneBalance(100, 5, 0, 0);
    c.project().flows[1].tonnes = 0;
    c.project().flows[1].tonnesUnknown = true;
    const Reconciliation open = run(c.build());
    CHECK(open.flow(1)->status == FigureStatus::Computed);
    CHECK(open.flow(1)->reconciledT == Approx(100));
    CHECK(open.flow(1)->sdT == Approx(5));
    CHECK(open.flow(0)->status == FigureStatus::NotRedundant);
    CHECK(std::isnan(open.flow(0)->z));
    CHECK(open.dof == 0);
    CHECK(open.status == "not_redundant");
}

TEST_CASE("Reconciliation - balances that no uncertain figure can close make the status inconsistent") {
    // B: 100 in, 80 ± 10 out; C: that flow in, 80 out. The flow cannot be 100
    // and 80 at once: rank 1 of 2 rows, and the summed imbalance 20 stays.
    ChainBuilder b;
    b.actor("P", model::ActorKind::WastePicker).actor("B", model::ActorKind::PickerOrganisation);
    b.actor("C", model::ActorKind::Intermediary).actor("R", model::ActorKind::Refiner);
    b.flow("P", "B", 100);
    b.flow("B", "C", 80).lastFlow().sdT = 10;
    b.flow("C", "R", 80);
    const Reconciliation r = run(b.build());
    CHECK(r.dof == 1);
    CHECK(r.status == "inconsistent");
    CHECK(r.actors[0].cannotClose);
    CHECK(r.actors[1].cannotClose);

    // An exact balance that closes is fine; one that is off is inconsistent.
    ChainBuilder ok = oneBalance(100, 5, 90, 5);
    ok.actor("Q", model::ActorKind::Intermediary).flow("P", "Q", 10).flow("Q", "R", 10);
    CHECK(run(ok.build()).status == "ok");
    // Off by a kilogram (rounding): within the mass-balance tolerance max(1 % of 10 t, 0.1 t).
    ok.project().flows.back().tonnes = 9.999;
    CHECK(run(ok.build()).status == "ok");
    ok.project().flows.back().tonnes = 9.85;  // 0.15 t off: beyond it
    CHECK(run(ok.build()).status == "inconsistent");
    ok.project().flows.back().tonnes = 9;
    const Reconciliation off = run(ok.build());
    CHECK(off.status == "inconsistent");
    CHECK(off.actors[1].id == "Q");
    CHECK(off.actors[1].cannotClose);
    CHECK(std::isnan(off.actors[1].nodalZ));
}

TEST_CASE("Reconciliation - the selected inverse equals the dense inverse on the factor's pattern") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> weight(0.1, 5);
    for (int trial = 0; trial < 20; ++trial) {
        const int n = 3 + trial;
        // A grounded weighted Laplacian of a random sparse graph: SPD.
        Eigen::MatrixXd dense = Eigen::MatrixXd::Zero(n, n);
        for (int i = 0; i < n; ++i) dense(i, i) += weight(rng);
        for (int e = 0; e < 2 * n; ++e) {
            const int i = static_cast<int>(rng() % n), j = static_cast<int>(rng() % n);
            if (i == j) continue;
            const double w = weight(rng);
            dense(i, i) += w, dense(j, j) += w, dense(i, j) -= w, dense(j, i) -= w;
        }
        const reconciliation::SparseMatrix S = dense.sparseView();
        reconciliation::Ldlt ldlt(S);
        REQUIRE(ldlt.info() == Eigen::Success);
        const reconciliation::SelectedInverse Z(ldlt);
        const Eigen::MatrixXd inverse = dense.inverse();
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (i == j || dense(i, j) != 0) CHECK(Z.at(i, j) == Approx(inverse(i, j)).epsilon(1e-10));
    }
}

TEST_CASE("Reconciliation - χ² and Šidák numbers match published tables") {
    using namespace reconciliation;
    CHECK(chiSquareCritical(1, 0.05) == Approx(3.841459).epsilon(1e-6));
    CHECK(chiSquareCritical(10, 0.05) == Approx(18.307038).epsilon(1e-6));
    CHECK(chiSquarePValue(18.307038, 10) == Approx(0.05).epsilon(1e-5));
    CHECK(std::isnan(chiSquarePValue(1, 0)));
    CHECK(sidakCriticalZ(1, 0.05) == Approx(1.959964).epsilon(1e-6));
    // 1 − (1 − 0.05)^(1/100) = 5.128e-4; tail 2.564e-4 lies between z = 3.47 (2.603e-4) and 3.48 (2.507e-4): 3.474.
    CHECK(sidakCriticalZ(100, 0.05) == Approx(3.474).epsilon(2e-4));
}

TEST_CASE("Reconciliation - the analysis carries it only when a figure is uncertain, and --reconcile uses it") {
    const model::Project plain = oneBalance(100, 0, 90, 0).build();
    const Analysis a0 = analyze(plain);
    CHECK_FALSE(a0.reconciliation);
    CHECK(analysisToJson(a0).find("reconciliation") == std::string::npos);

    ChainBuilder b = oneBalance(100, 5, 90, 0);
    const Analysis given = analyze(b.build());
    REQUIRE(given.reconciliation);
    CHECK_FALSE(given.usesReconciledFigures);
    CHECK(given.actor("B")->massBalanceGapT == Approx(10));
    bool flagged = false;
    for (const RedFlag& f : given.redFlags)
        if (f.rule == "implausible_figure") {
            flagged = true;
            CHECK(f.flow == "f1");
            CHECK(f.actor == "B");
            CHECK_THAT(f.detail.text(), Catch::Contains("|z| = 2.00") && Catch::Contains("1.96"));
        }
    CHECK(flagged);
    const nlohmann::json j = nlohmann::json::parse(analysisToJson(given));
    CHECK(j["reconciliation"]["status"] == "ok");
    CHECK(j["reconciliation"]["dof"] == 1);
    CHECK(j["reconciliation"]["flows"][0]["id"] == "f1");
    CHECK(j["reconciliation"]["flows"][0]["reconciled_t"].get<double>() == Approx(90));
    CHECK(j["reconciliation"]["actors"][0]["nodal_z"].get<double>() == Approx(2));
    CHECK_FALSE(j.contains("figures"));

    AnalysisOptions options;
    options.reconcile = true;
    const Analysis rec = analyze(b.build(), options);
    CHECK(rec.usesReconciledFigures);
    CHECK(rec.actor("B")->massBalanceGapT == Approx(0).margin(1e-9));
    CHECK(rec.actor("B")->inT == Approx(90));
    CHECK_THAT(rec.warnings.front(), Catch::Contains("reconciled figures"));
    CHECK(nlohmann::json::parse(analysisToJson(rec))["figures"] == "reconciled");
}

TEST_CASE("Reconciliation - an implausible stock change or loss raises implausible_figure naming the actor and the figure (by hand)") {
    // B: 100 in, 90 out (exact), stock change 4 ± 2: the balance leaves 6 t, which
    // only the stock change can take: 4 -> 10 t, W = 2² = 4, z = 6 / 2 = 3 > 1.96 (one test).
    ChainBuilder b = oneBalance(100, 0, 90, 0);
    b.project().actors[1].stockChangeT = 4;
    b.project().actors[1].stockChangeSdT = 2;
    const Analysis a = analyze(b.build());
    REQUIRE(a.reconciliation);
    REQUIRE(a.reconciliation->figures.size() == 1);
    CHECK(a.reconciliation->figures[0].reconciledT == Approx(10));
    CHECK(a.reconciliation->figures[0].z == Approx(3));
    std::vector<const RedFlag*> flags;
    for (const RedFlag& f : a.redFlags)
        if (f.rule == "implausible_figure") flags.push_back(&f);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0]->actor == "B");
    CHECK(flags[0]->flow.empty());
    CHECK_THAT(flags[0]->detail.text(), Catch::Contains("a stock change of 4") && Catch::Contains("10") &&
                                            Catch::Contains("|z| = 3.00") && Catch::Contains("1.96"));

    // Losses 0 ± 2 beside an exact flow test: 10 t of losses, z = 5; in Spanish.
    ChainBuilder l = oneBalance(100, 0, 90, 0);
    l.project().actors[1].lossSdT = 2;
    AnalysisOptions es;
    es.language = "es";
    const Analysis la = analyze(l.build(), es);
    flags.clear();
    for (const RedFlag& f : la.redFlags)
        if (f.rule == "implausible_figure") flags.push_back(&f);
    REQUIRE(flags.size() == 1);
    CHECK(flags[0]->actor == "B");
    CHECK_THAT(flags[0]->detail.text(), Catch::Contains("pérdidas de 0") && Catch::Contains("5,00"));

    // A flow and a loss both implausible: two flags, the flow's sentence from the
    // catalogue, the loss's naming the actor. In 100 ± 5, out 60 (exact), loss 0 ± 5:
    // r = 40 over S = 50, λ = 0.8: in -> 80, loss -> 20; W = 25²/50 = 12.5 each,
    // z = ∓20 / √12.5 = ∓5.657 > 2.236 (two tests).
    ChainBuilder both = oneBalance(100, 5, 60, 0);
    both.project().actors[1].lossSdT = 5;
    const Analysis ba = analyze(both.build());
    flags.clear();
    for (const RedFlag& f : ba.redFlags)
        if (f.rule == "implausible_figure") flags.push_back(&f);
    REQUIRE(flags.size() == 2);
    CHECK(flags[0]->flow == "f1");
    CHECK_THAT(flags[0]->detail.text(), Catch::Contains("Flow f1") && Catch::Contains("5.66") && Catch::Contains("2.24"));
    CHECK(flags[1]->flow.empty());
    CHECK(flags[1]->actor == "B");
    CHECK_THAT(flags[1]->detail.text(), Catch::Contains("losses of 0") && Catch::Contains("20") && Catch::Contains("5.66"));

    // Plausible: losses 8 ± 2 against a gap of 10: z = 1, no flag.
    ChainBuilder ok = oneBalance(100, 0, 90, 0);
    ok.project().actors[1].lossT = 8;
    ok.project().actors[1].lossSdT = 2;
    const Analysis oa = analyze(ok.build());
    REQUIRE(oa.reconciliation);
    CHECK(oa.reconciliation->figures[0].z == Approx(1));
    for (const RedFlag& f : oa.redFlags) CHECK(f.rule != "implausible_figure");
}
