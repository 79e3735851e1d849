// Claims in the model (issue #20): who makes claims, yields, profiles, the
// claimed tonnes of a flow — in chain JSON (only when set), validation, and the
// .traza file (schema 5, one migration step from 4).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "chain_json.h"
#include "chain_json_writer.h"
#include "claim_profiles.h"
#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"
#include "validation.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;
using nlohmann::json;

namespace {

// A picker organisation sells to a refiner, which sells on to a manufacturer.
json claimChain() {
    return json::parse(R"({
      "format": "traza-chain", "version": 1,
      "actors": [{"id": "org", "kind": "picker_organisation"}, {"id": "ref", "kind": "refiner", "claim_yield": 0.92},
                 {"id": "man", "kind": "manufacturer"}],
      "flows": [{"id": "in1", "from": "org", "to": "ref", "tonnes": 100, "documented_t": 40, "evidence": "documented"},
                {"id": "out1", "from": "ref", "to": "man", "tonnes": 90, "claimed_t": 30}]
    })");
}

std::string claimsErrorOf(const json& doc) {
    try {
        projectFromJson(doc.dump(), Catalogue::installed());
    } catch (const InvalidInput& e) {
        return e.where() + ": " + e.reason();
    }
    return "";
}

}  // namespace

TEST_CASE("claims model - the installed catalogue has the ASI-like and ISCC-like profiles") {
    const auto profiles = claimProfiles(Catalogue::installed());
    const ClaimProfileEntry* asi = findClaimProfile(profiles, "asi");
    const ClaimProfileEntry* iscc = findClaimProfile(profiles, "iscc");
    REQUIRE(asi);
    REQUIRE(iscc);
    CHECK(asi->periodMonths == 12);
    CHECK(asi->carryOverPeriods == 0);
    CHECK(iscc->periodMonths == 3);
    CHECK(asi->minEvidence == Evidence::Documented);
    CHECK(asi->blockingSeverity == "high");
    // A catalogue copied before profiles existed falls back to the same two.
    auto texts = Catalogue::installed().texts();
    texts.erase("claim_profiles");
    const auto old = claimProfiles(Catalogue::fromTexts(texts));
    REQUIRE(old.size() == 2);
    CHECK(old[0].periodMonths == 12);
    CHECK(old[1].periodMonths == 3);
    CHECK(old[1].carryOverPeriods == iscc->carryOverPeriods);
}

TEST_CASE("claims model - chain JSON reads and writes the claim keys, and only when set") {
    const Project p = projectFromJson(claimChain().dump(), Catalogue::installed());
    CHECK_FALSE(p.actors[1].makesClaims.has_value());
    CHECK(p.actors[1].keepsClaimAccount());   // a refiner, by default
    CHECK_FALSE(p.actors[0].keepsClaimAccount());
    CHECK(p.actors[1].claimYield == 0.92);
    CHECK(p.flows[1].claimedT == 30);
    const json out = json::parse(projectToJson(p));
    CHECK(out["actors"][1]["claim_yield"] == 0.92);
    CHECK_FALSE(out["actors"][1].contains("makes_claims"));
    CHECK_FALSE(out["actors"][1].contains("claim_profile"));
    CHECK_FALSE(out["actors"][0].contains("claim_yield"));
    CHECK(out["flows"][1]["claimed_t"] == 30);
    CHECK_FALSE(out["flows"][0].contains("claimed_t"));
    CHECK_FALSE(out.contains("catalogue"));  // the installed profiles are not repeated
    CHECK(projectFromJson(out.dump(), Catalogue::installed()).sameChain(p));

    json doc = claimChain();
    doc["actors"][0]["makes_claims"] = true;
    doc["actors"][1]["makes_claims"] = false;
    doc["actors"][0]["claim_profile"] = "iscc";
    doc["flows"][1].erase("claimed_t");
    const Project q = projectFromJson(doc.dump(), Catalogue::installed());
    CHECK(q.actors[0].keepsClaimAccount());
    CHECK_FALSE(q.actors[1].keepsClaimAccount());
    const json back = json::parse(projectToJson(q));
    CHECK(back["actors"][0]["makes_claims"] == true);
    CHECK(back["actors"][1]["makes_claims"] == false);
    CHECK(back["actors"][0]["claim_profile"] == "iscc");
}

TEST_CASE("claims model - the project's own claim profiles travel in chain JSON catalogue.claim_profiles") {
    json doc = claimChain();
    doc["catalogue"] = json::parse(R"({"claim_profiles": [
        {"id": "asi", "name": "ASI, with the checklist", "period_months": 12, "carry_over_periods": 0,
         "eligibility": {"min_evidence": "verified", "min_checklist_progress": 0.5, "blocking_severity": "medium",
                         "typologies": ["rrrm-1", "rrrm-2"]}},
        {"id": "quarter", "name": {"en": "Quarterly", "es": "Trimestral"}, "period_months": 3, "carry_over_periods": 1}]})");
    doc["actors"][1]["claim_profile"] = "quarter";
    const Project p = projectFromJson(doc.dump(), Catalogue::installed());
    const auto profiles = claimProfiles(p.catalogue);
    REQUIRE(profiles.size() == 3);  // asi replaced, iscc kept, quarter added
    const ClaimProfileEntry* asi = findClaimProfile(profiles, "asi");
    REQUIRE(asi);
    CHECK(asi->name.en == "ASI, with the checklist");
    CHECK(asi->minEvidence == Evidence::Verified);
    CHECK(asi->minChecklistProgress == 0.5);
    CHECK(asi->blockingSeverity == "medium");
    CHECK(asi->typologies == std::vector<std::string>{"rrrm-1", "rrrm-2"});
    CHECK(findClaimProfile(profiles, "iscc")->periodMonths == 3);
    CHECK(findClaimProfile(profiles, "quarter")->name.es == "Trimestral");

    // Export writes the two that differ from the installed catalogue, and reads back the same.
    const json out = json::parse(projectToJson(p));
    REQUIRE(out["catalogue"]["claim_profiles"].size() == 2);
    CHECK(out["catalogue"]["claim_profiles"][0]["id"] == "asi");
    CHECK(out["catalogue"]["claim_profiles"][1]["id"] == "quarter");
    const Project back = projectFromJson(out.dump(), Catalogue::installed());
    CHECK(claimProfiles(back.catalogue) == profiles);
    CHECK(projectToJson(back) == projectToJson(p));

    // And the .traza file keeps them in the project's catalogue copy.
    TempDir dir;
    ProjectStore::save(p, dir / "own.traza");
    CHECK(claimProfiles(ProjectStore::open(dir / "own.traza").catalogue) == profiles);
}

TEST_CASE("claims model - wrong claim data is refused with its JSON path") {
    json doc = claimChain();
    doc["actors"][1]["claim_yield"] = 1.5;
    CHECK(claimsErrorOf(doc).rfind("actors[1].claim_yield: must be more than 0 and at most 1", 0) == 0);
    doc = claimChain();
    doc["actors"][1]["claim_yield"] = 0;
    CHECK(claimsErrorOf(doc).rfind("actors[1].claim_yield:", 0) == 0);
    doc = claimChain();
    doc["actors"][1]["makes_claims"] = "yes";
    CHECK(claimsErrorOf(doc).rfind("actors[1].makes_claims:", 0) == 0);
    doc = claimChain();
    doc["flows"][1]["claimed_t"] = 95;
    CHECK(claimsErrorOf(doc) == "flows[1].claimed_t: must not exceed tonnes (95 > 90)");
    doc = claimChain();
    doc["flows"][1]["claimed_t"] = -1;
    CHECK(claimsErrorOf(doc) == "flows[1].claimed_t: must be a finite number, at least 0");
    doc = claimChain();
    doc["flows"][0]["claimed_t"] = 10;  // the picker organisation makes no claims
    CHECK(claimsErrorOf(doc) == "flows[0].claimed_t: claims on a flow from \"org\", which makes no claims (set makes_claims on the actor)");
    doc["actors"][0]["makes_claims"] = true;
    CHECK(claimsErrorOf(doc).empty());
    doc = claimChain();
    doc["actors"][1]["claim_profile"] = "fsc";
    CHECK(claimsErrorOf(doc) == "actors[1].claim_profile: unknown claim profile \"fsc\" (known: asi, iscc)");
    doc = claimChain();
    doc["catalogue"] = json::parse(R"({"claim_profiles": [{"id": "x", "period_months": 0}]})");
    CHECK(claimsErrorOf(doc).rfind("catalogue.claim_profiles[0].period_months: must be a whole number from 1 to 120", 0) == 0);
    doc["catalogue"] = json::parse(R"({"claim_profiles": [{"id": "x", "eligibility": {"min_evidence": "sworn"}}]})");
    CHECK(claimsErrorOf(doc).rfind("catalogue.claim_profiles[0].eligibility.min_evidence: unknown value \"sworn\"", 0) == 0);
    doc["catalogue"] = json::parse(R"({"claim_profiles": [{"id": "x", "eligibility": {"typologies": ["rrrm-9"]}}]})");
    CHECK(claimsErrorOf(doc) == "catalogue.claim_profiles[2].eligibility.typologies[0]: unknown typology \"rrrm-9\"");
    doc["catalogue"] = json::parse(R"({"claim_profiles": [{"id": "x"}, {"id": "x"}]})");
    CHECK(claimsErrorOf(doc) == "catalogue.claim_profiles[1].id: duplicate id \"x\"");
    doc["catalogue"] = json::parse(R"({"checklist_templates": [{"id": "x", "name": "X", "steps": []}]})");
    CHECK(claimsErrorOf(doc) == "catalogue.checklist_templates[0].steps: must be a non-empty array");
}

TEST_CASE("claims model - the .traza file keeps claim settings, and a version 4 file opens without any") {
    TempDir dir;
    const fs::path file = dir / "claims.traza";
    Project p = makeChain(8, 16);
    for (Actor& a : p.actors) a.makesClaims = std::nullopt;
    p.actors[0].makesClaims = true;
    p.actors[1].makesClaims = false;
    p.actors[2].claimYield = 0.88;
    p.actors[3].claimProfile = "iscc";
    for (Flow& f : p.flows)
        if (f.from == p.actors[0].id) f.claimedT = f.tonnes / 2;
    REQUIRE(validateProject(p).empty());
    ProjectStore::save(p, file);
    const Project back = ProjectStore::open(file);
    CHECK(sameProject(back, p));
    CHECK(back.actors[0].makesClaims == std::optional<bool>(true));
    CHECK(back.actors[1].makesClaims == std::optional<bool>(false));
    CHECK_FALSE(back.actors[2].makesClaims.has_value());
    CHECK(back.actors[2].claimYield == 0.88);
    CHECK(back.actors[3].claimProfile == "iscc");
    int claimed = 0;
    for (const Flow& f : back.flows) claimed += f.claimedT > 0;
    CHECK(claimed > 0);

    // Version 4 had no claim tables: the migration adds them, empty.
    const fs::path old = dir / "v4.traza";
    ProjectStore::save(makeChain(8, 16), old);
    rawExec(old, asSchemaVersion(4));
    REQUIRE(ProjectStore::fileSchemaVersion(old) == 4);
    const Project migrated = ProjectStore::open(old);
    CHECK(sameProject(migrated, makeChain(8, 16)));
    for (const Actor& a : migrated.actors) CHECK((!a.makesClaims && a.claimYield == 0 && a.claimProfile.empty()));
    for (const Flow& f : migrated.flows) CHECK(f.claimedT == 0);
    ProjectStore::save(migrated, old);
    CHECK(ProjectStore::fileSchemaVersion(old) == ProjectStore::kSchemaVersion);
    CHECK(ProjectStore::kSchemaVersion >= 6);  // later issues add their own steps
}

TEST_CASE("claims model - a claim row of a flow that does not exist is refused with its place") {
    TempDir dir;
    const fs::path file = dir / "bad.traza";
    ProjectStore::save(makeChain(3, 3), file);
    rawExec(file, "INSERT INTO flow_claims VALUES (77, 1.5);");
    CHECK(thrownMessage<Error>([&] { ProjectStore::open(file); }).find("flow_claims[0].flow") != std::string::npos);
}
