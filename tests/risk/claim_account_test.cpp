// Claim accounts worked by hand: the ASI-like annual period (coc-claims.md's
// worked example: 400 t eligible of 1 000 t, yield 0.92), an ISCC-like quarter
// with one period of carry-over, expiry, and over-allocation refused with the
// flow and the period named.
#include <catch2/catch.hpp>

#include "claims/claim_account.h"
#include "error.h"

using namespace traza;
using risk::ClaimEntry;

namespace {

ClaimEntry input(const std::string& flow, const std::string& date, double t, bool eligible) {
    return {flow, date, t, eligible, 0};
}
ClaimEntry claim(const std::string& flow, const std::string& date, double t, double outgoing) {
    return {flow, date, t, false, outgoing};
}

}  // namespace

TEST_CASE("ClaimAccount - the annual worked example: 40% eligible, yield 0.92, 300 t claimed, 68 t left") {
    risk::ClaimAccountInput in;
    in.actor = "remelter";
    in.yield = 0.92;
    in.firstPeriodStart = "2025-01-01";
    in.inputs = {input("eca", "2025-02-10", 400, true), input("intermediary", "2025-03-01", 350, false),
                 input("pre-consumer", "2025-04-01", 250, false), input("eca-2026", "2026-01-15", 10, true)};
    in.claims = {claim("ingot-1", "2025-06-01", 300, 320)};
    const risk::ClaimAccount a = risk::computeClaimAccount(in);
    REQUIRE(a.periods.size() == 2);
    const auto& y = a.periods[0];
    CHECK(y.start == "2025-01-01");
    CHECK(y.end == "2025-12-31");
    CHECK(y.eligibleInT == 400);
    CHECK(y.nonEligibleInT == 600);
    CHECK(y.inputShare() == Approx(0.4));
    CHECK(y.creditsT == Approx(368));
    CHECK(y.claimedT == 300);
    CHECK(y.outT == 320);
    // No carry-over in the ASI-like profile: the 68 t expire at the year's end.
    CHECK(y.expiredT == Approx(68));
    CHECK(y.balanceT == 0);
    CHECK(a.periods[1].carriedInT == 0);
    CHECK(a.periods[1].creditsT == Approx(9.2));
    CHECK(a.periods[1].end == "2026-12-31");
}

TEST_CASE("ClaimAccount - quarters with one period of carry-over: oldest credits used first, then expire") {
    risk::ClaimAccountInput in;
    in.profile = {"iscc-like", 3, 1};
    in.firstPeriodStart = "2025-01-01";
    in.inputs = {input("q1", "2025-01-20", 100, true), input("q2", "2025-05-02", 50, true),
                 input("q2-no", "2025-05-03", 20, false)};
    in.claims = {claim("s1", "2025-03-31", 30, 30), claim("s2", "2025-06-30", 60, 80), claim("s3", "2025-08-01", 50, 50)};
    const risk::ClaimAccount a = risk::computeClaimAccount(in);
    REQUIRE(a.periods.size() == 3);
    CHECK(a.periods[0].end == "2025-03-31");
    CHECK(a.periods[0].balanceT == Approx(70));  // carried into Q2
    CHECK(a.periods[0].expiredT == 0);
    CHECK(a.periods[1].start == "2025-04-01");
    CHECK(a.periods[1].carriedInT == Approx(70));
    // s2 takes 60 of Q1's 70; Q1's last 10 may not pass into Q3: they expire.
    CHECK(a.periods[1].expiredT == Approx(10));
    CHECK(a.periods[1].balanceT == Approx(50));
    CHECK(a.periods[1].inputShare() == Approx(50.0 / 70.0));
    CHECK(a.periods[2].claimedT == 50);
    CHECK(a.periods[2].balanceT == Approx(0));
}

TEST_CASE("ClaimAccount - over-allocation is refused, naming the flow and the period") {
    risk::ClaimAccountInput in;
    in.firstPeriodStart = "2025-01-01";
    in.inputs = {input("eca", "2025-02-10", 100, true)};
    in.claims = {claim("ingot-7", "2025-09-01", 100.5, 200)};
    try {
        risk::computeClaimAccount(in);
        FAIL("over-allocation accepted");
    } catch (const InvalidInput& e) {
        CHECK(e.where() == "claims: ingot-7");
        CHECK(std::string(e.what()).find("2025-01-01 to 2025-12-31") != std::string::npos);
        CHECK(std::string(e.what()).find("100.000 t of credits") != std::string::npos);
    }
    // A claim dated before the input that would back it: the balance would go negative at that sale.
    in.claims = {claim("early", "2025-02-01", 10, 10)};
    CHECK_THROWS_AS(risk::computeClaimAccount(in), InvalidInput);
    // The same day: the input is booked first.
    in.claims = {claim("same-day", "2025-02-10", 100, 100)};
    CHECK(risk::computeClaimAccount(in).periods[0].claimedT == 100);
    // Expired credits cannot back a later claim.
    in.claims = {claim("next-year", "2026-01-05", 1, 1)};
    CHECK_THROWS_WITH(risk::computeClaimAccount(in), Catch::Contains("2026-01-01 to 2026-12-31"));
}

TEST_CASE("ClaimAccount - bad entries are invalid input with their place") {
    risk::ClaimAccountInput in;
    in.firstPeriodStart = "2025-01-01";
    in.inputs = {input("f1", "2025-13-01", 1, true)};
    CHECK_THROWS_WITH(risk::computeClaimAccount(in), Catch::Contains("inputs: f1"));
    in.inputs = {input("f1", "2024-12-31", 1, true)};
    CHECK_THROWS_WITH(risk::computeClaimAccount(in), Catch::Contains("before the first period"));
    in.inputs = {};
    in.claims = {claim("c1", "2025-01-02", 5, 4)};
    CHECK_THROWS_WITH(risk::computeClaimAccount(in), Catch::Contains("more tonnes than the flow carries"));
    in.claims = {};
    in.yield = 1.2;
    CHECK_THROWS_AS(risk::computeClaimAccount(in), InvalidInput);
}

#include "chain_builder.h"
#include "claims/eligibility.h"
#include "supplier_checklists.h"

TEST_CASE("Eligibility - each condition explained, and a failing one makes the flow ineligible") {
    testing::ChainBuilder b;
    b.actor("org", model::ActorKind::PickerOrganisation).actor("ref", model::ActorKind::Refiner);
    b.flow("org", "ref", 10, 8, model::Evidence::Documented);
    b.lastFlow().typology = "rrrm-2";
    const model::Project& p = b.build();
    const risk::SupplierChecklists lists(p);
    risk::EligibilityRule rule;  // documented, no checklist condition, high red flags block
    std::vector<risk::RedFlag> flags;
    risk::Eligibility e = risk::explainEligibility(p.flows[0], rule, lists, flags);
    CHECK(e.eligible);
    CHECK(e.eligibleT == 8);
    REQUIRE(e.reasons.size() == 3);
    CHECK(e.reasons[0] == "✓ evidence documented ≥ documented");

    flags.push_back({"cash_only_first_mile", "org", "", "critical", risk::Sentence("x")});
    e = risk::explainEligibility(p.flows[0], rule, lists, flags);
    CHECK_FALSE(e.eligible);
    CHECK(e.eligibleT == 0);
    CHECK(e.reasons[2] == "✗ supplier has an open red flag: cash_only_first_mile (critical)");

    rule.blockingSeverity.clear();
    rule.minEvidence = model::Evidence::Verified;
    rule.minChecklistProgress = 0.5;  // org has no checklist
    rule.typologies = {"rrrm-1"};
    e = risk::explainEligibility(p.flows[0], rule, lists, flags, "es");
    CHECK_FALSE(e.eligible);
    REQUIRE(e.reasons.size() == 4);
    CHECK(e.reasons[0] == "✗ evidencia documented < verified");
    CHECK(e.reasons[2].rfind("✗ proveedor org: lista OCDE 0 % cumplida", 0) == 0);
    CHECK(e.reasons[3] == "✗ tipología rrrm-2 no admitida");
}
