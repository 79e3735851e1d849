// Legend: the national layout's codes, numbered in order of first use, one per meaning.
#include <catch2/catch.hpp>

#include "error.h"
#include "legend.h"

using traza::reports::Legend;
using Group = Legend::Group;

TEST_CASE("Legend - the same meaning always gets the same code, numbered by first use", "[legend]") {
    Legend legend(50'000);
    CHECK(legend.aboveFlows() == 50'000);
    const std::string& r1 = legend.code(Group::RiskReasons, "informal; no checklist");
    CHECK(r1 == "R1");
    CHECK(legend.code(Group::RiskReasons, "formal") == "R2");
    CHECK(legend.code(Group::RiskReasons, "informal; no checklist") == "R1");
    // Numbering is per group: the first factor set is F1, the first break reason B1.
    CHECK(legend.code(Group::RiskFactors, "informal; no checklist") == "F1");
    CHECK(legend.code(Group::BreakReason, "no documentation") == "B1");
    for (int i = 0; i < 100; ++i) legend.code(Group::BreakReason, "reason " + std::to_string(i));
    CHECK(r1 == "R1");  // a returned code stays valid as the legend grows
    CHECK(legend.code(Group::RiskReasons, "").empty());  // an empty text has no code and no entry
}

TEST_CASE("Legend - catalogue ids are kept, their meaning asked once, uses counted", "[legend]") {
    Legend legend(0);
    int asked = 0;
    auto name = [&] {
        ++asked;
        return std::string("Waste picker or picker group");
    };
    CHECK(legend.id(Group::Kind, "waste_picker", name) == "waste_picker");
    CHECK(legend.id(Group::Kind, "waste_picker", name) == "waste_picker");
    CHECK(legend.id(Group::Typology, "rrrm-4", [] { return std::string("rrrm-4 Post-consumer scrap"); }) == "rrrm-4");
    CHECK(asked == 1);
    CHECK(legend.id(Group::Document, "", name).empty());
    legend.code(Group::RiskFactors, "Informal status");
    CHECK_THROWS_AS(legend.code(Group::Kind, "x"), traza::Error);  // kinds are ids, not numbered codes
    CHECK_THROWS_AS(legend.id(Group::RiskReasons, "x", name), traza::Error);

    // Listed by group in the legend's order (kinds, factor sets, ..., typologies), with their uses.
    const auto entries = legend.entries();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0]->code == "waste_picker");
    CHECK(entries[0]->meaning == "Waste picker or picker group");
    CHECK(entries[0]->uses == 2);
    CHECK(entries[1]->code == "F1");
    CHECK(entries[1]->meaning == "Informal status");
    CHECK(entries[2]->code == "rrrm-4");
    CHECK(entries[2]->uses == 1);
}
