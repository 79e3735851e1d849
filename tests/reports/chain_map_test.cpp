#include <catch2/catch.hpp>

#include <regex>

#include "chain_map_image.h"
#include "report_fixture.h"

using namespace traza;
using namespace traza::reports;

namespace {

int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("ChainMap - CARE: one rank per stage, risk colours, undocumented flows dashed", "[map]") {
    const model::Project p = test::careProject();
    const risk::Analysis a = risk::analyze(p);
    const std::string dot = chainMapDot(p, a, Labels("en"));
    INFO(dot);
    // Stages 1, 2, 3, 4, 5 of the sample: five subgraphs each ranked "same".
    CHECK(count(dot, "subgraph") == 5);
    CHECK(count(dot, "rank=same") == 5);
    CHECK(count(dot, "->") == static_cast<int>(p.flows.size()));  // one arrow per actor pair here
    // Every evidence level has its line (issue 16): f6 (org3 -> int1), the one flow with no
    // documentation, dotted; the five self-declared first-mile flows and the two
    // self-declared exporter shipments dashed red; the five documented sales solid.
    CHECK(count(dot, "style=dotted") == 1);
    CHECK(std::regex_search(dot, std::regex("org3 -> int1\\s*\\[[^\\]]*style=dotted")));
    CHECK(count(dot, "style=dashed") == 7);
    CHECK(count(dot, "style=solid") == 5);
    CHECK(std::regex_search(dot, std::regex("expA -> ref\\s*\\[[^\\]]*style=dashed")));
    CHECK(std::regex_search(dot, std::regex("org1 -> expA\\s*\\[[^\\]]*style=solid")));
    // Every actor is filled with its risk level's colour.
    int filled = 0;
    for (const char* colour : {"#C6EFCE", "#FFEB9C", "#F8CBAD", "#FF7C80"}) filled += count(dot, colour);
    CHECK(filled == static_cast<int>(p.actors.size()));
    CHECK(dot.find("173.8 t") != std::string::npos);
    CHECK(dot.find("rankdir=LR") != std::string::npos);
}

TEST_CASE("ChainMap - the PNG is rendered in memory with its size", "[map]") {
    const model::Project p = test::careProject();
    const ChainMapImage img = renderChainMap(p, risk::analyze(p), Labels("es"));
    INFO(img.error);
    REQUIRE(!img.png.empty());
    CHECK(img.png[1] == 'P');
    CHECK(img.png[2] == 'N');
    CHECK(img.png[3] == 'G');
    CHECK(img.widthPx > 200);
    CHECK(img.widthPx <= 13 * 96 + 1);  // size="13,8" at 96 dpi
    CHECK(img.heightPx <= 8 * 96 + 1);
    CHECK(!img.grouped);
}

TEST_CASE("ChainMap - a chain of many actors is drawn as groups by stage and kind", "[map]") {
    model::Project p = test::careProject();
    const std::size_t before = p.actors.size();
    for (std::size_t i = 0; i < kMaxMapActors; ++i) {
        model::Actor a;
        a.id = "picker" + std::to_string(i);
        a.kind = model::ActorKind::WastePicker;
        a.stage = 1;
        p.actors.push_back(a);
        model::Flow f;
        f.id = "pf" + std::to_string(i);
        f.from = a.id;
        f.to = "org1";
        f.tonnes = 0.1;
        p.flows.push_back(f);
    }
    const std::string dot = chainMapDot(p, risk::analyze(p), Labels("en"));
    INFO(dot);
    // Kinds per stage in the sample: pickers (1), organisations (2), intermediary (3), exporters (4), refiner (5).
    CHECK(count(dot, "subgraph") == 5);
    CHECK(dot.find(std::to_string(kMaxMapActors + 5) + " actors") != std::string::npos);  // 5 sample picker groups
    CHECK(dot.find("grouped by stage and kind") != std::string::npos);
    CHECK(before + kMaxMapActors == p.actors.size());
}
