#include "number_text.h"

#include <cstdio>

namespace traza::cli {
namespace {
std::string withDecimalComma(std::string s) {
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}
}  // namespace

std::string fixed(double x, int decimals, bool es) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return es ? withDecimalComma(buf) : std::string(buf);
}

std::string percent(double share, bool es) { return fixed(share * 100, 1, es) + (es ? " %" : "%"); }

}  // namespace traza::cli
