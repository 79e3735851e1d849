// Numbers a file may carry. Regression (found while writing the analyze fuzz
// target's invariants): two flows of 1.5e308 t each are finite, but their sum
// is not, and the analysis wrote total_t and every flow share as null. Summed
// amounts are now bounded by kMaxAmount (1e300) on every entry path, and a
// chain at that limit analyses to finite numbers.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_json.h"
#include "csv_import.h"
#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "validation.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {

InvalidInput jsonError(const std::string& text) {
    try {
        projectFromJson(text, Catalogue::installed());
    } catch (const InvalidInput& e) {
        return e;
    }
    FAIL("imported without error: " << text);
    throw std::logic_error("unreachable");
}

std::string chain(const std::string& actorFields, const std::string& flowFields, const std::string& tonnes = "5") {
    return R"({"format": "traza-chain", "version": 1, "actors": [{"id": "a", "kind": "exporter")" + actorFields +
           R"(}, {"id": "r", "kind": "refiner"}], "flows": [{"id": "f", "from": "a", "to": "r", "tonnes": )" + tonnes +
           flowFields + "}]}";
}

}  // namespace

TEST_CASE("Numeric limits - tonnages and money above 1e300 are refused with their path") {
    // (Raw strings kept out of the CHECK macros, which GCC's preprocessor mis-splits.)
    const std::string hugeFlow = chain("", "", "1.5e308");
    const std::string hugeCapacity = chain(R"(, "capacity_t": 2e300)", "");
    const std::string hugeStock = chain(R"(, "stock_change_t": -1e301)", "");
    const std::string hugeLoss = chain(R"(, "loss_t": 1e305)", "");
    const std::string hugePrice = chain("", R"(, "price_per_t": 1e301)");
    const std::string atLimits = chain(R"(, "capacity_t": 1e300, "stock_change_t": -1e300, "loss_t": 1e300)",
                                       R"(, "documented_t": 1e300, "price_per_t": 1e300)", "1e300");
    CHECK(std::string(jsonError(hugeFlow).what()) == "flows[0].tonnes: must be at most 1e+300 (got 1.5e+308)");
    CHECK(jsonError(hugeCapacity).where() == "actors[0].capacity_t");
    CHECK(jsonError(hugeStock).where() == "actors[0].stock_change_t");
    CHECK(jsonError(hugeLoss).where() == "actors[0].loss_t");
    CHECK(jsonError(hugePrice).where() == "flows[0].price_per_t");
    CHECK_NOTHROW(projectFromJson(atLimits, Catalogue::installed()));  // at the limits exactly: accepted

    const std::string actors = "id,kind\na,exporter\nr,refiner\n";
    try {
        projectFromCsv(actors, "id,from,to,tonnes\nf,a,r,1e301\n", Catalogue::installed());
        FAIL("a 1e301 t flow was imported from CSV");
    } catch (const InvalidInput& e) {
        CHECK(std::string(e.what()) == "flows.csv:2:4: tonnes: must be at most 1e+300 (got 1e+301)");
    }

    TempDir dir;
    const fs::path file = dir / "huge.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "UPDATE flows SET tonnes = 1e301, documented_t = 0 WHERE ord = 1;");
    CHECK(thrownMessage<FileFormatError>([&] { ProjectStore::open(file); }) ==
          file.string() + " holds an invalid project: flows[1].tonnes: must be at most 1e+300 (got 1e+301)");
}

TEST_CASE("Numeric limits - a chain of 3000 flows at the amount limit analyses to finite numbers") {
    Project p;
    p.catalogue = Catalogue::installed();
    p.actors.push_back({});
    p.actors[0].id = "refiner";
    p.actors[0].kind = ActorKind::Refiner;
    p.actors[0].stage = 5;
    for (int i = 0; i < 3000; ++i) {
        Actor a;
        a.id = "x" + std::to_string(i);
        a.kind = ActorKind::Exporter;
        a.stage = 4;
        a.capacityT = kMaxAmount;
        a.stockChangeT = i % 2 ? kMaxAmount : -kMaxAmount;
        a.lossT = kMaxAmount;
        p.actors.push_back(a);
        Flow f;
        f.id = "f" + std::to_string(i);
        f.from = a.id;
        f.to = "refiner";
        f.tonnes = kMaxAmount;
        f.documentedT = kMaxAmount;
        f.evidence = Evidence::Verified;
        f.pricePerT = kMaxAmount;
        p.flows.push_back(f);
    }
    REQUIRE(validateProject(p).empty());
    const risk::Analysis a = risk::analyze(p);
    CHECK(a.totalT == Approx(3000 * kMaxAmount));
    for (const risk::ActorResult& r : a.actors) {
        CHECK(std::isfinite(r.flowShare));
        CHECK(std::isfinite(r.massBalanceGapT));
    }
    const nlohmann::json out = nlohmann::json::parse(risk::analysisToJson(a));
    CHECK(out["total_t"].is_number());
    CHECK(out["actors"][1]["flow_share"].get<double>() == Approx(1.0 / 3000));
}
