#include "goals_editor_fields.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "error.h"
#include "trimmed.h"

namespace traza::gui {
namespace {

// strtod under the C numeric locale (the application sets LC_NUMERIC "C"),
// after a decimal comma became a point; the whole text must be the number.
bool readDouble(std::string text, double& out) {
    text = trimmed(text);
    for (char& c : text)
        if (c == ',') c = '.';
    if (text.empty()) return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(out);
}

}  // namespace

std::string fieldName(GoalColumn c) {
    switch (c) {
    case GoalColumn::Actor: return "actor";
    case GoalColumn::Buyer: return "buyer";
    case GoalColumn::Thresholds: return "thresholds_t";
    case GoalColumn::Notes: return "notes";
    case GoalColumn::Delivered: return "delivered_t";
    case GoalColumn::Compliance: return "compliance";
    case GoalColumn::Reached: return "thresholds_reached";
    case GoalColumn::Count: break;
    }
    return {};
}

std::string fieldName(SupportColumn c) {
    switch (c) {
    case SupportColumn::Actor: return "actor";
    case SupportColumn::Type: return "type";
    case SupportColumn::Threshold: return "threshold";
    case SupportColumn::Region: return "region";
    case SupportColumn::Count: return "count";
    case SupportColumn::Beneficiaries: return "beneficiaries";
    case SupportColumn::Cost: return "cost";
    case SupportColumn::Notes: return "notes";
    case SupportColumn::Columns: break;
    }
    return {};
}

bool isComputed(GoalColumn c) {
    return c == GoalColumn::Delivered || c == GoalColumn::Compliance || c == GoalColumn::Reached;
}

std::vector<double> parseThresholds(const std::string& text) {
    std::vector<double> out;
    std::string part;
    auto flush = [&] {
        if (trimmed(part).empty()) return;
        double v = 0;
        if (!readDouble(part, v))
            throw InvalidInput("thresholds_t", "\"" + trimmed(part) + "\" is not a number (separate thresholds with ;)");
        out.push_back(v);
        part.clear();
    };
    for (char c : text) {
        if (c == ';' || c == ' ' || c == '\t') flush();
        else part += c;
    }
    flush();
    return out;
}

std::string formatNumber(double v) {
    // The shortest text that reads back exactly, in plain notation when one
    // exists ("10", not "1e+01"); exponents only for numbers that need them.
    char buf[64];
    std::string withExponent;
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, v);
        if (std::strtod(buf, nullptr) != v) continue;
        if (!std::strchr(buf, 'e')) return buf;
        if (withExponent.empty()) withExponent = buf;
    }
    if (!withExponent.empty()) return withExponent;
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

std::string formatThresholds(const std::vector<double>& ts) {
    std::string out;
    for (double t : ts) out += (out.empty() ? "" : "; ") + formatNumber(t);
    return out;
}

int parseWholeNumber(const std::string& text, const std::string& field) {
    const std::string t = trimmed(text);
    if (t.empty()) return 0;
    char* end = nullptr;
    const long v = std::strtol(t.c_str(), &end, 10);
    if (end != t.c_str() + t.size() || v > 1'000'000'000L || v < -1'000'000'000L)
        throw InvalidInput(field, "must be a whole number (got \"" + t + "\")");
    return static_cast<int>(v);
}

double parseNumber(const std::string& text, const std::string& field) {
    if (trimmed(text).empty()) return 0;
    double v = 0;
    if (!readDouble(text, v)) throw InvalidInput(field, "must be a number (got \"" + trimmed(text) + "\")");
    return v;
}

std::vector<model::Goal> withGoalCell(std::vector<model::Goal> goals, std::size_t row, GoalColumn c, const std::string& text) {
    if (row >= goals.size()) throw InvalidInput(fieldName(c), "no such row");
    model::Goal& g = goals[row];
    switch (c) {
    case GoalColumn::Actor: g.actor = text; break;
    case GoalColumn::Buyer: g.buyer = text; break;
    case GoalColumn::Thresholds: g.thresholdsT = parseThresholds(text); break;
    case GoalColumn::Notes: g.notes = text; break;
    default: throw InvalidInput(fieldName(c), "is computed from the flows and cannot be typed");
    }
    return goals;
}

std::vector<model::Support> withSupportCell(std::vector<model::Support> supports, std::size_t row, SupportColumn c,
                                            const std::string& text) {
    if (row >= supports.size()) throw InvalidInput(fieldName(c), "no such row");
    model::Support& s = supports[row];
    switch (c) {
    case SupportColumn::Actor: s.actor = text; break;
    case SupportColumn::Type: s.type = trimmed(text); break;
    case SupportColumn::Threshold: s.threshold = parseWholeNumber(text, "threshold"); break;
    case SupportColumn::Region: s.region = text; break;
    case SupportColumn::Count: s.count = parseWholeNumber(text, "count"); break;
    case SupportColumn::Beneficiaries: s.beneficiaries = parseWholeNumber(text, "beneficiaries"); break;
    case SupportColumn::Cost: s.cost = parseNumber(text, "cost"); break;
    case SupportColumn::Notes: s.notes = text; break;
    case SupportColumn::Columns: throw InvalidInput("", "no such column");
    }
    return supports;
}

std::string computedCell(const model::GoalProgress& r, GoalColumn c) {
    switch (c) {
    case GoalColumn::Delivered: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", r.deliveredT);
        return buf;
    }
    case GoalColumn::Compliance: return std::to_string(static_cast<long long>(std::llround(r.compliance * 100))) + "%";
    case GoalColumn::Reached:
        return std::to_string(r.thresholdsReached) + " / " + std::to_string(r.goal ? r.goal->thresholdsT.size() : 0);
    default: return {};
    }
}

}  // namespace traza::gui
