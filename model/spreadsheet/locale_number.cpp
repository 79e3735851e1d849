#include "locale_number.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace traza::model {
namespace {

enum class Failure { None, NotNumber, Separators, OutOfRange };

// One text read under one decimal mark.
struct Reading {
    Failure failure = Failure::None;
    std::string normalized;  ///< "-1234.5e3": what std::from_chars reads
    double value = 0;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Bytes of a space that may separate thousands at s[i]: ' ', U+00A0, U+202F; 0 if none.
std::size_t spaceLength(std::string_view s, std::size_t i) {
    if (s[i] == ' ') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;
    if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
    return 0;
}

std::string_view trimmed(std::string_view s) {
    for (bool again = true; again && !s.empty();) {
        again = true;
        if (s.front() == '\t') s.remove_prefix(1);
        else if (std::size_t n = spaceLength(s, 0)) s.remove_prefix(n);
        else if (s.back() == '\t' || s.back() == ' ') s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xAF") s.remove_suffix(3);
        else again = false;
    }
    return s;
}

// Only characters that can occur in a number (see the forms in the header).
bool numberCharactersOnly(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (isDigit(c) || c == '.' || c == ',' || c == '+' || c == '-' || c == 'e' || c == 'E') continue;
        const std::size_t n = spaceLength(s, i);
        if (n == 0) return false;
        i += n - 1;
    }
    return true;
}

// `s`: trimmed, non-empty, numberCharactersOnly. `decimal`: '.' or ','.
Reading readAs(std::string_view s, char decimal) {
    const char otherMark = decimal == '.' ? ',' : '.';
    Reading r;
    std::size_t i = 0;
    if (s[0] == '-') r.normalized = "-";
    if (s[0] == '-' || s[0] == '+') ++i;
    std::string group, fraction, separator;  // digits since the last thousands separator; the separator used
    std::size_t separators = 0;
    bool decimalSeen = false;
    auto fail = [&](Failure f) {
        r.failure = f;
        return r;
    };
    auto closeGroup = [&] {  // the last group of a grouped number has three digits
        if (separators > 0 && group.size() != 3) return false;
        r.normalized += group.empty() ? "0" : group;
        return true;
    };
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        const char c = s[i];
        if (isDigit(c)) {
            (decimalSeen ? fraction : group) += c;
        } else if (c == decimal) {
            if (decimalSeen || !closeGroup()) return fail(Failure::Separators);
            decimalSeen = true;
        } else {
            const std::size_t n = c == otherMark ? 1 : spaceLength(s, i);
            if (n == 0) return fail(Failure::NotNumber);  // a sign inside the number
            if (decimalSeen) return fail(Failure::Separators);
            if (!separator.empty() && s.substr(i, n) != separator) return fail(Failure::Separators);
            const bool fits = separators == 0 ? !group.empty() && group.size() <= 3 && group[0] != '0' : group.size() == 3;
            if (!fits) return fail(Failure::Separators);
            separator = s.substr(i, n);
            r.normalized += group;
            group.clear();
            ++separators;
            i += n - 1;
        }
    }
    const bool digits = separators > 0 || !group.empty() || !fraction.empty();
    if (!decimalSeen && !closeGroup()) return fail(Failure::Separators);
    if (!digits) return fail(Failure::NotNumber);
    if (!fraction.empty()) r.normalized += "." + fraction;
    if (i < s.size()) {  // exponent: [sign] digits, and nothing after
        if (separators > 0) return fail(Failure::Separators);
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j == s.size()) return fail(Failure::NotNumber);
        for (std::size_t k = j; k < s.size(); ++k)
            if (!isDigit(s[k])) return fail(Failure::NotNumber);
        r.normalized += "e" + std::string(s.substr(i + 1));
    }
    const char* end = r.normalized.data() + r.normalized.size();
    const auto [stop, ec] = std::from_chars(r.normalized.data(), end, r.value);
    if (ec == std::errc::result_out_of_range || (ec == std::errc() && !std::isfinite(r.value))) return fail(Failure::OutOfRange);
    if (ec != std::errc() || stop != end) return fail(Failure::NotNumber);
    return r;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string failureReason(std::string_view text, Failure f) {
    switch (f) {
    case Failure::OutOfRange: return "number out of range (" + quoted(text) + ")";
    case Failure::Separators:
        return "not a number (" + quoted(text) +
               "): its separators are neither one decimal mark nor thousands separators between groups of three digits";
    default: return "not a number (" + quoted(text) + ")";
    }
}

// "1.234" read as 1234 (`whole`) or as a number between 1 and 2.
std::string ambiguityReason(std::string_view text, const std::string& whole, char mark) {
    const bool negative = whole[0] == '-';
    const std::string digits = whole.substr(negative ? 1 : 0);
    const long long low = std::stoll(digits.substr(0, digits.size() - 3));  // the 1-3 digits before the mark
    const std::string a = std::to_string(negative ? -low - 1 : low), b = std::to_string(negative ? -low : low + 1);
    return quoted(text) + " could be " + whole + " or a number between " + a + " and " + b +
           ": the file does not show whether '" + mark + "' is a decimal " + (mark == '.' ? "point" : "comma") +
           " or a thousands separator";
}

}  // namespace

std::optional<double> parseLocaleNumber(std::string_view text, DecimalMark mark, std::string* whyNot) {
    auto refuse = [&](std::string reason) -> std::optional<double> {
        if (whyNot) *whyNot = std::move(reason);
        return std::nullopt;
    };
    const std::string_view s = trimmed(text);
    if (s.empty()) return refuse("no number (the cell is empty)");
    const bool hasDigit = s.find_first_of("0123456789") != std::string_view::npos;
    if (!hasDigit) return refuse(failureReason(s, Failure::NotNumber));
    if (!numberCharactersOnly(s)) {
        return refuse("not a number (" + quoted(s) + ")" + (hasDigit ? "; write the number alone, without units or other text" : ""));
    }
    const Reading point = readAs(s, '.'), comma = readAs(s, ',');
    const bool pointOk = point.failure == Failure::None, commaOk = comma.failure == Failure::None;
    if (mark != DecimalMark::Unknown) {
        const bool isPoint = mark == DecimalMark::Point;
        const Reading& mine = isPoint ? point : comma;
        const Reading& other = isPoint ? comma : point;
        if (mine.failure == Failure::None) return mine.value;
        if (other.failure == Failure::None) {
            std::string rewritten = other.normalized;
            if (!isPoint) std::replace(rewritten.begin(), rewritten.end(), '.', ',');
            return refuse(quoted(s) + " does not fit this file, which writes decimals with a " + (isPoint ? "point" : "comma") +
                          ": write " + rewritten);
        }
        return refuse(failureReason(s, mine.failure));
    }
    if (pointOk && commaOk && point.normalized != comma.normalized) {
        const bool dot = s.find('.') != std::string_view::npos;
        return refuse(ambiguityReason(s, dot ? comma.normalized : point.normalized, dot ? '.' : ','));
    }
    if (pointOk) return point.value;
    if (commaOk) return comma.value;
    for (Failure f : {Failure::OutOfRange, Failure::Separators})
        if (point.failure == f || comma.failure == f) return refuse(failureReason(s, f));
    return refuse(failureReason(s, Failure::NotNumber));
}

DecimalMark decimalMarkShownBy(std::string_view text) {
    const std::string_view s = trimmed(text);
    if (s.find_first_of(".,") == std::string_view::npos || !numberCharactersOnly(s)) return DecimalMark::Unknown;
    const bool pointOk = readAs(s, '.').failure == Failure::None, commaOk = readAs(s, ',').failure == Failure::None;
    if (pointOk == commaOk) return DecimalMark::Unknown;
    return pointOk ? DecimalMark::Point : DecimalMark::Comma;
}

void DecimalMarkEvidence::add(std::string_view text) {
    switch (decimalMarkShownBy(text)) {
    case DecimalMark::Point: m_point = true; break;
    case DecimalMark::Comma: m_comma = true; break;
    case DecimalMark::Unknown: break;
    }
}

DecimalMark DecimalMarkEvidence::verdict() const {
    if (m_point == m_comma) return DecimalMark::Unknown;
    return m_point ? DecimalMark::Point : DecimalMark::Comma;
}

std::string DecimalMarkEvidence::note() const {
    if (conflicting())
        return "numbers are written with both decimal marks: each is read by its own form, and one that reads two ways "
               "(\"1.234\") is refused";
    if (m_point) return "decimal mark: point";
    if (m_comma) return "decimal mark: comma";
    return {};
}

DecimalMark detectDecimalMark(const SheetTable& table) {
    DecimalMarkEvidence evidence;
    for (const auto& row : table.rows)
        for (const SheetCell& cell : row)
            if (cell.kind == SheetCell::Kind::Text) evidence.add(cell.text);
    return evidence.verdict();
}

}  // namespace traza::model
