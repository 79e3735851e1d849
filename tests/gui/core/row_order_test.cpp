#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "row_order.h"

using namespace traza::gui;

namespace {
// Three records of two columns: a name and a number.
const std::vector<std::vector<std::string>> kCells = {{"Organisation 2", "30.2"}, {"Bogotá recyclers", "7.8"}, {"exporter A", "173.8"}};
const std::vector<double> kNumbers = {30.2, 7.8, 173.8};

std::vector<std::size_t> rowsOf(const RowOrder& o) {
    std::vector<std::size_t> r;
    for (std::size_t i = 0; i < o.size(); ++i) r.push_back(o.record(i));
    return r;
}

void rebuild(RowOrder& o, RowOrder::Filter f, RowOrder::Sort s) {
    o.rebuild(kCells.size(), 2, f, s, [](std::size_t r, int c) { return kCells[r][static_cast<std::size_t>(c)]; },
              [](std::size_t r, int) { return kNumbers[r]; });
}
}  // namespace

TEST_CASE("RowOrder - without filter or sort the records keep their order") {
    RowOrder o;
    rebuild(o, {}, {});
    CHECK(rowsOf(o) == std::vector<std::size_t>{0, 1, 2});
    CHECK(o.rowOf(2) == 2u);
}

TEST_CASE("RowOrder - the filter ignores case and accents, in one column or any") {
    RowOrder o;
    rebuild(o, {-1, "BOGOTA"}, {});
    CHECK(rowsOf(o) == std::vector<std::size_t>{1});
    CHECK_FALSE(o.rowOf(0).has_value());
    CHECK(o.rowOf(1) == 0u);
    rebuild(o, {1, ".8"}, {});  // inside "7.8" and "173.8"
    CHECK(rowsOf(o) == std::vector<std::size_t>{1, 2});
    rebuild(o, {0, ".8"}, {});
    CHECK(o.size() == 0);
}

TEST_CASE("RowOrder - a numeric column sorts by value, a text column by folded text, both ways") {
    RowOrder o;
    rebuild(o, {}, {1, true, true});
    CHECK(rowsOf(o) == std::vector<std::size_t>{1, 0, 2});  // 7.8 < 30.2 < 173.8 (as text "173.8" would come first)
    rebuild(o, {}, {1, false, true});
    CHECK(rowsOf(o) == std::vector<std::size_t>{2, 0, 1});
    rebuild(o, {}, {0, true, false});
    CHECK(rowsOf(o) == std::vector<std::size_t>{1, 2, 0});  // bogota < exporter < organisation, case ignored
    CHECK(o.rowOf(0) == 2u);
}

TEST_CASE("RowOrder - folding takes the accents and case off Latin letters only") {
    CHECK(foldForSearch("Bogotá ÑANDÚ Çà") == "bogota nandu ca");
    CHECK(foldForSearch("2 × 3") == "2 × 3");
}
