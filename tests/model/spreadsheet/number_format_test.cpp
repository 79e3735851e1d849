// Which number formats make a cell a date, and the day numbers behind dates.
#include <catch2/catch.hpp>

#include "spreadsheet/excel_date.h"
#include "spreadsheet/number_format.h"

using namespace traza::model;

TEST_CASE("NumberFormat - day, month or year tokens outside quotes and brackets make a date") {
    for (const char* code : {"dd/mm/yyyy", "yyyy\\-mm\\-dd", "[$-409]d-mmm-yyyy;@", "mmm-yy", "d \"de\" mmmm",
                             "[Red]dd/mm/yy", "m/d/yy h:mm", "DD.MM.YYYY"}) {
        INFO(code);
        CHECK(isDateFormatCode(code));
    }
    for (const char* code : {"General", "0.00", "0.00E+00", "#,##0.00 \"d\\u00edas\"", "h:mm", "[h]:mm:ss", "mm:ss",
                             "h:mm AM/PM", "\"yyyy\"0", "0_y", "0*d", "\\d0", "@", "0;[Red]-0;\"day\"", ""}) {
        INFO(code);
        CHECK_FALSE(isDateFormatCode(code));
    }
}

TEST_CASE("NumberFormat - built-in date formats, not the time-of-day ones") {
    for (int id : {14, 15, 16, 17, 22, 27, 36, 50, 58}) CHECK(isBuiltinDateFormat(id));
    for (int id : {0, 1, 2, 9, 13, 18, 19, 20, 21, 37, 44, 45, 46, 47, 49, 59, 164}) CHECK_FALSE(isBuiltinDateFormat(id));
}

TEST_CASE("ExcelDate - serials around the 1900 leap-year bug, the ends of the range and back") {
    auto iso = [](double serial) {
        const auto d = excelSerialToDate(serial);
        return d ? isoDate(*d) : std::string("none");
    };
    CHECK(iso(1) == "1900-01-01");
    CHECK(iso(59) == "1900-02-28");
    CHECK(iso(60) == "none");
    CHECK(iso(61) == "1900-03-01");
    CHECK(iso(36526.999) == "2000-01-01");
    CHECK(iso(2958465) == "9999-12-31");
    CHECK(iso(2958466) == "none");
    CHECK(iso(0.5) == "none");
    CHECK(iso(-1) == "none");
    for (double serial : {1.0, 59.0, 61.0, 1462.0, 45366.0, 2958465.0}) {
        const auto d = excelSerialToDate(serial);
        REQUIRE(d);
        CHECK(dateToExcelSerial(*d) == serial);
    }
    CHECK_FALSE(dateToExcelSerial({1899, 12, 31}));
    CHECK_FALSE(dateToExcelSerial({2023, 2, 29}));
    CHECK(dateToExcelSerial({2024, 2, 29}) == 45351);
}

TEST_CASE("ExcelDate - ISO dates as ods and xlsx t=\"d\" cells write them") {
    CHECK(isoDate(*parseIsoDate("2024-03-15")) == "2024-03-15");
    CHECK(isoDate(*parseIsoDate("2024-03-15T10:30:00")) == "2024-03-15");
    CHECK_FALSE(parseIsoDate("2024-3-15"));
    CHECK_FALSE(parseIsoDate("2024-03-15x"));
    CHECK_FALSE(parseIsoDate("2024-13-01"));
    CHECK_FALSE(parseIsoDate("15/03/2024"));
}
