#include "excel_date.h"

#include <cmath>
#include <cstdio>

namespace traza::model {
namespace {

constexpr double kMaxSerial = 2958465;  // 9999-12-31

// Howard Hinnant's days_from_civil / civil_from_days (days since 1970-01-01).
long long daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civilFromDays(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

const long long kEpoch = daysFromCivil(1899, 12, 30);  // serial 0 for serials >= 61

bool validDay(const CivilDate& date) {
    if (date.month < 1 || date.month > 12 || date.day < 1) return false;
    static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
    return date.day <= kDays[date.month - 1] + (date.month == 2 && leap ? 1u : 0u);
}

}  // namespace

std::optional<CivilDate> excelSerialToDate(double serial1900) {
    if (!std::isfinite(serial1900)) return std::nullopt;
    const double day = std::floor(serial1900);
    if (day < 1 || day == 60 || day > kMaxSerial) return std::nullopt;
    // Before the fictitious leap day, serials run one ahead of the real count.
    const long long serial = static_cast<long long>(day) + (day < 60 ? 1 : 0);
    return civilFromDays(kEpoch + serial);
}

std::optional<double> dateToExcelSerial(const CivilDate& date) {
    if (date.year < 1900 || date.year > 9999 || !validDay(date)) return std::nullopt;
    const long long serial = daysFromCivil(date.year, date.month, date.day) - kEpoch;
    return static_cast<double>(serial < 61 ? serial - 1 : serial);
}

std::string isoDate(const CivilDate& date) {
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", date.year, date.month, date.day);
    return text;
}

std::optional<CivilDate> parseIsoDate(std::string_view text) {
    auto digits = [&](std::size_t at, std::size_t n) -> std::optional<unsigned> {
        if (text.size() < at + n) return std::nullopt;
        unsigned v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            v = v * 10 + static_cast<unsigned>(text[i] - '0');
        }
        return v;
    };
    const auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    if (!y || !m || !d || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
    const CivilDate date{static_cast<int>(*y), *m, *d};
    if (!validDay(date)) return std::nullopt;
    return date;
}

}  // namespace traza::model
