#include "claim_account.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>

#include "error.h"

namespace traza::risk {
namespace {

struct Date {
    int y = 0, m = 0, d = 0;
};

Date parseDate(const std::string& s, const std::string& where) {
    Date t;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &t.y, &t.m, &t.d, &tail) != 3 || t.m < 1 ||
        t.m > 12 || t.d < 1 || t.d > 31)
        throw InvalidInput(where, "'" + s + "' is not a date YYYY-MM-DD");
    return t;
}

int monthIndex(const Date& d) { return d.y * 12 + (d.m - 1); }

std::string format(int monthIdx, int day) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", monthIdx / 12, monthIdx % 12 + 1, day);
    return buf;
}

int daysIn(int monthIdx) {
    const int y = monthIdx / 12, m = monthIdx % 12 + 1;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

// A day's position: months since year 0 × 32 + day, for ordering only.
long dayKey(const Date& d) { return static_cast<long>(monthIndex(d)) * 32 + d.d; }

struct Booking {
    long day;
    bool claim;
    std::size_t index;
};

struct Vintage {
    std::size_t period;  ///< where the credits were made
    double tonnes;
};

}  // namespace

double ClaimPeriod::inputShare() const {
    const double in = eligibleInT + nonEligibleInT;
    return in > 0 ? eligibleInT / in : 0.0;
}

ClaimAccount computeClaimAccount(const ClaimAccountInput& in) {
    if (!(in.yield > 0 && in.yield <= 1)) throw InvalidInput("yield", "must be more than 0 and at most 1");
    if (in.profile.periodMonths < 1) throw InvalidInput("profile.period_months", "must be at least 1");
    if (in.profile.carryOverPeriods < 0) throw InvalidInput("profile.carry_over_periods", "must be 0 or more");
    const Date first = parseDate(in.firstPeriodStart, "first period start");
    if (first.d != 1) throw InvalidInput("first period start", "a period starts on the first day of a month");
    const int months = in.profile.periodMonths;

    std::vector<Booking> bookings;
    std::size_t lastPeriod = 0;
    auto periodOf = [&](const ClaimEntry& e, const std::string& where) {
        const Date d = parseDate(e.date, where);
        const int offset = monthIndex(d) - monthIndex(first);
        if (offset < 0) throw InvalidInput(where, "dated " + e.date + ", before the first period (" + in.firstPeriodStart + ")");
        if (!(e.tonnes >= 0) || !std::isfinite(e.tonnes)) throw InvalidInput(where, "tonnes must be 0 or more");
        lastPeriod = std::max(lastPeriod, static_cast<std::size_t>(offset / months));
        return dayKey(d);
    };
    for (std::size_t i = 0; i < in.inputs.size(); ++i)
        bookings.push_back({periodOf(in.inputs[i], "inputs: " + in.inputs[i].flow), false, i});
    for (std::size_t i = 0; i < in.claims.size(); ++i) {
        const ClaimEntry& c = in.claims[i];
        bookings.push_back({periodOf(c, "claims: " + c.flow), true, i});
        if (c.tonnes > c.outgoingT * (1 + 1e-12))
            throw InvalidInput("claims: " + c.flow, "claims more tonnes than the flow carries");
    }
    // Date order; on one day inputs first; otherwise the order given.
    std::stable_sort(bookings.begin(), bookings.end(), [](const Booking& a, const Booking& b) {
        return a.day < b.day || (a.day == b.day && !a.claim && b.claim);
    });

    ClaimAccount account;
    account.actor = in.actor;
    if (bookings.empty()) return account;
    account.periods.resize(lastPeriod + 1);
    for (std::size_t p = 0; p <= lastPeriod; ++p) {
        const int startMonth = monthIndex(first) + static_cast<int>(p) * months;
        const int endMonth = startMonth + months - 1;
        account.periods[p].start = format(startMonth, 1);
        account.periods[p].end = format(endMonth, daysIn(endMonth));
    }
    auto periodIndex = [&](long day) {
        return static_cast<std::size_t>((day / 32 - monthIndex(first)) / months);
    };

    std::deque<Vintage> credits;  // oldest first
    auto available = [&] {
        double s = 0;
        for (const Vintage& v : credits) s += v.tonnes;
        return s;
    };
    std::size_t current = 0;
    // Closes period p: credits too old to be used in p + 1 expire; the rest carries.
    auto close = [&](std::size_t p) {
        ClaimPeriod& period = account.periods[p];
        while (!credits.empty() && credits.front().period + static_cast<std::size_t>(in.profile.carryOverPeriods) <= p) {
            period.expiredT += credits.front().tonnes;
            credits.pop_front();
        }
        period.balanceT = available();
        if (p + 1 < account.periods.size()) account.periods[p + 1].carriedInT = period.balanceT;
    };
    for (const Booking& b : bookings) {
        const std::size_t p = periodIndex(b.day);
        while (current < p) close(current++);
        ClaimPeriod& period = account.periods[p];
        if (!b.claim) {
            const ClaimEntry& e = in.inputs[b.index];
            if (e.eligible) {
                period.eligibleInT += e.tonnes;
                period.creditsT += e.tonnes * in.yield;
                credits.push_back({p, e.tonnes * in.yield});
            } else {
                period.nonEligibleInT += e.tonnes;
            }
            continue;
        }
        const ClaimEntry& c = in.claims[b.index];
        const double have = available();
        if (c.tonnes > have * (1 + 1e-12) + 1e-12) {
            char buf[160];
            std::snprintf(buf, sizeof buf, "claims %.3f t on %s but only %.3f t of credits are available in the period %s to %s",
                          c.tonnes, c.date.c_str(), have, period.start.c_str(), period.end.c_str());
            throw InvalidInput("claims: " + c.flow, buf);
        }
        double left = c.tonnes;  // oldest credits first
        while (left > 0 && !credits.empty()) {
            const double take = std::min(left, credits.front().tonnes);
            credits.front().tonnes -= take;
            left -= take;
            if (credits.front().tonnes <= 1e-12 * std::max(1.0, c.tonnes)) credits.pop_front();
        }
        period.claimedT += c.tonnes;
        period.outT += c.outgoingT;
    }
    while (current <= lastPeriod) close(current++);
    return account;
}

}  // namespace traza::risk
