#include "uncertainty_entry.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace traza::gui {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Strip the decorations people type around a figure: "±", "+/-", "+-", a unit "t".
std::string bare(std::string_view s) {
    std::string out(s);
    for (const char* mark : {"\xC2\xB1", "+/-", "+-"})  // "±" in UTF-8
        if (out.rfind(mark, 0) == 0) out.erase(0, std::string_view(mark).size());
    while (!out.empty() && isSpace(out.back())) out.pop_back();
    if (!out.empty() && (out.back() == 't' || out.back() == 'T')) out.pop_back();
    std::size_t b = 0;
    while (b < out.size() && isSpace(out[b])) ++b;
    std::size_t e = out.size();
    while (e > b && isSpace(out[e - 1])) --e;
    return out.substr(b, e - b);
}

}  // namespace

UncertaintyEntry parseUncertainty(std::string_view typed, double figureT) {
    UncertaintyEntry r;
    std::string s(typed);
    std::size_t b = 0;
    while (b < s.size() && isSpace(s[b])) ++b;
    s.erase(0, b);
    while (!s.empty() && isSpace(s.back())) s.pop_back();
    if (s.empty()) return r;  // exact
    if (s.back() == '%') {
        r.percent = true;
        s.pop_back();
    }
    s = bare(s);
    if (s.find('.') == std::string::npos)
        for (char& c : s)
            if (c == ',') c = '.';
    // Plain decimals only (no exponent, hex, "inf"): this is typed by hand.
    if (s.empty() || s.find_first_not_of("0123456789.-+") != std::string::npos) {
        r.problem = UncertaintyProblem::NotANumber;
        return r;
    }
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (end != s.c_str() + s.size() || !std::isfinite(v)) {
        r.problem = UncertaintyProblem::NotANumber;
        return r;
    }
    if (v < 0) {
        r.problem = UncertaintyProblem::Negative;
        return r;
    }
    if (!r.percent) {
        r.sdT = v;
        return r;
    }
    if (figureT == 0 && v != 0) {
        r.problem = UncertaintyProblem::PercentOfZero;
        return r;
    }
    r.sdT = std::fabs(figureT) * v / 100;
    return r;
}

double uncertaintyPercent(double sdT, double figureT) {
    if (figureT == 0 || !std::isfinite(figureT)) return std::numeric_limits<double>::quiet_NaN();
    return sdT / std::fabs(figureT) * 100;
}

}  // namespace traza::gui
