// The uncertainty typed in the Properties pane: tonnes or a percentage of the
// figure, read into tonnes (figures worked by hand).
#include <catch2/catch.hpp>

#include <cmath>

#include "uncertainty_entry.h"

using namespace traza::gui;
using Catch::Detail::Approx;

TEST_CASE("UncertaintyEntry - tonnes as typed, a percentage of the figure in tonnes") {
    CHECK(parseUncertainty("2.5", 40).sdT == 2.5);
    CHECK_FALSE(parseUncertainty("2.5", 40).percent);
    CHECK(parseUncertainty("  \xC2\xB1 2.5 t ", 40).sdT == 2.5);  // "± 2.5 t"
    CHECK(parseUncertainty("+/-2,5", 40).sdT == 2.5);            // decimal comma
    // 5 % of 40 t = 2 t; of a stock change of −40 t also 2 t; 12.5 % of 8 t = 1 t.
    const UncertaintyEntry p = parseUncertainty("5%", 40);
    CHECK(p.percent);
    CHECK(p.sdT == Approx(2));
    CHECK(parseUncertainty("± 5 %", -40).sdT == Approx(2));
    CHECK(parseUncertainty("12,5%", 8).sdT == Approx(1));
    CHECK(parseUncertainty("", 40).sdT == 0);  // empty: exact
    CHECK(parseUncertainty("0%", 0).sdT == 0);
    CHECK(parseUncertainty("0%", 0).problem == UncertaintyProblem::None);
}

TEST_CASE("UncertaintyEntry - what cannot be an uncertainty is refused with its reason") {
    CHECK(parseUncertainty("abc", 40).problem == UncertaintyProblem::NotANumber);
    CHECK(parseUncertainty("1e3", 40).problem == UncertaintyProblem::NotANumber);
    CHECK(parseUncertainty("0x10", 40).problem == UncertaintyProblem::NotANumber);
    CHECK(parseUncertainty("inf", 40).problem == UncertaintyProblem::NotANumber);
    CHECK(parseUncertainty("%", 40).problem == UncertaintyProblem::NotANumber);
    CHECK(parseUncertainty("-2", 40).problem == UncertaintyProblem::Negative);
    CHECK(parseUncertainty("5%", 0).problem == UncertaintyProblem::PercentOfZero);
}

TEST_CASE("UncertaintyEntry - the percentage shown beside the tonnes") {
    CHECK(uncertaintyPercent(2, 40) == Approx(5));
    CHECK(uncertaintyPercent(2, -40) == Approx(5));
    CHECK(std::isnan(uncertaintyPercent(2, 0)));
}
