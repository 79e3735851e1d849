#include <catch2/catch.hpp>

#include <set>

#include "graph_layout.h"

using namespace traza::gui;

namespace {

// A small chain: two pickers -> org -> exporter -> refiner, plus a backward
// flow (refiner -> org) that must not break the stage columns.
std::vector<LayoutNode> nodes() {
    return {{"p1", 1, 180, 56}, {"p2", 1, 180, 56}, {"org", 2, 180, 56}, {"exp", 4, 180, 56}, {"ref", 5, 180, 56}};
}
std::vector<LayoutEdge> edges() {
    return {{"p1", "org", 10}, {"p2", "org", 5}, {"org", "exp", 15}, {"exp", "ref", 15}, {"ref", "org", 1}, {"x", "org", 1}};
}

void checkColumns(const LayoutResult& r) {
    REQUIRE(r.size() == 5);
    CHECK(r.at("p1").x == Approx(r.at("p2").x));
    CHECK(r.at("p1").x < r.at("org").x);
    CHECK(r.at("org").x < r.at("exp").x);
    CHECK(r.at("exp").x < r.at("ref").x);
    // Same column, no overlap: at least one box height apart.
    CHECK(std::abs(r.at("p1").y - r.at("p2").y) >= 56);
    // Columns are at least a box width apart.
    CHECK(r.at("org").x - r.at("p1").x >= 180);
}

}  // namespace

TEST_CASE("GraphLayout - dot puts stages in left-to-right columns") { checkColumns(layoutWithDot(nodes(), edges())); }

TEST_CASE("GraphLayout - the column layout keeps the same order without Graphviz") {
    checkColumns(layoutColumns(nodes(), edges()));
}

TEST_CASE("GraphLayout - big graphs switch to the column layout") {
    LayoutOptions opt;
    opt.dotNodeLimit = 3;
    const LayoutResult viaLayered = layoutLayered(nodes(), edges(), opt);
    const LayoutResult columns = layoutColumns(nodes(), edges(), opt);
    for (const auto& [id, p] : columns) {
        CHECK(viaLayered.at(id).x == Approx(p.x));
        CHECK(viaLayered.at(id).y == Approx(p.y));
    }
}

TEST_CASE("GraphLayout - the column layout orders a column by its neighbours") {
    // a1 feeds b2 and a2 feeds b1: the sweep should swap b1 and b2 to uncross.
    std::vector<LayoutNode> n{{"a1", 1, 100, 40}, {"a2", 1, 100, 40}, {"b1", 2, 100, 40}, {"b2", 2, 100, 40}};
    std::vector<LayoutEdge> e{{"a1", "b2", 1}, {"a2", "b1", 1}};
    const LayoutResult r = layoutColumns(n, e);
    CHECK((r.at("a1").y < r.at("a2").y) == (r.at("b2").y < r.at("b1").y));
}

TEST_CASE("GraphLayout - an empty chain has no positions") {
    CHECK(layoutLayered({}, {}).empty());
    CHECK(layoutColumns({}, {}).empty());
}
