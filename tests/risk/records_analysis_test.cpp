// Delivery records (issue #19) feed the analysis: a flow with records takes its
// documented fraction at each level from them (chain JSON "records").
#include <catch2/catch.hpp>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_builder.h"
#include "chain_json.h"
#include "record_summary.h"

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

model::Record record(const std::string& id, double t, Evidence e, bool documented) {
    model::Record r;
    r.id = id;
    r.date = "2025-05-01";
    r.tonnes = t;
    r.evidence = e;
    if (documented) r.documents.push_back({"delivery_receipt", id});
    return r;
}

// The diamond of traceability_test.cpp: s → a, s → b, a → r, b → r.
testing::ChainBuilder diamond() {
    testing::ChainBuilder b;
    b.actor("s", ActorKind::WastePicker)
        .actor("a", ActorKind::PickerOrganisation)
        .actor("b", ActorKind::PickerOrganisation)
        .actor("r", ActorKind::Refiner)
        .flow("s", "a", 60, 60, Evidence::Documented)
        .flow("s", "b", 40, 40, Evidence::SelfDeclared)
        .flow("a", "r", 60, 60, Evidence::Verified)
        .flow("b", "r", 40, 20, Evidence::Reported);
    return b;
}

}  // namespace

TEST_CASE("Records analysis - a flow of one record gives the analysis of the flow without records") {
    testing::ChainBuilder plain = diamond();
    testing::ChainBuilder withOne = diamond();
    // Every flow documented wholly or not at all can be one record.
    for (model::Flow& f : withOne.project().flows)
        if (f.documentedT == f.tonnes) {
            f.records.push_back(record("r-" + f.id, f.tonnes, f.evidence, true));
            model::applyRecordSummary(f);
        }
    CHECK(withOne.project().flows[0].records.size() == 1);
    // Apart from the progress series, which only records give (series_test.cpp).
    risk::Analysis a = risk::analyze(withOne.build());
    CHECK(a.series);
    a.series.reset();
    CHECK(risk::analysisToJson(a) == risk::analysisToJson(risk::analyze(plain.build())));
}

TEST_CASE("Records analysis - several records give each evidence level its own documented share") {
    testing::ChainBuilder b = diamond();
    // s → a 60 t as records: 30 t documented with a receipt, 20 t verified without
    // any document, 10 t verified with a certificate.
    model::Flow& sa = b.project().flows[0];
    sa.records = {record("x1", 30, Evidence::Documented, true), record("x2", 20, Evidence::Verified, false),
                  record("x3", 10, Evidence::Verified, true)};
    model::applyRecordSummary(sa);
    REQUIRE(sa.tonnes == 60);
    CHECK(sa.documentedT == 40);
    CHECK(sa.evidence == Evidence::Documented);
    const risk::Analysis an = risk::analyze(b.build());
    // k = 1, by hand: traced = (s(a→r)·60·s(s→a) + s(b→r)·40·s(s→b)) / 100 with
    // s(s→a) = 40/60 up to documented and 10/60 at verified.
    //   self_declared: (60·40/60 + 0.5·40·1) / 100 = 0.6
    //   reported:      (60·40/60 + 0.5·40·0) / 100 = 0.4
    //   documented:    (60·40/60 + 0) / 100         = 0.4
    //   verified:      (60·10/60 + 0) / 100         = 0.1
    CHECK(traced(an, Evidence::SelfDeclared, 1) == Approx(0.6).margin(1e-12));
    CHECK(traced(an, Evidence::Reported, 1) == Approx(0.4).margin(1e-12));
    CHECK(traced(an, Evidence::Documented, 1) == Approx(0.4).margin(1e-12));
    CHECK(traced(an, Evidence::Verified, 1) == Approx(0.1).margin(1e-12));
    // The flow summary alone (lowest evidence) would have said 0 at verified: the records are read.
    testing::ChainBuilder summary = b;
    summary.project().flows[0].records.clear();
    CHECK(traced(risk::analyze(summary.build()), Evidence::Verified, 1) == Approx(0.0).margin(1e-12));
}

TEST_CASE("Records analysis - a flow's tonnes are the sum of its records in the mass balance") {
    testing::ChainBuilder b = diamond();
    model::Flow& sa = b.project().flows[0];
    sa.records = {record("y1", 25, Evidence::None, false), record("y2", 35, Evidence::None, false)};
    model::applyRecordSummary(sa);
    const risk::Analysis an = risk::analyze(b.build());
    CHECK(an.totalT == Approx(100).margin(1e-12));
    CHECK(traced(an, Evidence::SelfDeclared, 1) == Approx(0.5 * 0.4).margin(1e-12));  // only s → b → r
}

TEST_CASE("Records analysis - the CARE sample's monthly records add up to its yearly flows and change no result") {
    // The sums are taken from the file itself (nlohmann, not Traza's reader), in file order.
    std::ifstream in(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json", std::ios::binary);
    const nlohmann::json doc = nlohmann::json::parse(in);
    std::map<std::string, double> sums;
    std::map<std::string, int> months;
    for (const auto& r : doc.at("records")) {
        sums[r.at("flow").get<std::string>()] += r.at("tonnes").get<double>();
        ++months[r.at("flow").get<std::string>()];
        CHECK_THAT(r.at("notes").get<std::string>(), Catch::StartsWith("Illustrative"));
    }
    REQUIRE(sums.size() == 5);  // the organisation-to-exporter flows f7 ... f11
    for (const auto& f : doc.at("flows")) {
        const std::string id = f.at("id").get<std::string>();
        if (!sums.count(id)) continue;
        INFO(id);
        CHECK(months[id] == 12);
        CHECK(sums[id] == f.at("tonnes").get<double>());  // exactly, not within a tolerance
    }
    // The analysis with the records and without them (each flow as its yearly figure).
    const model::Project care = model::readProjectJson(std::string(TRAZA_TEST_DATADIR) + "/samples/care-pilot-2025.json",
                                                       model::Catalogue::installed());
    model::Project yearly = care;
    std::size_t withRecords = 0;
    for (model::Flow& f : yearly.flows) {
        withRecords += f.records.empty() ? 0 : 1;
        f.records.clear();
    }
    CHECK(withRecords == 5);
    risk::Analysis monthly = risk::analyze(care);
    REQUIRE(monthly.series);
    CHECK(monthly.series->periods.size() == 12);
    monthly.series.reset();  // the series alone are new (series_test.cpp checks them)
    CHECK(risk::analysisToJson(monthly) == risk::analysisToJson(risk::analyze(yearly)));
}
