// Progress series (issue #19, "Time") on a chain worked by hand:
// s (picker) → a (organisation) → r (refiner), and x → a without records (5 t).
//   s → a: 10 t on 10 Jan, documented with a receipt; 20 t on 10 Feb, no document.
//   a → r: 10 t on 10 Jan, verified with a receipt; 20 t on 10 Feb, reported with a receipt.
// Goal a → r, thresholds 15 and 40 t; supports of a: 3 at threshold 1, 5 at 2, 2 at none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>

#include "analysis.h"
#include "chain_builder.h"
#include "record_summary.h"
#include "series/series.h"

using namespace traza;
using model::ActorKind;
using model::Evidence;
using Catch::Detail::Approx;

namespace {

model::Record record(const std::string& id, const std::string& date, double t, Evidence e, bool documented) {
    model::Record r;
    r.id = id;
    r.date = date;
    r.tonnes = t;
    r.evidence = e;
    if (documented) r.documents.push_back({"delivery_receipt", id});
    return r;
}

model::Project chain() {
    testing::ChainBuilder b;
    b.actor("s", ActorKind::WastePicker, 1)
        .actor("x", ActorKind::WastePicker, 1)
        .actor("a", ActorKind::PickerOrganisation, 2)
        .actor("r", ActorKind::Refiner, 3)
        .flow("s", "a", 1)
        .flow("a", "r", 1)
        .flow("x", "a", 5);
    model::Project& p = b.project();
    p.assessment.period = {"2025-01-01", "2025-03-31"};
    p.flows[0].records = {record("r1", "2025-01-10", 10, Evidence::Documented, true),
                          record("r2", "2025-02-10", 20, Evidence::Documented, false)};
    p.flows[1].records = {record("r3", "2025-01-10", 10, Evidence::Verified, true),
                          record("r4", "2025-02-10", 20, Evidence::Reported, true)};
    for (model::Flow& f : p.flows) model::applyRecordSummary(f);
    p.goals.push_back({"a", "r", {15, 40}, ""});
    p.supports.push_back({"a", "equipment", 1, "", 3, 0, 0, ""});
    p.supports.push_back({"a", "training", 2, "", 5, 0, 0, ""});
    p.supports.push_back({"a", "other", 0, "", 2, 0, 0, ""});
    return p;
}

double level(const std::array<double, risk::kEvidenceLevels>& a, Evidence e) { return a[static_cast<int>(e)]; }

}  // namespace

TEST_CASE("Series - months: tonnes against the goal, thresholds reached, supports placed") {
    const risk::Series s = risk::computeSeries(chain(), {}, "en");
    REQUIRE(s.periods.size() == 3);
    CHECK(s.periods[1].key == "2025-02");
    CHECK(s.undatedT == 5);
    REQUIRE(s.goals.size() == 1);
    const risk::GoalSeries& g = s.goals[0];
    CHECK(g.periods[0].deliveredT == 10);
    CHECK(g.periods[1].deliveredT == 20);
    CHECK(g.periods[2].deliveredT == 0);
    CHECK(g.periods[2].cumulativeT == 30);
    REQUIRE(g.reachedIn.size() == 2);
    CHECK(g.reachedIn[0] == std::optional<std::size_t>(1));  // 30 t ≥ 15 t in February
    CHECK_FALSE(g.reachedIn[1]);                             // 40 t never
    CHECK(g.periods[1].supports == 3);
    CHECK(g.supportsUnplaced == 7);  // threshold 2 not reached, and one linked to none
    CHECK(g.undatedT == 0);          // x → a is no delivery to the buyer
}

TEST_CASE("Series - months: documented and traced shares over each month's records") {
    const risk::Series s = risk::computeSeries(chain(), {}, "en");
    const risk::EvidencePeriod& jan = s.evidence[0];
    const risk::EvidencePeriod& feb = s.evidence[1];
    const risk::EvidencePeriod& mar = s.evidence[2];
    CHECK(jan.recordsT == 20);
    CHECK(level(jan.documentedShare, Evidence::Documented) == 1.0);
    CHECK(level(jan.documentedShare, Evidence::Verified) == 0.5);
    CHECK(level(feb.documentedShare, Evidence::SelfDeclared) == 0.5);
    CHECK(level(feb.documentedShare, Evidence::Reported) == 0.5);
    CHECK(level(feb.documentedShare, Evidence::Documented) == 0.0);
    CHECK(mar.recordsT == 0);
    CHECK(level(mar.documentedShare, Evidence::SelfDeclared) == 0.0);
    // traced[L][k], index L − self_declared: January back to stage 1 is documented
    // (receipt on both hops, s → a at documented), none of it verified on s → a.
    CHECK(jan.destinationsT == 10);
    CHECK(jan.traced[2].at(1) == Approx(1.0).margin(1e-12));  // documented
    CHECK(jan.traced[3].at(1) == Approx(0.0).margin(1e-12));  // verified
    CHECK(jan.traced[3].at(2) == Approx(1.0).margin(1e-12));
    // February: s → a has no document, so nothing is traced to stage 1; a → r is reported.
    CHECK(feb.traced[1].at(1) == Approx(0.0).margin(1e-12));
    CHECK(feb.traced[1].at(2) == Approx(1.0).margin(1e-12));
    CHECK(feb.traced[2].at(2) == Approx(0.0).margin(1e-12));
    // March has no records: no destination, no traced stage.
    CHECK(mar.destinationsT == 0);
    CHECK(mar.traced[0].empty());
}

TEST_CASE("Series - ISO weeks, and records that stop before the refiner") {
    model::Project p = chain();
    p.assessment.seriesPeriod = model::SeriesPeriod::Weekly;
    risk::Series s = risk::computeSeries(p, {}, "en");
    REQUIRE(s.periods.size() == 14);  // 2025-W01 (from Monday 30 December 2024) .. 2025-W14 (31 March)
    CHECK(s.periods.front().key == "2025-W01");
    CHECK(s.periods.back().key == "2025-W14");
    CHECK(s.goals[0].periods[1].deliveredT == 10);  // Friday 10 January is in week 2
    CHECK(s.goals[0].periods[6].deliveredT == 20);  // Monday 10 February begins week 7
    CHECK(s.goals[0].reachedIn[0] == std::optional<std::size_t>(6));
    // Without records on a → r the period's chain ends at a: a is its destination.
    p.flows[1].records.clear();
    p.flows[1].tonnes = 30;
    s = risk::computeSeries(p, {}, "en");
    CHECK(s.evidence[1].destinationsT == 10);
    CHECK(s.evidence[1].traced[2].at(1) == Approx(1.0).margin(1e-12));  // s → a documented
    CHECK(s.undatedT == 35);
}

TEST_CASE("Series - only a project with records has them in its analysis") {
    CHECK(risk::analyze(chain()).series);
    model::Project plain = chain();
    for (model::Flow& f : plain.flows) f.records.clear();
    CHECK_FALSE(risk::analyze(plain).series);
    CHECK_FALSE(risk::projectHasRecords(plain));
}

TEST_CASE("Series - the assessment period widens the range only when its bounds are dates and near") {
    model::Project p = chain();
    p.assessment.period = {"", ""};  // open: the records' own months
    CHECK(risk::computeSeries(p, {}, "en").periods.size() == 2);
    p.assessment.period = {"2024-11-15", "2025-02-28"};
    const risk::Series wide = risk::computeSeries(p, {}, "en");
    REQUIRE(wide.periods.size() == 4);
    CHECK(wide.periods.front().key == "2024-11");
    CHECK(wide.evidence[0].traced.size() == 4);  // an empty month still has its four levels
    CHECK(wide.evidence[0].traced[0].empty());
    p.assessment.period = {"1990-01-01", "2025-12-31"};  // decades of empty months are left out
    CHECK(risk::computeSeries(p, {}, "en").periods.size() == 2);
    p.assessment.period = {"2025-01-01", "2025-13-01"};  // a bound that is no date
    CHECK(risk::computeSeries(p, {}, "en").periods.size() == 2);
}

TEST_CASE("Series - a graph of keyed flows equals the graph of a project holding those flows") {
    // The series build each period's graph from sums (ChainGraph::KeyedFlow);
    // here the same flows as a project, parallel flows and a cycle included.
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker, 1)
        .actor("q", ActorKind::WastePicker, 1)
        .actor("o", ActorKind::PickerOrganisation, 2)
        .actor("i", ActorKind::Intermediary, 3)
        .actor("r", ActorKind::Refiner, 4)
        .flow("p", "o", 4, 1, Evidence::Documented)
        .flow("q", "o", 3, 2, Evidence::Reported)
        .flow("o", "i", 6, 5, Evidence::Verified)
        .flow("i", "o", 1, 1, Evidence::SelfDeclared)
        .flow("p", "o", 2, 2, Evidence::Verified)
        .flow("i", "r", 5, 0, Evidence::None);
    const model::Project& p = b.project();
    const risk::ChainGraph whole(p);
    // Keyed in (from, to) order, project order within a pair.
    std::vector<risk::ChainGraph::KeyedFlow> keyed;
    for (std::size_t fi = 0; fi < p.flows.size(); ++fi) {
        const model::Flow& f = p.flows[fi];
        risk::ChainGraph::KeyedFlow k;
        k.key = (static_cast<std::uint64_t>(whole.find(f.from)) << 32) | static_cast<std::uint64_t>(whole.find(f.to));
        k.flow = fi;
        k.tonnes = f.tonnes;
        for (int l = 0; l < risk::kEvidenceLevels; ++l) k.documentedAtLeast[l] = model::documentedAtLeast(f, static_cast<Evidence>(l));
        keyed.push_back(k);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.key < y.key; });
    const risk::ChainGraph built(p, keyed);
    REQUIRE(built.edgeCount() == whole.edgeCount());
    CHECK(whole.edgeCount() == 5);  // the two p → o flows are one edge
    for (std::size_t e = 0; e < whole.edgeCount(); ++e) {
        CHECK(built.source(e) == whole.source(e));
        CHECK(built.target(e) == whole.target(e));
        CHECK(built.edge(e).tonnes == whole.edge(e).tonnes);
        CHECK(built.edge(e).documentedAtLeast == whole.edge(e).documentedAtLeast);
        CHECK(std::vector<std::size_t>(built.flowsOf(e).begin(), built.flowsOf(e).end()) ==
              std::vector<std::size_t>(whole.flowsOf(e).begin(), whole.flowsOf(e).end()));
    }
    REQUIRE(built.components().size() == whole.components().size());
    CHECK(built.componentOf(2) == whole.componentOf(2));
    CHECK(built.components()[built.componentOf(2)].cyclic);  // o ⇄ i
    CHECK(built.inT(4) == 5);
}
