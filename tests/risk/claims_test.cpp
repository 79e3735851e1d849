// The credit method (by_stage_credit), the exact gains of documenting one flow
// (next_flows) and the document-next plan: hand-worked chains, the CARE sample,
// and generated chains with cycles, each gain checked against analysing again
// with that flow documented. networkx_claims_check.py checks the maximum flows
// against networkx independently.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "analysis.h"
#include "chain_builder.h"
#include "chain_json.h"
#include "claims/documentation_what_if.h"
#include "error.h"
#include "generated_chains.h"

using namespace traza;
using model::ActorKind;
using model::Evidence;
using testing::balancedChain;

namespace {

const model::Project& careClaimsProject() {
    static const model::Project p = model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json",
                                                           model::Catalogue::installed());
    return p;
}

const risk::TraceLevel& level(const risk::Analysis& a, Evidence l) {
    for (const auto& t : a.traceability.levels)
        if (t.level == l) return t;
    FAIL("no level");
    return a.traceability.levels.front();
}

// p1 (documented 10 t) and p2 (undocumented 10 t) sell to o; o sends 20 t to
// exp, 10 t of it documented; exp sends 20 t, all documented, to ref.
model::Project handWorked() {
    testing::ChainBuilder b;
    b.actor("p1", ActorKind::WastePicker).actor("p2", ActorKind::WastePicker);
    b.actor("o", ActorKind::PickerOrganisation).actor("exp", ActorKind::Exporter).actor("ref", ActorKind::Refiner);
    b.flow("p1", "o", 10, 10, Evidence::Documented).flow("p2", "o", 10, 0, Evidence::None);
    b.flow("o", "exp", 20, 10, Evidence::Documented).flow("exp", "ref", 20, 20, Evidence::Documented);
    return b.project();
}

// The same project with flow `index` documented at level L for all its tonnes.
model::Project documented(model::Project p, std::size_t index, Evidence l) {
    model::Flow& f = p.flows[index];
    f.documentedT = f.tonnes;
    f.evidence = std::max(f.evidence, l);
    return p;
}

// Every listed gain equals analysing again with that flow documented, and no
// flow left out would gain more than the last one listed.
void checkGainsByReanalysis(const model::Project& p, int stage, const risk::AnalysisOptions& base = {}) {
    risk::AnalysisOptions options = base;
    options.planStage = stage;
    options.secondThread = false;
    const risk::Analysis a = risk::analyze(p, options);
    for (const risk::TraceLevel& tl : a.traceability.levels) {
        if (!tl.byStage.count(stage)) continue;
        const double before = tl.byStage.at(stage);
        double smallestListed = 2;
        for (const risk::NextFlow& nf : tl.nextFlows) smallestListed = std::min(smallestListed, nf.gain);
        for (std::size_t i = 0; i < p.flows.size(); ++i) {
            const risk::Analysis again = risk::analyze(documented(p, i, tl.level), options);
            const double gain = level(again, tl.level).byStage.at(stage) - before;
            const auto it = std::find_if(tl.nextFlows.begin(), tl.nextFlows.end(),
                                         [&](const risk::NextFlow& nf) { return nf.flow == p.flows[i].id; });
            INFO("flow " << p.flows[i].id << " level " << model::toString(tl.level) << " stage " << stage);
            if (it != tl.nextFlows.end()) CHECK(it->gain == Approx(gain).margin(1e-10));
            else if (tl.nextFlows.size() == 20) CHECK(gain <= smallestListed + 1e-10);
            else CHECK(gain <= 1e-10);  // a flow left out of a short list adds nothing
        }
    }
}

}  // namespace

TEST_CASE("CreditTraceability - hand-worked chain: the documented 10 t can all be put on the documented hop") {
    const risk::Analysis a = risk::analyze(handWorked());
    const risk::TraceLevel& doc = level(a, Evidence::Documented);
    // Proportional: τ(o) = 1/2, τ(exp) = 10·1/2 / 20 = 1/4, traced = 1/4.
    CHECK(doc.byStage.at(1) == Approx(0.25));
    // Credit: the 10 documented tonnes from p1 fill o's 10 documented tonnes to exp.
    CHECK(doc.byStageCredit.at(1) == Approx(0.5));
    CHECK(doc.byStageCredit.at(2) == Approx(0.5));
    CHECK(doc.byStageCredit.at(4) == Approx(1.0));
    // Verified: nothing qualifies.
    CHECK(level(a, Evidence::Verified).byStageCredit.at(1) == 0.0);
}

TEST_CASE("CreditTraceability - an actor that sends more than it receives does not create documented tonnes") {
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker).actor("o", ActorKind::PickerOrganisation).actor("ref", ActorKind::Refiner);
    b.flow("p", "o", 1, 1, Evidence::Documented).flow("o", "ref", 10, 10, Evidence::Documented);
    const risk::Analysis a = risk::analyze(b.build());
    const risk::TraceLevel& doc = level(a, Evidence::Documented);
    CHECK(doc.byStage.at(1) == Approx(1.0));         // proportional: o's stock counts as traced
    CHECK(doc.byStageCredit.at(1) == Approx(0.1));   // credit: only the tonne that came in
}

TEST_CASE("CreditTraceability - a cycle: material sent back can be claimed only once") {
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker).actor("o", ActorKind::PickerOrganisation);
    b.actor("i", ActorKind::Intermediary).actor("ref", ActorKind::Refiner);
    b.flow("p", "o", 10, 10, Evidence::Documented).flow("o", "i", 15, 15, Evidence::Documented);
    b.flow("i", "o", 5, 5, Evidence::Documented).flow("i", "ref", 10, 4, Evidence::Documented);
    const risk::Analysis a = risk::analyze(b.build());
    const risk::TraceLevel& doc = level(a, Evidence::Documented);
    CHECK(doc.byStageCredit.at(1) == Approx(0.4));  // min cut: the 4 documented tonnes into ref
    CHECK(doc.byStage.at(1) == Approx(0.4));        // every tonne in the loop is documented
}

TEST_CASE("CreditTraceability - balanced generated chains with cycles: proportional <= credit <= 1") {
    int cyclic = 0;
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        const model::Project p = balancedChain(seed);
        cyclic += std::any_of(p.flows.begin(), p.flows.end(), [&](const model::Flow& f) {
            return f.to < f.from && f.to != "a0" && f.to != "a1";  // crude: a back flow exists
        });
        const risk::Analysis a = risk::analyze(p);
        for (const risk::TraceLevel& l : a.traceability.levels)
            for (const auto& [k, v] : l.byStage) {
                INFO("seed " << seed << " stage " << k);
                CHECK(l.byStageCredit.at(k) >= v - 1e-12);
                CHECK(l.byStageCredit.at(k) <= 1.0);
            }
    }
    CHECK(cyclic > 10);
}

TEST_CASE("CreditTraceability - the CARE sample: proportional <= credit <= 1, non-decreasing in the stage") {
    const risk::Analysis a = risk::analyze(careClaimsProject());
    for (const risk::TraceLevel& l : a.traceability.levels) {
        double previous = 0;
        for (const auto& [k, v] : l.byStage) {
            CHECK(l.byStageCredit.at(k) <= 1.0);
            CHECK(l.byStageCredit.at(k) >= previous - 1e-12);
            previous = l.byStageCredit.at(k);
        }
    }
}

TEST_CASE("DocumentationGains - hand-worked chain: each undocumented hop is worth a quarter") {
    const risk::Analysis a = risk::analyze(handWorked());
    const auto& next = level(a, Evidence::Documented).nextFlows;
    REQUIRE(next.size() == 2);
    CHECK(next[0].flow == "f2");  // equal gains: project order
    CHECK(next[0].gain == Approx(0.25));
    CHECK(next[0].tonnes == Approx(10));
    CHECK(next[1].flow == "f3");
    CHECK(next[1].gain == Approx(0.25));
    checkGainsByReanalysis(handWorked(), 1);
    checkGainsByReanalysis(handWorked(), 2);
}

TEST_CASE("DocumentationGains - hand-worked cycle: documenting a hop inside the loop, exactly") {
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker).actor("o", ActorKind::PickerOrganisation);
    b.actor("i", ActorKind::Intermediary).actor("ref", ActorKind::Refiner);
    b.flow("p", "o", 10, 6, Evidence::Documented).flow("o", "i", 15, 9, Evidence::Reported);
    b.flow("i", "o", 5, 1, Evidence::Documented).flow("i", "ref", 10, 4, Evidence::Documented);
    // τ(o) = (6 + 1·τ(i)) / 15, τ(i) = 9·τ(o) / 15 at level reported: documenting
    // i→o (4 more t) changes both through the loop (Sherman–Morrison's denominator).
    checkGainsByReanalysis(b.build(), 1);
    checkGainsByReanalysis(b.build(), 2);
}

TEST_CASE("DocumentationGains - the CARE sample: every gain equals analysing again with the flow documented") {
    checkGainsByReanalysis(careClaimsProject(), 1);
    checkGainsByReanalysis(careClaimsProject(), 3);
}

TEST_CASE("DocumentationGains - generated chains with cycles: gains equal analysing again") {
    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        INFO("seed " << seed);
        checkGainsByReanalysis(balancedChain(seed), 1);
        checkGainsByReanalysis(balancedChain(seed), 2);
    }
}

TEST_CASE("DocumentationPlan - hand-worked chain: two hops reach 80% at stage 1") {
    risk::AnalysisOptions options;
    options.planLevel = Evidence::Documented;
    options.planTarget = 0.8;
    const risk::Analysis a = risk::analyze(handWorked(), options);
    REQUIRE(a.plan);
    CHECK(a.plan->start == Approx(0.25));
    REQUIRE(a.plan->steps.size() == 2);
    CHECK(a.plan->steps[0].flow == "f2");
    CHECK(a.plan->steps[0].traced == Approx(0.5));
    CHECK(a.plan->steps[1].flow == "f3");
    CHECK(a.plan->steps[1].gain == Approx(0.5));  // worth more once f2 is documented
    CHECK(a.plan->steps[1].traced == Approx(1.0));
    CHECK(a.plan->tonnes == Approx(20));
    CHECK(a.plan->reached);
}

TEST_CASE("DocumentationPlan - each step's traced share is what analysing the documented project gives") {
    // Even seeds have no return flows: the plan's steps are then updated in
    // place (documentation_plan.cpp), odd ones recompute through the cycles.
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        model::Project p = balancedChain(seed, seed % 2 == 1);
        risk::AnalysisOptions options;
        options.planLevel = Evidence::Reported;
        options.planTarget = 0.95;
        options.planStage = seed % 3 == 0 ? 2 : 1;
        const risk::Analysis a = risk::analyze(p, options);
        REQUIRE(a.plan);
        const int k = options.planStage;
        if (!level(a, Evidence::Reported).byStage.count(k)) continue;
        for (const risk::PlanStep& s : a.plan->steps) {
            const auto it = std::find_if(p.flows.begin(), p.flows.end(), [&](auto& f) { return f.id == s.flow; });
            REQUIRE(it != p.flows.end());
            p = documented(p, static_cast<std::size_t>(it - p.flows.begin()), Evidence::Reported);
            INFO("seed " << seed << " step " << s.flow);
            CHECK(level(risk::analyze(p), Evidence::Reported).byStage.at(k) == Approx(s.traced).margin(1e-10));
        }
        const double last = a.plan->steps.empty() ? a.plan->start : a.plan->steps.back().traced;
        CHECK(a.plan->reached == (last >= 0.95 - 1e-12));
    }
}

TEST_CASE("DocumentationWhatIf - the hand-worked chain with flows documented, the project untouched") {
    const model::Project p = handWorked();
    auto at1 = [](const risk::Traceability& t) {
        for (const risk::TraceLevel& l : t.levels)
            if (l.level == Evidence::Documented) return l.byStage.at(1);
        return -1.0;
    };
    // By hand (the plan's test above): 0.25 today, 0.5 with f2, 1 with f2 and f3.
    CHECK(at1(risk::traceabilityIfDocumented(p, {}, Evidence::Documented)) == Approx(0.25));
    CHECK(at1(risk::traceabilityIfDocumented(p, {"f2"}, Evidence::Documented)) == Approx(0.5));
    CHECK(at1(risk::traceabilityIfDocumented(p, {"f2", "f3"}, Evidence::Documented)) == Approx(1.0));
    // Documented only as reported: nothing changes at level documented for f2 (it stays below the level).
    CHECK(at1(risk::traceabilityIfDocumented(p, {"f2"}, Evidence::Reported)) == Approx(0.25));
    CHECK(p.flows[1].documentedT == 0);  // the project itself is a copy's source, never changed
    CHECK_THROWS_AS(risk::traceabilityIfDocumented(p, {"nope"}, Evidence::Documented), InvalidInput);
    // Generated chains with cycles: the plan's flows documented give the plan's last share.
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const model::Project g = balancedChain(seed, true);
        risk::AnalysisOptions options;
        options.planLevel = Evidence::Reported;
        options.planTarget = 0.95;
        const risk::Analysis a = risk::analyze(g, options);
        if (!a.plan || a.plan->steps.empty()) continue;
        std::vector<std::string> ids;
        for (const risk::PlanStep& s : a.plan->steps) ids.push_back(s.flow);
        const risk::Traceability t = risk::traceabilityIfDocumented(g, ids, Evidence::Reported);
        INFO("seed " << seed);
        CHECK(level(risk::Analysis{.traceability = t}, Evidence::Reported).byStage.at(1) ==
              Approx(a.plan->steps.back().traced).margin(1e-10));
    }
}

TEST_CASE("DocumentationPlan - a plan stage that is not traced is refused or gives no list") {
    risk::AnalysisOptions options;
    options.planStage = 0;
    CHECK_THROWS(risk::analyze(handWorked(), options));
    options.planStage = 9;  // beyond the last traced stage: nothing to list
    const risk::Analysis a = risk::analyze(handWorked(), options);
    CHECK(level(a, Evidence::Documented).nextFlows.empty());
}

TEST_CASE("DocumentationGains - a cycle of 250 actors (beyond the dense limit) is still exact") {
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker).actor("ref", ActorKind::Refiner);
    const int n = 250;
    for (int i = 0; i < n; ++i) b.actor("a" + std::to_string(i), ActorKind::Intermediary);
    b.flow("p", "a0", 100, 100, Evidence::Documented);
    for (int i = 0; i < n; ++i) {
        const std::string from = "a" + std::to_string(i), to = "a" + std::to_string((i + 1) % n);
        const double documented = i % 25 == 7 ? 30 : 50;  // ten hops partly documented
        b.flow(from, to, 50, documented, Evidence::Documented);
        if (i % 50 == 49) b.flow(from, "ref", 20, 20, Evidence::Documented);
    }
    // Every listed gain at level documented against analysing again (each
    // analysis solves the big cycle iteratively, so only the listed ones).
    const model::Project& p = b.build();
    const risk::Analysis a = risk::analyze(p);
    const risk::TraceLevel& doc = level(a, Evidence::Documented);
    REQUIRE(doc.nextFlows.size() >= 10);
    for (const risk::NextFlow& nf : doc.nextFlows) {
        const auto it = std::find_if(p.flows.begin(), p.flows.end(), [&](auto& f) { return f.id == nf.flow; });
        const risk::Analysis again =
            risk::analyze(documented(p, static_cast<std::size_t>(it - p.flows.begin()), Evidence::Documented));
        INFO("flow " << nf.flow);
        CHECK(nf.gain == Approx(level(again, Evidence::Documented).byStage.at(1) - doc.byStage.at(1)).margin(1e-10));
    }
}
