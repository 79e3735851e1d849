// The record-level red flags (issue #19) on crafted chains: each rule fires on
// its case and stays quiet on the near miss.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "analysis.h"
#include "chain_builder.h"
#include "chain_graph.h"
#include "record_flags.h"
#include "record_summary.h"

using namespace traza;
using model::ActorKind;
using model::Evidence;

namespace {

model::Record rec(const std::string& id, const std::string& date, double t, std::vector<model::RecordDocument> docs = {}) {
    model::Record r;
    r.id = id;
    r.date = date;
    r.tonnes = t;
    r.evidence = docs.empty() ? Evidence::None : Evidence::Documented;
    r.documents = std::move(docs);
    return r;
}

// Supplier org (capacity 120 t a year) → exporter exp → refiner ref; records on org → exp.
testing::ChainBuilder chain(std::vector<model::Record> records) {
    testing::ChainBuilder b;
    b.project().assessment.period = {"2025-01-01", "2025-12-31"};
    b.actor("org", ActorKind::PickerOrganisation).actor("exp", ActorKind::Exporter).actor("ref", ActorKind::Refiner);
    b.project().actors[0].capacityT = 120;  // 10 t a month
    b.flow("org", "exp", 1).flow("exp", "ref", 1);
    model::Flow& f = b.project().flows[0];
    f.records = std::move(records);
    model::applyRecordSummary(f);
    b.project().flows[1].tonnes = f.tonnes;
    return b;
}

std::vector<risk::RedFlag> flagsOf(const testing::ChainBuilder& b, const std::string& rule) {
    const risk::Analysis a = risk::analyze(b.build());
    std::vector<risk::RedFlag> out;
    std::copy_if(a.redFlags.begin(), a.redFlags.end(), std::back_inserter(out), [&](const risk::RedFlag& f) { return f.rule == rule; });
    return out;
}

}  // namespace

TEST_CASE("Record flags - the same document number on two records") {
    auto b = chain({rec("r1", "2025-01-10", 2, {{"electronic_invoice", "FE-1"}}),
                    rec("r2", "2025-02-10", 3, {{"electronic_invoice", "FE-1"}}),
                    rec("r3", "2025-03-10", 4, {{"delivery_receipt", "FE-1"}}),  // another type: not the same document
                    rec("r4", "2025-04-10", 5, {{"electronic_invoice", ""}}), rec("r5", "2025-05-10", 1, {{"electronic_invoice", ""}})});
    const auto flags = flagsOf(b, "record_document_reused");
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].actor == "org");
    CHECK(flags[0].flow == "f1");
    CHECK(flags[0].severity == "high");
    CHECK_THAT(flags[0].detail.text(), Catch::Contains("electronic_invoice FE-1: r1, r2") && Catch::Contains("5.0 t"));
    // Every number used once (and empty numbers): no flag.
    auto ok = chain({rec("r1", "2025-01-10", 2, {{"electronic_invoice", "FE-1"}}), rec("r2", "2025-02-10", 3, {{"electronic_invoice", "FE-2"}}),
                     rec("r3", "2025-03-10", 4, {{"delivery_receipt", "FE-1"}})});
    CHECK(flagsOf(ok, "record_document_reused").empty());
}

TEST_CASE("Record flags - records outside their flow's own period") {
    auto b = chain({rec("r1", "2025-02-10", 2), rec("r2", "2025-07-01", 3), rec("r3", "2025-06-30", 4)});
    b.project().flows[0].periodStart = "2025-01-01";
    b.project().flows[0].periodEnd = "2025-06-30";
    const auto flags = flagsOf(b, "record_outside_flow_period");
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].flow == "f1");
    CHECK_THAT(flags[0].detail.text(), Catch::Contains("r2 (2025-07-01)") && Catch::Contains("3.0 t"));
    b.project().flows[0].periodEnd = "2025-07-01";  // the last day is inside
    CHECK(flagsOf(b, "record_outside_flow_period").empty());
}

TEST_CASE("Record flags - a month above the monthly capacity") {
    // Capacity 120 t a year over a 12-month period: 10 t a month; with the tolerance 5%, above 10.5 t.
    auto b = chain({rec("r1", "2025-03-01", 6), rec("r2", "2025-03-31", 4.6), rec("r3", "2025-04-01", 10.5)});
    const auto flags = flagsOf(b, "record_month_above_capacity");
    REQUIRE(flags.size() == 1);  // March: 10.6 t; April's 10.5 t is at the limit, not above
    CHECK(flags[0].actor == "org");
    CHECK_THAT(flags[0].detail.text(), Catch::Contains("2025-03") && Catch::Contains("10.6 t") && Catch::Contains("10.0 t"));
    // A six-month assessment halves the months: 20 t a month, no flag.
    b.project().assessment.period = {"2025-01-01", "2025-06-30"};
    CHECK(flagsOf(b, "record_month_above_capacity").empty());
    // No capacity given: the rule skips the actor.
    auto none = chain({rec("r1", "2025-03-01", 60)});
    none.project().actors[0].capacityT = 0;
    CHECK(flagsOf(none, "record_month_above_capacity").empty());
}

TEST_CASE("Record flags - many records of the same round weight") {
    // Five of eight records weigh exactly 2 t (62.5% >= 50%).
    std::vector<model::Record> rs;
    for (int i = 0; i < 5; ++i) rs.push_back(rec("w" + std::to_string(i), "2025-05-0" + std::to_string(i + 1), 2.0));
    rs.push_back(rec("x1", "2025-06-01", 1.37));
    rs.push_back(rec("x2", "2025-06-02", 2.5));
    rs.push_back(rec("x3", "2025-06-03", 3.0));
    auto b = chain(rs);
    const auto flags = flagsOf(b, "round_weight_records");
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].actor == "org");
    CHECK_THAT(flags[0].detail.text(), Catch::Contains("5 × 2 t") && Catch::Contains("62.5%") && Catch::Contains("10.0 t"));
    // Four of them only: below min_count 5.
    rs.erase(rs.begin());
    CHECK(flagsOf(chain(rs), "round_weight_records").empty());
    // Five of eleven (45%): below min_share 0.5.
    std::vector<model::Record> many = rs;
    many.push_back(rec("w9", "2025-05-09", 2.0));
    for (int i = 0; i < 3; ++i) many.push_back(rec("y" + std::to_string(i), "2025-07-0" + std::to_string(i + 1), 0.8 + i));
    REQUIRE(many.size() == 11);
    CHECK(flagsOf(chain(many), "round_weight_records").empty());
}

TEST_CASE("Record flags - deliveries after the supplier was suspended") {
    auto b = chain({rec("r1", "2025-02-10", 2), rec("r2", "2025-05-01", 3), rec("r3", "2025-06-15", 4)});
    b.project().actors[0].suspendedFrom = "2025-05-01";
    const auto flags = flagsOf(b, "delivery_after_suspension");
    REQUIRE(flags.size() == 1);
    CHECK(flags[0].severity == "critical");
    CHECK_THAT(flags[0].detail.text(), Catch::Contains("2025-05-01") && Catch::Contains("7.0 t"));
    b.project().actors[0].suspendedFrom = "2025-06-16";
    CHECK(flagsOf(b, "delivery_after_suspension").empty());
    b.project().actors[0].suspendedFrom.clear();
    CHECK(flagsOf(b, "delivery_after_suspension").empty());
}

TEST_CASE("Record flags - reused numbers among thousands: each number's uses in first-seen order, a record once") {
    // 3 000 records naming 1 500 numbers of two types at random (the table of
    // numbers grows several times), some naming one document twice; the hits
    // against a plain count made here.
    std::vector<model::Record> records;
    unsigned seed = 7;
    auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 8) % 1500u; };
    for (int i = 0; i < 3000; ++i) {
        const std::string type = next() % 2 ? "electronic_invoice" : "delivery_receipt";
        std::vector<model::RecordDocument> docs{{type, "N" + std::to_string(next())}};
        if (i % 7 == 0) docs.push_back(docs.front());  // the same document twice on one record
        records.push_back(rec("r" + std::to_string(i), "2025-03-10", 0.25 + i % 5, docs));
    }
    auto b = chain(records);
    const model::Project p = b.build();
    const risk::ChainGraph graph(p);
    struct Expected {
        std::vector<std::string> ids;
        double tonnes = 0;
    };
    std::map<std::pair<std::string, std::string>, Expected> uses;
    std::vector<std::pair<std::string, std::string>> order;
    for (const model::Record& r : p.flows[0].records)
        for (const model::RecordDocument& d : r.documents) {
            auto [it, fresh] = uses.try_emplace({d.type, d.number});
            if (fresh) order.push_back(it->first);
            if (!it->second.ids.empty() && it->second.ids.back() == r.id) continue;
            it->second.ids.push_back(r.id);
            it->second.tonnes += r.tonnes;
        }
    std::vector<risk::RecordHit> expected;
    for (const auto& key : order) {
        const Expected& e = uses.at(key);
        if (e.ids.size() < 2) continue;
        std::string items = key.first + " " + key.second + ":";
        for (std::size_t i = 0; i < e.ids.size(); ++i) items += (i ? ", " : " ") + e.ids[i];
        expected.push_back({0, "f1", e.tonnes, static_cast<double>(e.ids.size()), items});
    }
    const std::vector<risk::RecordHit> hits = risk::reusedDocumentNumbers(graph, 2);
    REQUIRE(expected.size() > 500);
    REQUIRE(hits.size() == expected.size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        CHECK(hits[i].actor == expected[i].actor);
        CHECK(hits[i].flow == expected[i].flow);
        CHECK(hits[i].tonnes == expected[i].tonnes);
        CHECK(hits[i].other == expected[i].other);
        CHECK(hits[i].items == expected[i].items);
    }
    CHECK(risk::reusedDocumentNumbers(graph, 4).size() < hits.size());  // min_uses counts
}
