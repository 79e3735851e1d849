// Claim accounts of a whole project, worked by hand (issue #20): the chain is
// read from chain JSON and analysed, so the profile, yield, eligibility rule and
// claimed tonnes all come from the project. The figures are the coc-claims
// notes' worked example (§2.4) and an ISCC-like quarterly account.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "analysis.h"
#include "chain_json.h"
#include "error.h"

using namespace traza;
using nlohmann::json;

namespace {

// A remelter buys 400 t with documents from a picker organisation, 350 t from
// an intermediary of which 100 t are only self-declared, and 250 t of
// undocumented pre-consumer scrap; it sells 320 t of ingot, 300 t with a claim.
json annual() {
    return json::parse(R"({
      "format": "traza-chain", "version": 1,
      "assessment": {"period": {"start": "2025-01-01", "end": "2025-12-31"}},
      "actors": [
        {"id": "eca", "kind": "picker_organisation", "formality": "formal"},
        {"id": "int", "kind": "intermediary", "formality": "formal"},
        {"id": "pre", "kind": "other", "stage": 3, "formality": "formal"},
        {"id": "ref", "kind": "refiner", "formality": "formal", "claim_yield": 0.92},
        {"id": "man", "kind": "manufacturer", "formality": "formal"}],
      "flows": [
        {"id": "f-eca", "from": "eca", "to": "ref", "tonnes": 400, "documented_t": 400, "evidence": "documented",
         "payment": "credit"},
        {"id": "f-int", "from": "int", "to": "ref", "tonnes": 350, "documented_t": 100, "evidence": "self_declared",
         "payment": "credit"},
        {"id": "f-pre", "from": "pre", "to": "ref", "tonnes": 250, "payment": "credit"},
        {"id": "ingot", "from": "ref", "to": "man", "tonnes": 320, "claimed_t": 300, "payment": "credit"}]
    })");
}

risk::Analysis analyse(const json& doc) {
    return risk::analyze(model::projectFromJson(doc.dump(), model::Catalogue::installed()));
}

std::string refusal(const json& doc) {
    try {
        analyse(doc);
    } catch (const InvalidInput& e) {
        return e.where() + ": " + e.reason();
    }
    return "";
}

}  // namespace

TEST_CASE("project claims - the annual worked example: 400 t of 1 000 t eligible, yield 0.92, 300 t claimed") {
    const risk::Analysis a = analyse(annual());
    REQUIRE(a.claims);
    REQUIRE(a.claims->accounts.size() == 1);
    const risk::ActorClaimAccount& c = a.claims->accounts[0];
    CHECK(c.actor == "ref");
    CHECK(c.profile == "asi");
    CHECK(c.periodMonths == 12);
    CHECK(c.yield == 0.92);
    REQUIRE(c.periods.size() == 1);
    const risk::ClaimPeriod& p = c.periods[0];
    CHECK(p.start == "2025-01-01");
    CHECK(p.end == "2025-12-31");
    CHECK(p.eligibleInT == 400);
    CHECK(p.nonEligibleInT == 600);       // 250 undocumented + 250 + 100 of the intermediary's
    CHECK(p.inputShare() == Approx(0.4));
    CHECK(p.creditsT == Approx(368));     // 400 × 0.92
    CHECK(p.claimedT == 300);
    CHECK(p.outT == 320);
    CHECK(p.expiredT == Approx(68));      // ASI-like: nothing carried into the next year
    CHECK(p.balanceT == 0);
    // Why each input counts or not.
    REQUIRE(c.inputs.size() == 3);
    CHECK(c.inputs[0].eligible);
    CHECK(c.inputs[0].eligibleT == 400);
    CHECK_FALSE(c.inputs[1].eligible);
    CHECK(c.inputs[1].reasons[0] == "✗ evidence self_declared < documented");
    CHECK_FALSE(c.inputs[2].eligible);
    CHECK(c.inputs[2].reasons[1] == "✗ 0.000 t of 250.000 t documented");
    REQUIRE(c.outputs.size() == 1);
    CHECK(c.outputs[0].claimedT == 300);

    const json out = json::parse(risk::analysisToJson(a));
    const json& period = out["claims"]["accounts"][0]["periods"][0];
    CHECK(period["claimable_t"].get<double>() == Approx(368));
    CHECK(period["output_share"].get<double>() == Approx(300.0 / 320));
    CHECK(period["expired_t"].get<double>() == Approx(68));
    CHECK(out["claims"]["accounts"][0]["inputs"][1]["eligible"] == false);
}

TEST_CASE("project claims - the eligibility rule is the project's catalogue data") {
    json doc = annual();
    // The project accepts self-declared input: the intermediary's 100 t now count.
    doc["catalogue"] = json::parse(R"({"claim_profiles": [{"id": "asi", "name": "ASI, self-declared accepted",
        "period_months": 12, "eligibility": {"min_evidence": "self_declared", "blocking_severity": "high"}}]})");
    const risk::ClaimPeriod p = analyse(doc).claims->accounts[0].periods[0];
    CHECK(p.eligibleInT == 500);
    CHECK(p.creditsT == Approx(460));
    CHECK(p.expiredT == Approx(160));
    // Only typology rrrm-1 allowed: no flow has it, nothing is eligible, and the claim is refused.
    doc["catalogue"]["claim_profiles"][0]["eligibility"]["typologies"] = json::array({"rrrm-1"});
    CHECK(refusal(doc) ==
          "flows[3].claimed_t: flow ingot (ref's claim account): claims 300.000 t on 2025-12-31 but only 0.000 t of "
          "credits are available in the period 2025-01-01 to 2025-12-31");
}

TEST_CASE("project claims - over-allocation is refused naming the flow and the period") {
    json doc = annual();
    doc["flows"][3]["tonnes"] = 380;
    doc["flows"][3]["claimed_t"] = 370;  // 2 t more than the 368 t of credits
    CHECK(refusal(doc) ==
          "flows[3].claimed_t: flow ingot (ref's claim account): claims 370.000 t on 2025-12-31 but only 368.000 t of "
          "credits are available in the period 2025-01-01 to 2025-12-31");
    doc["flows"][3]["claimed_t"] = 368;  // exactly the credits: accepted, nothing left
    const risk::ClaimPeriod p = analyse(doc).claims->accounts[0].periods[0];
    CHECK(p.balanceT == Approx(0).margin(1e-9));
    CHECK(p.expiredT == Approx(0).margin(1e-9));
}

TEST_CASE("project claims - ISCC-like quarters: credits carry over four quarters, then expire") {
    // yield 1; Q1 2025: 100 t eligible in; Q2: 30 t claimed on 50 t out; Q2 2026
    // (the sixth quarter): 10 t of undocumented input from another organisation
    // (undocumented outflow is a high red flag, which would make org's input ineligible). The Q1 credits may be used
    // up to Q1 2026 (the fifth quarter); the 70 t left expire at its end.
    json doc = json::parse(R"({
      "format": "traza-chain", "version": 1,
      "actors": [
        {"id": "org", "kind": "picker_organisation", "formality": "formal"},
        {"id": "org2", "kind": "picker_organisation", "formality": "formal"},
        {"id": "ref", "kind": "refiner", "formality": "formal", "claim_profile": "iscc"},
        {"id": "man", "kind": "manufacturer", "formality": "formal"}],
      "flows": [
        {"id": "q1", "from": "org", "to": "ref", "tonnes": 100, "documented_t": 100, "evidence": "verified",
         "payment": "credit", "period": {"start": "2025-01-01", "end": "2025-03-31"}},
        {"id": "s2", "from": "ref", "to": "man", "tonnes": 50, "claimed_t": 30, "payment": "credit",
         "period": {"start": "2025-04-01", "end": "2025-06-30"}},
        {"id": "q6", "from": "org2", "to": "ref", "tonnes": 10, "payment": "credit",
         "period": {"start": "2026-04-01", "end": "2026-06-30"}}]
    })");
    const risk::ActorClaimAccount c = analyse(doc).claims->accounts[0];
    CHECK(c.periodMonths == 3);
    CHECK(c.carryOverPeriods == 4);
    REQUIRE(c.periods.size() == 6);
    CHECK(c.periods[0].creditsT == 100);
    CHECK(c.periods[0].balanceT == 100);
    CHECK(c.periods[1].carriedInT == 100);
    CHECK(c.periods[1].claimedT == 30);
    CHECK(c.periods[1].outT == 50);
    CHECK(c.periods[1].balanceT == 70);
    for (int q = 2; q < 4; ++q) CHECK(c.periods[q].balanceT == 70);
    CHECK(c.periods[4].start == "2026-01-01");
    CHECK(c.periods[4].expiredT == 70);
    CHECK(c.periods[4].balanceT == 0);
    CHECK(c.periods[5].carriedInT == 0);
    CHECK(c.periods[5].nonEligibleInT == 10);

    // A claim in the sixth quarter finds nothing: the credits have expired.
    doc["flows"][2] = json::parse(R"({"id": "s6", "from": "ref", "to": "man", "tonnes": 10, "claimed_t": 5,
        "payment": "credit", "period": {"start": "2026-04-01", "end": "2026-06-30"}})");
    CHECK(refusal(doc) ==
          "flows[2].claimed_t: flow s6 (ref's claim account): claims 5.000 t on 2026-06-30 but only 0.000 t of "
          "credits are available in the period 2026-04-01 to 2026-06-30");
    // In the fifth quarter it is still covered by the carried credits.
    doc["flows"][2]["period"] = json::parse(R"({"start": "2026-01-01", "end": "2026-03-31"})");
    const risk::ActorClaimAccount d = analyse(doc).claims->accounts[0];
    REQUIRE(d.periods.size() == 5);
    CHECK(d.periods[4].claimedT == 5);
    CHECK(d.periods[4].expiredT == 65);
}

TEST_CASE("project claims - a flow without any date is named; a project without claims has no claims section") {
    json doc = annual();
    doc.erase("assessment");
    CHECK(refusal(doc).rfind("flows[0].period.end: flow f-eca enters or leaves an actor that makes claims and has no date", 0) == 0);

    // A flow dated before the assessment period starts names its date.
    doc = annual();
    doc["flows"][3]["period"] = json::parse(R"({"start": "2024-12-01", "end": "2024-12-31"})");
    CHECK(refusal(doc) == "flows[3].period.end: flow ingot (ref's claim account): dated 2024-12-31, before the first "
                          "period (2025-01-01)");

    json plain = annual();
    plain["flows"][3].erase("claimed_t");
    const risk::Analysis a = analyse(plain);
    CHECK_FALSE(a.claims);
    CHECK(risk::analysisToJson(a).find("\"claims\"") == std::string::npos);
    // Marking an actor makes the section appear, with its account and no claim.
    plain["actors"][1]["makes_claims"] = true;
    const risk::Analysis b = analyse(plain);
    REQUIRE(b.claims);
    REQUIRE(b.claims->accounts.size() == 2);
    CHECK(b.claims->accounts[0].actor == "int");
    CHECK(b.claims->accounts[1].periods[0].claimedT == 0);
    CHECK(b.claims->accounts[1].periods[0].expiredT == Approx(368));
}
