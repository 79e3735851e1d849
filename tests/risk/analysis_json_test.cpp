// analysisToJson follows the spec's output shape, at full precision.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_builder.h"

using namespace traza;
using model::ActorKind;
using model::Evidence;
using Catch::Detail::Approx;

TEST_CASE("AnalysisJson - the spec's keys, string stage keys and null horizons") {
    // The cycle chain of flow_share_test: shares 10/13 and 3/13 are not short decimals.
    testing::ChainBuilder b;
    b.actor("p", ActorKind::WastePicker)
        .actor("q", ActorKind::WastePicker)
        .actor("i", ActorKind::Intermediary)
        .actor("e", ActorKind::Exporter)
        .actor("r", ActorKind::Refiner)
        .flow("p", "i", 100, 100, Evidence::Documented)
        .flow("i", "e", 120)
        .flow("e", "i", 20)
        .flow("q", "e", 30)
        .flow("e", "r", 130, 100, Evidence::Verified);
    const risk::Analysis a = risk::analyze(b.build());
    const nlohmann::json j = nlohmann::json::parse(risk::analysisToJson(a));

    for (const char* key : {"destinations", "total_t", "actors", "traceability", "breaks", "red_flags", "warnings"})
        CHECK(j.contains(key));
    CHECK(j["destinations"][0]["id"] == "r");
    CHECK(j["destinations"][0]["input_t"].get<double>() == 130);
    const auto& p = j["actors"][0];
    for (const char* key : {"id", "stage", "in_t", "out_t", "flow_share", "dominates", "upstream_sources", "choke_point",
                            "choke_rank", "choke_reasons", "mass_balance_gap_t", "mass_balance_flag", "risk"})
        CHECK(p.contains(key));
    for (const char* key : {"inherent", "residual", "level"}) CHECK(p["risk"].contains(key));
    // Full precision: the number read back is the very double computed.
    CHECK(p["flow_share"].get<double>() == a.actor("p")->flowShare);
    CHECK(j["actors"][1]["flow_share"].get<double>() == a.actor("q")->flowShare);

    const auto& levels = j["traceability"]["levels"];
    CHECK(j["traceability"]["threshold"].get<double>() == 0.8);
    for (const char* level : {"self_declared", "reported", "documented", "verified"}) {
        REQUIRE(levels.contains(level));
        const auto& byStage = levels[level]["by_stage"];
        CHECK(byStage.size() == 4);
        for (const char* k : {"1", "2", "3", "4"}) CHECK(byStage.contains(k));
        CHECK(levels[level].contains("horizon"));
    }
    CHECK_FALSE(levels.contains("none"));
    // e → r documents 100 of 130 t, and nothing upstream of e is documented:
    // 100/130 < 0.8 at stage 4 and 0 below, so no level has a horizon.
    CHECK(levels["verified"]["by_stage"]["4"].get<double>() == Approx(100.0 / 130).epsilon(1e-12));
    CHECK(levels["verified"]["by_stage"]["3"].get<double>() == 0);
    for (const char* level : {"self_declared", "reported", "documented", "verified"}) CHECK(levels[level]["horizon"].is_null());
    // Choke points: e (share 1, dominates r) and i (share 0.8) have ranks; others 0.
    for (const auto& actor : j["actors"]) {
        if (actor["choke_point"].get<bool>())
            CHECK(actor["choke_rank"].get<int>() >= 1);
        else
            CHECK(actor["choke_rank"].get<int>() == 0);
    }
    CHECK(j["actors"][3]["dominates"] == nlohmann::json::array({"r"}));
}
