// Red flags, risk levels and choke-point reasons on small chains where the
// rule that must fire (and the one that must not) is obvious by hand.
#include <catch2/catch.hpp>

#include <algorithm>

#include "analysis.h"
#include "chain_builder.h"
#include "error.h"
#include "supplier_checklists.h"

using namespace traza;
using model::ActorKind;
using model::Evidence;
using Catch::Detail::Approx;

namespace {
int count(const risk::Analysis& a, const std::string& rule) {
    return static_cast<int>(std::count_if(a.redFlags.begin(), a.redFlags.end(),
                                          [&](const risk::RedFlag& f) { return f.rule == rule; }));
}
const risk::RedFlag* find(const risk::Analysis& a, const std::string& rule, const std::string& actor) {
    for (const auto& f : a.redFlags)
        if (f.rule == rule && f.actor == actor) return &f;
    return nullptr;
}
}  // namespace

TEST_CASE("RedFlags - capacity, conflict origin downstream, unknown upstream source") {
    // c (stage 3 source, unknown suppliers) → x 20 t; p → o 50 t; o → x 50 t; x → r 70 t.
    // o has a capacity of 40 t: 50 > 40 · 1.05 fires volume_above_capacity.
    // p is ticked conflict_affected_area: p, o, x and r all carry its material.
    testing::ChainBuilder b;
    b.actor("c", ActorKind::Intermediary)
        .actor("p", ActorKind::WastePicker)
        .actor("o", ActorKind::PickerOrganisation)
        .actor("x", ActorKind::Exporter)
        .actor("r", ActorKind::Refiner)
        .flow("c", "x", 20)
        .flow("p", "o", 50)
        .flow("o", "x", 50)
        .flow("x", "r", 70);
    b.project().actors[2].capacityT = 40;
    b.project().actors[1].riskFactors = {"conflict_affected_area"};
    const risk::Analysis a = risk::analyze(b.build());

    const risk::RedFlag* cap = find(a, "volume_above_capacity", "o");
    REQUIRE(cap);
    CHECK(cap->detail == "o handled 50.0 t in the period, more than its stated capacity of 40.0 t.");
    CHECK(cap->severity == "high");
    CHECK(count(a, "volume_above_capacity") == 1);

    CHECK(count(a, "conflict_affected_origin") == 4);
    const risk::RedFlag* conflict = find(a, "conflict_affected_origin", "r");
    REQUIRE(conflict);
    CHECK(conflict->severity == "critical");
    CHECK_THAT(conflict->detail, Catch::Contains("(50.0 t concerned)"));
    CHECK(a.redFlags.front().severity == "critical");

    // x gets 20 of its 70 t from c, a stage-3 source: 28.6%. r the same.
    const risk::RedFlag* unknown = find(a, "unknown_upstream_sources", "x");
    REQUIRE(unknown);
    CHECK(unknown->detail == "28.6% of what x receives (20.0 t) comes from sources whose own suppliers are not known.");
    CHECK(find(a, "unknown_upstream_sources", "r"));
    CHECK_FALSE(find(a, "unknown_upstream_sources", "o"));
}

TEST_CASE("RedFlags - child labour names the share of destination input") {
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("q", ActorKind::WastePicker)
        .actor("r", ActorKind::Refiner)
        .flow("p", "r", 25)
        .flow("q", "r", 75);
    b.project().actors[0].riskFactors = {"child_labour"};
    const risk::Analysis a = risk::analyze(b.build());
    const risk::RedFlag* f = find(a, "child_labour_reported", "p");
    REQUIRE(f);
    CHECK_THAT(f->detail, Catch::Contains("25.0% of destination input passes through it"));

    risk::AnalysisOptions es;
    es.language = "es";
    const risk::Analysis b2 = risk::analyze(b.build(), es);
    const risk::RedFlag* g = find(b2, "child_labour_reported", "p");
    REQUIRE(g);
    CHECK_THAT(g->detail, Catch::Contains("25,0 %"));
}

TEST_CASE("RiskScore - a finished supplier checklist halves the risk, and no more") {
    testing::ChainBuilder b;
    b.actor("o", ActorKind::PickerOrganisation).actor("r", ActorKind::Refiner).flow("o", "r", 10);
    b.project().actors[0].formality = model::Formality::Formal;
    const double before = risk::analyze(b.build()).actor("o")->risk.residual;
    model::Checklist list;
    list.scope = "o";
    for (const auto& item : b.project().catalogue.checklistItems)
        if (item.step >= 2 && item.step <= 4) list.items.push_back({item.id, model::ItemStatus::Done, "", {}, "", ""});
    list.items[0].status = model::ItemStatus::NotApplicable;  // left out, not counted against
    b.project().checklists.push_back(list);
    const risk::Analysis a = risk::analyze(b.build());
    // o: typology unknown (0.5), kind 0.5, formal 0.1: base = 0.2 + 0.175 + 0.025 = 0.4.
    CHECK(a.actor("o")->risk.inherent == Approx(0.4).epsilon(1e-12));
    CHECK(before == Approx(0.4).epsilon(1e-12));
    CHECK(a.actor("o")->risk.mitigation == 1.0);
    CHECK(a.actor("o")->risk.residual == Approx(0.2).epsilon(1e-12));
    CHECK(a.actor("o")->risk.level == "low");
}

TEST_CASE("RiskScore - a supplier following the Minerals template is counted over that template's supplier steps") {
    testing::ChainBuilder b;
    b.actor("o", ActorKind::PickerOrganisation).actor("r", ActorKind::Refiner).flow("o", "r", 10);
    b.project().actors[0].formality = model::Formality::Formal;
    // oecd_minerals: steps 2-4 are the supplier's, 4 + 4 + 3 = 11 items; 2.c and 3.c on the ground.
    model::Checklist list;
    list.scope = "o";
    list.templateId = "oecd_minerals";
    list.items = {{"2.a", model::ItemStatus::Done, "", {}, "", ""},
                  {"2.b", model::ItemStatus::NotApplicable, "", {}, "", ""},
                  {"3.b", model::ItemStatus::InProgress, "", {}, "", ""},
                  {"1.a", model::ItemStatus::Done, "", {}, "", ""}};  // step 1: the assessing company's, not counted
    b.project().checklists.push_back(list);
    const model::Project& p = b.project();
    const risk::SupplierChecklists lists(p);
    const risk::ChecklistProgress progress = lists.progress("o");
    CHECK(progress.applicable == 10);
    CHECK(progress.score == 1.5);
    CHECK(progress.progress == Approx(0.15).epsilon(1e-12));
    const auto open = lists.openOnTheGround("o", model::ItemStatus::Done);
    REQUIRE(open.size() == 2);
    CHECK(open[0].first->id == "2.c");
    CHECK(open[1].first->id == "3.c");
    // An actor with no checklist is counted over the default (RBC) template.
    CHECK(lists.openOnTheGround("r", model::ItemStatus::Done).front().first->id == "2.4");
    const risk::Analysis a = risk::analyze(b.build());
    CHECK(a.actor("o")->risk.mitigation == Approx(0.15).epsilon(1e-12));
}

TEST_CASE("ChokePoints - the threshold and dominance options") {
    // p → o 100; o → a 70; o → b 30; a → r 70; b → r 30.
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("o", ActorKind::PickerOrganisation)
        .actor("a", ActorKind::Exporter)
        .actor("b", ActorKind::Exporter)
        .actor("r", ActorKind::Refiner)
        .flow("p", "o", 100)
        .flow("o", "a", 70)
        .flow("o", "b", 30)
        .flow("a", "r", 70)
        .flow("b", "r", 30);
    const risk::Analysis a = risk::analyze(b.build());
    CHECK(a.actor("o")->chokePoint);
    CHECK(a.actor("o")->chokeRank == 1);
    CHECK(a.actor("o")->dominates == std::vector<std::string>{"r"});
    CHECK_THAT(a.actor("o")->chokeReasons[1], Catch::Equals("dominates r (Refiner or remelter): every tonne it receives passes through it"));
    CHECK(a.actor("a")->chokePoint);
    CHECK(a.actor("b")->chokePoint);  // 0.3 ≥ 0.25
    CHECK_FALSE(a.actor("p")->chokePoint);  // a source is never one
    CHECK_FALSE(a.actor("r")->chokePoint);  // nor a destination

    risk::AnalysisOptions strict;
    strict.chokeShareThreshold = 0.5;
    strict.chokeOnDominance = false;
    const risk::Analysis s = risk::analyze(b.build(), strict);
    CHECK(s.actor("o")->chokePoint);  // share 1
    CHECK(s.actor("a")->chokePoint);  // share 0.7
    CHECK_FALSE(s.actor("b")->chokePoint);
    CHECK(s.actor("b")->chokeRank == 0);

    risk::AnalysisOptions bad;
    bad.chokeShareThreshold = 1.5;
    CHECK_THROWS_AS(risk::analyze(b.build(), bad), InvalidInput);
}

TEST_CASE("Warnings - no destination at all, and flows that cannot be analysed") {
    // a ⇄ b only: no refiner, and no actor with inflow and no outflow.
    testing::ChainBuilder b;
    b.actor("a", ActorKind::Intermediary).actor("b", ActorKind::Intermediary).flow("a", "b", 5).flow("b", "a", 5);
    b.flow("a", "ghost", 3);
    b.project().flows.back().id = "bad";
    const risk::Analysis a = risk::analyze(b.build());
    CHECK(a.destinations.empty());
    CHECK(a.totalT == 0);
    auto warned = [&](const std::string& part) {
        return std::any_of(a.warnings.begin(), a.warnings.end(),
                           [&](const std::string& w) { return w.find(part) != std::string::npos; });
    };
    CHECK(warned("No destination"));
    // The flow is named by its ends, its id in brackets; the missing end by its id.
    CHECK(warned("→ ghost [bad] refers to an actor that does not exist"));
    CHECK(a.actor("a")->flowShare == 0);
    CHECK_FALSE(a.statement.empty());
}
