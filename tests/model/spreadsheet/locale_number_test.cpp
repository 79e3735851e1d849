#include <catch2/catch.hpp>

#include "spreadsheet/locale_number.h"

using namespace traza::model;

namespace {

// The value, failing the test with the reason if the text is refused.
double read(std::string_view text, DecimalMark mark) {
    std::string why;
    const auto v = parseLocaleNumber(text, mark, &why);
    INFO("\"" << text << "\": " << why);
    REQUIRE(v);
    return *v;
}

// The reason a text is refused ("" if it is read).
std::string whyNot(std::string_view text, DecimalMark mark) {
    std::string why;
    return parseLocaleNumber(text, mark, &why) ? std::string() : why;
}

constexpr auto Unknown = DecimalMark::Unknown;
constexpr auto Point = DecimalMark::Point;
constexpr auto Comma = DecimalMark::Comma;

}  // namespace

TEST_CASE("LocaleNumber - forms that tell their own decimal mark read the same under every mark that allows them") {
    for (DecimalMark m : {Unknown, Comma}) {
        CHECK(read("173,8", m) == 173.8);
        CHECK(read("1.234,5", m) == 1234.5);
        CHECK(read("3.200.000", m) == 3200000);
        CHECK(read("0,25", m) == 0.25);
        CHECK(read("-1.234.567,125", m) == -1234567.125);
        CHECK(read(",5", m) == 0.5);
    }
    for (DecimalMark m : {Unknown, Point}) {
        CHECK(read("173.8", m) == 173.8);
        CHECK(read("1,234.5", m) == 1234.5);
        CHECK(read("3,200,000", m) == 3200000);
        CHECK(read("0.25", m) == 0.25);
        CHECK(read("1.5e3", m) == 1500);
        CHECK(read("1234.567", m) == 1234.567);  // four digits before the point: no thousands reading
        CHECK(read(".5", m) == 0.5);
        CHECK(read("5.", m) == 5);
    }
    for (DecimalMark m : {Unknown, Point, Comma}) {
        CHECK(read("1234", m) == 1234);
        CHECK(read("-5", m) == -5);
        CHECK(read("+5", m) == 5);
        CHECK(read("1e3", m) == 1000);
        CHECK(read("2E-3", m) == 0.002);
        CHECK(read("3 200 000", m) == 3200000);
        CHECK(read("3\xC2\xA0" "200\xC2\xA0" "000", m) == 3200000);  // no-break spaces (Excel, LibreOffice)
        CHECK(read("3\xE2\x80\xAF" "200", m) == 3200);               // narrow no-break space (French locale)
        CHECK(read("  42\t", m) == 42);
        CHECK(read("\xC2\xA0" "42\xC2\xA0", m) == 42);
        CHECK(read("007", m) == 7);
    }
    CHECK(read("1 234,5", Unknown) == 1234.5);
    CHECK(read("1 234.5", Unknown) == 1234.5);
    CHECK(read("1,5E+03", Comma) == 1500);
}

TEST_CASE("LocaleNumber - the conversion is exact: the same double as the point-decimal text") {
    CHECK(read("0,1", Comma) == 0.1);
    CHECK(read("173,80000000000001", Comma) == 173.80000000000001);
    CHECK(read("1.797.693.134.862.315", Comma) == 1797693134862315.0);
    CHECK(read("4,9406564584124654e-324", Comma) == 4.9406564584124654e-324);
    CHECK(read("1,7976931348623157e308", Unknown) == 1.7976931348623157e308);
}

TEST_CASE("LocaleNumber - a separator then exactly three digits reads only where the file shows its mark") {
    CHECK(read("1.234", Point) == 1.234);
    CHECK(read("1.234", Comma) == 1234);
    CHECK(read("1,234", Point) == 1234);
    CHECK(read("1,234", Comma) == 1.234);
    CHECK(read("-12,500", Point) == -12500);
    CHECK(whyNot("1.234", Unknown) ==
          "\"1.234\" could be 1234 or a number between 1 and 2: the file does not show whether '.' is a decimal point or a "
          "thousands separator");
    CHECK(whyNot("-12,500", Unknown) ==
          "\"-12,500\" could be -12500 or a number between -13 and -12: the file does not show whether ',' is a decimal comma "
          "or a thousands separator");
    CHECK(whyNot(" 999.000 ", Unknown) == "\"999.000\" could be 999000 or a number between 999 and 1000: the file does not show "
                                         "whether '.' is a decimal point or a thousands separator");
    // A leading 0 cannot start a thousands group: not ambiguous.
    CHECK(read("0.234", Unknown) == 0.234);
    CHECK(read("0,234", Unknown) == 0.234);
}

TEST_CASE("LocaleNumber - a form of the other mark is refused with the number as this file writes it") {
    CHECK(whyNot("173.8", Comma) == "\"173.8\" does not fit this file, which writes decimals with a comma: write 173,8");
    CHECK(whyNot("173,8", Point) == "\"173,8\" does not fit this file, which writes decimals with a point: write 173.8");
    CHECK(whyNot("3,200,000", Comma) == "\"3,200,000\" does not fit this file, which writes decimals with a comma: write 3200000");
    CHECK(whyNot("1.5e3", Comma) == "\"1.5e3\" does not fit this file, which writes decimals with a comma: write 1,5e3");
}

TEST_CASE("LocaleNumber - texts that are not numbers say why") {
    for (DecimalMark m : {Unknown, Point, Comma}) {
        CHECK(whyNot("173,8 t", m) == "not a number (\"173,8 t\"); write the number alone, without units or other text");
        CHECK(whyNot("12abc", m) == "not a number (\"12abc\"); write the number alone, without units or other text");
        CHECK(whyNot("$5", m) == "not a number (\"$5\"); write the number alone, without units or other text");
        CHECK(whyNot("ten", m) == "not a number (\"ten\")");
        CHECK(whyNot("inf", m) == "not a number (\"inf\")");
        CHECK(whyNot("nan", m) == "not a number (\"nan\")");
        CHECK(whyNot("-", m) == "not a number (\"-\")");
        CHECK(whyNot(".", m) == "not a number (\".\")");
        CHECK(whyNot("1e", m) == "not a number (\"1e\")");
        CHECK(whyNot("1-2", m) == "not a number (\"1-2\")");
        CHECK(whyNot("--5", m) == "not a number (\"--5\")");
        CHECK(whyNot("1e999", m) == "number out of range (\"1e999\")");
        CHECK(whyNot("", m) == "no number (the cell is empty)");
        CHECK(whyNot(" \xC2\xA0 ", m) == "no number (the cell is empty)");
    }
    const std::string groups = "): its separators are neither one decimal mark nor thousands separators between groups of three digits";
    CHECK(whyNot("1.23.4", Unknown) == "not a number (\"1.23.4\"" + groups);
    CHECK(whyNot("1,2345.6", Unknown) == "not a number (\"1,2345.6\"" + groups);
    CHECK(whyNot("1.234.5", Comma) == "not a number (\"1.234.5\"" + groups);
    CHECK(whyNot("12.34,5", Comma) == "not a number (\"12.34,5\"" + groups);
    CHECK(whyNot("1 234.567 8", Point) == "not a number (\"1 234.567 8\"" + groups);
    CHECK(whyNot("1 234.567", Comma) == "\"1 234.567\" does not fit this file, which writes decimals with a comma: write 1234,567");
    CHECK(whyNot("1.000e3", Unknown) == "");                                       // 1.000e3 = 1000: the point is decimal
    CHECK(whyNot("1.000.000e3", Unknown) == "not a number (\"1.000.000e3\"" + groups);
    CHECK(whyNot("1,5,", Unknown) == "not a number (\"1,5,\"" + groups);
    CHECK_FALSE(parseLocaleNumber("x", Unknown));  // whyNot is optional
}

TEST_CASE("LocaleNumber - what a text shows of the decimal mark") {
    for (const char* t : {"173.8", "1,234.5", "3,200,000", "0.25", "1.5e3", ".5", "1234.567"})
        CHECK(decimalMarkShownBy(t) == Point);
    for (const char* t : {"173,8", "1.234,5", "3.200.000", "0,25", ",5", " 1 234,5 "}) CHECK(decimalMarkShownBy(t) == Comma);
    for (const char* t : {"1.234", "1,234", "1234", "1e3", "3 200 000", "-5", "id", "2025-01-01", "1.23.4", "173,8 t", ""})
        CHECK(decimalMarkShownBy(t) == Unknown);
}

TEST_CASE("LocaleNumber - evidence over a file: one mark, none, or both (a conflict, then Unknown)") {
    DecimalMarkEvidence e;
    CHECK(e.verdict() == Unknown);
    CHECK(e.note().empty());
    e.add("1.234");
    e.add("org1");
    CHECK(e.verdict() == Unknown);
    e.add("173,8");
    CHECK(e.verdict() == Comma);
    CHECK(e.note() == "decimal mark: comma");
    e.add("0.5");
    CHECK(e.verdict() == Unknown);
    CHECK(e.conflicting());
    CHECK_THAT(e.note(), Catch::StartsWith("numbers are written with both decimal marks"));

    SheetTable table;
    table.rows = {{{SheetCell::Kind::Text, "toneladas"}, {SheetCell::Kind::Text, "precio"}},
                  {{SheetCell::Kind::Text, "1.234"}, {SheetCell::Kind::Number, "1.5", 1.5}},
                  {{SheetCell::Kind::Text, "3.200.000"}, {}}};
    CHECK(detectDecimalMark(table) == Comma);  // Number cells carry numbers: they show nothing
    table.rows[2][0].text = "3,200,000";
    CHECK(detectDecimalMark(table) == Point);
    table.rows[2][0].kind = SheetCell::Kind::Empty;
    CHECK(detectDecimalMark(table) == Unknown);
}
