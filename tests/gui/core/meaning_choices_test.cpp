#include <catch2/catch.hpp>

#include "import/meaning_choices.h"
#include "sheet_columns.h"

using namespace traza;
using namespace traza::gui;

TEST_CASE("MeaningChoices - ignore first, then every field of the sheet with its label in the language") {
    const auto& words = model::SpreadsheetWords::installed();
    const auto choices = meaningChoices(model::SheetKind::Flows, words, "es");
    REQUIRE(choices.size() == model::fieldKeys(model::SheetKind::Flows).size() + 1);
    CHECK(choices[0].field.empty());
    bool sawTonnes = false;
    for (const auto& c : choices)
        if (c.field == "tonnes") sawTonnes = c.label == "Toneladas";
    CHECK(sawTonnes);
    CHECK(isNumericField(model::SheetKind::Flows, "tonnes"));
    CHECK_FALSE(isNumericField(model::SheetKind::Flows, "from"));
    CHECK(isNumericField(model::SheetKind::Actors, "headcount"));
}

TEST_CASE("MeaningChoices - factors are written and read as the user sees them") {
    CHECK(factorText(1) == "×1");
    CHECK(factorText(0.001) == "÷1000");
    CHECK(factorText(1000) == "×1000");
    CHECK(factorText(0.4) == "×0.4");
    CHECK(parseFactor("÷1000") == Approx(0.001));
    CHECK(parseFactor("/1000") == Approx(0.001));
    CHECK(parseFactor(" x2,5") == Approx(2.5));
    CHECK(parseFactor("×1") == Approx(1));
    CHECK(parseFactor("1000") == Approx(1000));
    CHECK_FALSE(parseFactor("kg"));
    CHECK_FALSE(parseFactor("÷0"));
    CHECK_FALSE(parseFactor("-3"));
    CHECK_FALSE(parseFactor(""));
}
