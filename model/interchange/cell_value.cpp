#include "cell_value.h"

#include <charconv>
#include <cmath>

#include "error.h"
#include "spreadsheet/locale_number.h"
#include "validation.h"
#include "word_match.h"

namespace traza::model {
namespace {

std::string kindWord(SheetCell::Kind k) {
    switch (k) {
        case SheetCell::Kind::Boolean: return "a yes/no value";
        case SheetCell::Kind::Date: return "a date";
        case SheetCell::Kind::Number: return "a number";
        default: return "text";
    }
}

std::vector<std::string_view> closedValues(Vocabulary v) {
    switch (v) {
        case Vocabulary::ActorKind: return actorKindNames();
        case Vocabulary::Formality: return formalityNames();
        case Vocabulary::Evidence: return evidenceNames();
        case Vocabulary::Payment: return paymentNames();
        default: return {};
    }
}

std::string trimmed(const std::string& s) {
    const std::size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

std::string numberAsText(double v) {
    char buf[32];
    if (std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(v));
        return std::string(buf, end);
    }
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, end);
}

// 14/03/2025 or 14-03-2025: read only when the day cannot be taken for the month.
static std::string dayMonthYear(const std::string& s, std::string& why) {
    int a = 0, b = 0, y = 0;
    char s1 = 0, s2 = 0;
    if (std::sscanf(s.c_str(), "%d%c%d%c%d", &a, &s1, &b, &s2, &y) != 5 || s1 != s2 || (s1 != '/' && s1 != '-' && s1 != '.') || y < 1000)
        return {};
    if (a <= 12 && b <= 12 && a != b) {
        why = "is ambiguous: day and month could be either way round; write the date as YYYY-MM-DD";
        return {};
    }
    const int day = a > 12 ? a : (b > 12 ? b : a);
    const int month = a > 12 ? b : (b > 12 ? a : b);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, month, day);
    return buf;
}


std::string typedDate(const std::string& text, std::string& why) {
    const std::string t = trimmed(text);
    if (isCalendarDate(t)) return t;
    const std::string dmy = dayMonthYear(t, why);
    if (!dmy.empty() && isCalendarDate(dmy)) return dmy;
    if (why.empty()) why = "is not a date that exists; write it as YYYY-MM-DD";
    return {};
}

std::string serialToIsoDate(double serial) {
    if (!(serial >= 1 && serial < 2958466)) return {};
    const long s = static_cast<long>(std::floor(serial));
    // Excel's 1900 system counts a 29 February 1900 that never was (serial 60).
    if (s == 60) return {};
    // Days since 1970-01-01: serial 1 is 1900-01-01; from 61 on, one less for the phantom day.
    long z = (s < 60 ? -25568 : -25569) + s;
    // Civil date from a day count (H. Hinnant's civil_from_days).
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long day = doy - (153 * mp + 2) / 5 + 1;
    const long month = mp < 10 ? mp + 3 : mp - 9;
    const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", year, month, day);
    return buf;
}

FieldValue readCell(const SheetTable& table, const SheetCell& cell, const std::string& header, const CellReading& how,
                    const ValueIndex& words) {
    auto fail = [&](const std::string& reason) -> void { throw InvalidInput(table.location(cell), header + ": " + reason); };
    // The text of the cell as the user sees it; a number is spelled out only when read as text or named in a message.
    std::string numberText;
    if (cell.kind == SheetCell::Kind::Number && how.type != FieldType::Number && how.type != FieldType::Integer && how.type != FieldType::Date)
        numberText = numberAsText(cell.number);
    const std::string& shownText = cell.kind == SheetCell::Kind::Number ? numberText : cell.text;
    auto shown = [&]() -> std::string { return cell.kind == SheetCell::Kind::Number ? numberAsText(cell.number) : cell.text; };
    switch (how.type) {
        case FieldType::Text:
            if (cell.kind == SheetCell::Kind::Number) return numberText;
            return cell.kind == SheetCell::Kind::Text && table.sheet.empty() ? cell.text : trimmed(cell.text);
        case FieldType::Number:
        case FieldType::Integer: {
            double v = 0;
            if (cell.kind == SheetCell::Kind::Number) {
                v = cell.number;
            } else if (cell.kind == SheetCell::Kind::Text) {
                std::string why;
                auto parsed = parseLocaleNumber(cell.text, how.decimalMark, &why);
                if (!parsed) fail(why.empty() ? "\"" + cell.text + "\" is not a number" : why);
                v = *parsed;
            } else {
                fail("expected a number, found " + kindWord(cell.kind) + " (\"" + cell.text + "\")");
            }
            v *= how.factor;
            if (!std::isfinite(v)) fail("number out of range (\"" + shown() + "\")");
            if (how.type == FieldType::Number) return v;
            if (v != std::trunc(v) || std::fabs(v) > 2147483647.0) fail("\"" + shown() + "\" is not a whole number");
            return static_cast<int>(v);
        }
        case FieldType::Boolean: {
            if (cell.kind == SheetCell::Kind::Boolean) return cell.number != 0;
            if (cell.kind == SheetCell::Kind::Number && (cell.number == 0 || cell.number == 1)) return cell.number != 0;
            if (auto b = words.boolean(cell.text); b && cell.kind == SheetCell::Kind::Text) return *b;
            fail("\"" + shown() + "\" is not a yes/no value (yes, no, sí, true, false, 1, 0)");
            break;
        }
        case FieldType::Enumeration: {
            if (const std::string* v = words.value(how.vocabulary, shownText)) return *v;
            // Catalogue ids (typology) go on as written: validation names the closest known id.
            if (how.vocabulary == Vocabulary::Typology) return trimmed(shownText);
            fail("unknown value \"" + shownText + "\"; " + allowedValues(closedValues(how.vocabulary)) + ", or their English or Spanish names");
            break;
        }
        case FieldType::List: {
            std::vector<std::string> items;
            std::string item;
            auto flush = [&] {
                const std::string t = trimmed(item);
                item.clear();
                if (t.empty()) return;
                // An item that is no known id or name goes on as written: validation names it.
                const std::string* id = words.value(how.vocabulary, t);
                items.push_back(id ? *id : t);
            };
            for (char c : shownText) {
                if (c == ';' || c == ',' || c == '\n') flush();
                else item += c;
            }
            flush();
            return items;
        }
        case FieldType::Date: {
            if (cell.kind == SheetCell::Kind::Date) return cell.text;
            if (cell.kind == SheetCell::Kind::Number) {
                const std::string d = serialToIsoDate(cell.number);
                if (d.empty() || cell.number != std::trunc(cell.number)) fail(shown() + " is not a date");
                return d;
            }
            std::string why;
            if (std::string d = typedDate(cell.text, why); !d.empty()) return d;
            fail("\"" + trimmed(cell.text) + "\" " + why);
            break;
        }
    }
    fail("unreadable value");
    return {};
}

}  // namespace traza::model
