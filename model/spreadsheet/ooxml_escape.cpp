#include "ooxml_escape.h"

#include "utf8.h"

namespace traza::model {
namespace {

// The code unit of an escape "_xHHHH_" at text[i], or -1.
long escapeAt(const std::string& text, std::size_t i) {
    if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_') return -1;
    long unit = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const char c = text[k];
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}


}  // namespace

void decodeOoxmlEscapes(std::string& text) {
    if (text.find("_x") == std::string::npos) return;  // the common case: nothing to do
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const long unit = escapeAt(text, i);
        if (unit < 0) {
            out += text[i++];
            continue;
        }
        i += 7;
        unsigned long cp = static_cast<unsigned long>(unit);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            const long low = escapeAt(text, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<unsigned long>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if ((cp >= 0xDC00 && cp <= 0xDFFF) || cp == 0) {
            cp = 0xFFFD;
        }
        appendUtf8(out, static_cast<char32_t>(cp));
    }
    text = std::move(out);
}

}  // namespace traza::model
