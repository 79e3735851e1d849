#include <catch2/catch.hpp>

#include "tsv.h"

using namespace traza::gui;
using Rows = std::vector<std::vector<std::string>>;

TEST_CASE("Tsv - rows and cells of spreadsheet text, the last line break adding no row") {
    CHECK(parseTsv("a\tb\r\nc\td\r\n") == Rows{{"a", "b"}, {"c", "d"}});
    CHECK(parseTsv("a\t\tc") == Rows{{"a", "", "c"}});
    CHECK(parseTsv("") == Rows{});
}

TEST_CASE("Tsv - a quoted cell keeps its tab, line break and doubled quotes") {
    CHECK(parseTsv("\"one\ttwo\"\t\"line\nbreak\"\n\"say \"\"hi\"\"\"\n") == Rows{{"one\ttwo", "line\nbreak"}, {"say \"hi\""}});
    CHECK(parseTsv("\"unclosed\tcell") == Rows{{"unclosed\tcell"}});
}
