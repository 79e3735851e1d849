#include "series_period.h"

#include <cstdio>

#include "error.h"

namespace traza::model {
namespace {

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
long daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

struct Civil {
    int y;
    unsigned m, d;
};

Civil civilFromDays(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2), m, d};
}

std::string iso(long days) {
    const Civil c = civilFromDays(days);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.y, c.m, c.d);
    return buf;
}

long parseDays(const std::string& s) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1)
        throw InvalidInput(s, "is not an ISO date (YYYY-MM-DD)");
    const long days = daysFromCivil(y, m, d);
    if (civilFromDays(days).m != m) throw InvalidInput(s, "is not a calendar date");
    return days;
}

// Monday of the week holding `days` (1970-01-01 was a Thursday).
long mondayOf(long days) {
    const long weekday = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
    return days - weekday;
}

PeriodSlot slotOfDays(long days, SeriesPeriod kind) {
    char key[40];
    if (kind == SeriesPeriod::Monthly) {
        const Civil c = civilFromDays(days);
        std::snprintf(key, sizeof key, "%04d-%02u", c.y, c.m);
        const long first = daysFromCivil(c.y, c.m, 1);
        const long next = c.m == 12 ? daysFromCivil(c.y + 1, 1, 1) : daysFromCivil(c.y, c.m + 1, 1);
        return {key, iso(first), iso(next - 1)};
    }
    const long monday = mondayOf(days);
    const int isoYear = civilFromDays(monday + 3).y;  // the week's Thursday decides its year
    const long week1Monday = mondayOf(daysFromCivil(isoYear, 1, 4));  // 4 January is always in week 1
    std::snprintf(key, sizeof key, "%04d-W%02ld", isoYear, (monday - week1Monday) / 7 + 1);
    return {key, iso(monday), iso(monday + 6)};
}

}  // namespace

std::string_view toString(SeriesPeriod p) { return p == SeriesPeriod::Weekly ? "weekly" : "monthly"; }

std::optional<SeriesPeriod> parseSeriesPeriod(std::string_view s) {
    if (s == "monthly") return SeriesPeriod::Monthly;
    if (s == "weekly") return SeriesPeriod::Weekly;
    return std::nullopt;
}

PeriodSlot periodOf(const std::string& isoDate, SeriesPeriod kind) { return slotOfDays(parseDays(isoDate), kind); }

PeriodSlot periodNamed(const std::string& key) {
    const auto digits = [&key](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (key[i] < '0' || key[i] > '9') return false;
        return true;
    };
    const int y = key.size() >= 7 && digits(0, 4) ? std::stoi(key.substr(0, 4)) : 0;
    if (key.size() == 7 && y > 0 && key[4] == '-' && digits(5, 2)) {
        const unsigned m = static_cast<unsigned>(std::stoi(key.substr(5, 2)));
        if (m < 1 || m > 12) throw InvalidInput(key, "is no month (01 to 12)");
        return slotOfDays(daysFromCivil(y, m, 1), SeriesPeriod::Monthly);
    }
    if (key.size() == 8 && y > 0 && key[4] == '-' && key[5] == 'W' && digits(6, 2)) {
        const long week = std::stol(key.substr(6, 2));
        const PeriodSlot slot = slotOfDays(mondayOf(daysFromCivil(y, 1, 4)) + 7 * (week - 1), SeriesPeriod::Weekly);
        if (week < 1 || slot.key != key) throw InvalidInput(key, "is no ISO week of " + key.substr(0, 4));
        // 9999-W52 ends in the year 10000, which no ISO date of four digits can write.
        if (slot.start.size() != 10 || slot.end.size() != 10) throw InvalidInput(key, "is past the year 9999");
        return slot;
    }
    throw InvalidInput(key, "is no period: write a month as 2025-03 or an ISO week as 2025-W09");
}

std::vector<PeriodSlot> periodsBetween(const std::string& first, const std::string& last, SeriesPeriod kind) {
    std::vector<PeriodSlot> out;
    const long end = parseDays(last);
    for (long day = parseDays(first); day <= end;) {
        out.push_back(slotOfDays(day, kind));
        day = parseDays(out.back().end) + 1;
    }
    return out;
}

}  // namespace traza::model
