#pragma once
// Spreadsheet dates as day numbers. Excel counts days from 1900-01-01 = 1 and,
// copying Lotus 1-2-3, also counts a 29 February 1900 that never was (serial
// 60); from serial 61 (1900-03-01) on, serial = days since 1899-12-30. Old Mac
// workbooks count from 1904-01-01 = 0 instead (the "1904 date system"), which
// is serial 1462 in the 1900 system.
#include <optional>
#include <string>
#include <string_view>

namespace traza::model {

/// Days between the two systems: a 1904-system serial plus this is the 1900-system serial.
constexpr double kExcel1904Offset = 1462;

/// Proleptic Gregorian calendar date.
struct CivilDate {
    int year = 0;
    unsigned month = 0;  ///< 1..12
    unsigned day = 0;    ///< 1..31
};

/// The day of a 1900-system serial (time of day dropped). std::nullopt when the
/// serial names no real day: below 1, 60 (the fictitious 1900-02-29), above
/// 2958465 (9999-12-31), or not finite.
std::optional<CivilDate> excelSerialToDate(double serial1900);

/// The 1900-system serial of a day from 1900-01-01 on; std::nullopt before it
/// or after 9999-12-31.
std::optional<double> dateToExcelSerial(const CivilDate& date);

/// "YYYY-MM-DD".
std::string isoDate(const CivilDate& date);

/// The date at the start of an ISO 8601 text ("2024-03-15", "2024-03-15T10:30:00"),
/// as office:date-value and xlsx t="d" cells write it; std::nullopt if it is none.
std::optional<CivilDate> parseIsoDate(std::string_view text);

}  // namespace traza::model
