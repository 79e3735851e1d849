// The streamed chain JSON writer (chain_json_writer.cpp) against the tree
// writer it replaced (chain_json_tree_writer.h): the same bytes for the CARE
// sample and for a project of odd strings and numbers, and text that reads
// back as the same project.
#include <catch2/catch.hpp>

#include <filesystem>
#include <limits>

#include "chain_json.h"
#include "chain_json_tree_writer.h"
#include "chain_json_writer.h"

using namespace traza::model;

namespace {

const Project& care() {
    static const Project p = readProjectJson(std::filesystem::path(TRAZA_TEST_DATADIR) / "samples" / "care-pilot-2025.json",
                                             Catalogue::installed());
    return p;
}

// Everything a writer can get wrong: escapes, invalid UTF-8 (typed in elsewhere;
// written as U+FFFD), whole and fractional numbers, -0, the extremes, the
// optional fields present and absent.
Project odd() {
    Project p = care();
    p.assessment.title = "Odd \xe2\x80\x94 t\xc3\xaftle \x1b[31m \"quoted\" back\\slash";
    p.assessment.notes = std::string("nul \0 tab \t newline \n", 22);
    p.actors[0].name = "invalid \xff\xfe UTF-8 \xc3 cut \xed\xa0\x80 surrogate";
    p.actors[0].stockChangeT = -0.0;
    p.actors[1].stockChangeT = 1e-300;
    p.actors[2].capacityT = 1e21;
    p.actors[3].capacityT = 1e15;
    p.actors[4].capacityT = 9007199254740994.0;  // 2^53 + 2: whole, but written as a double
    p.actors[5].lossT = 0.1;
    p.actors[6].capacityT = 5e-324;
    p.actors[7].capacityT = -1e-5;
    p.actors[8].capacityT = std::numeric_limits<double>::quiet_NaN();  // null (never valid, but must not break)
    p.flows[0].tonnes = 0.1 + 0.2;
    p.flows[0].notes = "\x01\x1f\x7f \xf0\x9f\x98\x80";
    p.flows[1].tonnes = 1e300;
    p.flows[2].periodStart = "2025-01-01";
    p.flows[3].pricePerT = 1e22;
    p.flows[4].documents.push_back("\xc0\xaf overlong");
    if (!p.goals.empty()) p.goals[0].thresholdsT = {0.5, 1e-300, 1e21, 2};
    if (!p.goals.empty()) p.goals[0].notes = "notes \xe2\x82";
    if (!p.supports.empty()) p.supports[0].cost = 1234.5678;
    if (!p.checklists.empty() && !p.checklists[0].items.empty()) p.checklists[0].items[0].documents = {"a", "b\xff"};
    return p;
}

}  // namespace

TEST_CASE("ChainJsonWriter - the CARE sample is written byte for byte as the tree writer wrote it") {
    const std::string expected = reference::treeProjectJson(care());
    CHECK(projectToJson(care()) == expected);
    std::string pieces;
    writeProjectJson(care(), [&](std::string_view bytes) { pieces.append(bytes); });
    CHECK(pieces == expected);
}

TEST_CASE("ChainJsonWriter - odd strings, invalid UTF-8 and extreme numbers come out as the tree writer wrote them") {
    const Project p = odd();
    const std::string expected = reference::treeProjectJson(p);
    const std::string got = projectToJson(p);
    CHECK(got == expected);
    CHECK(got.find("1e+21") != std::string::npos);
    CHECK(got.find("-0.0") != std::string::npos);
    CHECK(got.find("\xef\xbf\xbd") != std::string::npos);  // U+FFFD in place of the invalid bytes
    CHECK(nlohmann::ordered_json::parse(got) == nlohmann::ordered_json::parse(expected));
}

TEST_CASE("ChainJsonWriter - what it writes reads back as the same project and is written again unchanged") {
    const std::string text = projectToJson(care());
    const Project back = projectFromJson(text, Catalogue::installed());
    REQUIRE(back.actors.size() == care().actors.size());
    for (std::size_t i = 0; i < back.actors.size(); ++i) CHECK(back.actors[i].sameData(care().actors[i]));
    CHECK(back.flows == care().flows);
    CHECK(projectToJson(back) == text);
}
