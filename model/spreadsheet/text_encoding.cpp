#include "text_encoding.h"

#include <cstdint>
#include <cstdio>

#include "utf8.h"

namespace traza::model {
namespace {

constexpr char32_t kReplacement = 0xFFFD;


std::string hexByte(unsigned char b) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "0x%02X", b);
    return buffer;
}

// Windows-1252 0x80-0x9F (Unicode's cp1252 mapping table); 0 marks the five undefined bytes.
constexpr char16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// `mixedAt`: input offset of the first ill-formed UTF-8 byte when the text also holds
// well-formed multi-byte UTF-8; the fault is reported there instead of at an undefined byte.
void decodeWindows1252(std::string_view bytes, std::optional<std::size_t> mixedAt, DecodedText& out) {
    out.encoding = TextEncoding::Windows1252;
    out.note = "read as Windows-1252 and converted to UTF-8";
    out.utf8.reserve(bytes.size() + bytes.size() / 8);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (mixedAt && *mixedAt == i && !out.fault)
            out.fault = TextFault{out.utf8.size(), "byte " + hexByte(b) + " is not UTF-8, yet the rest of the file is UTF-8: "
                                                   "the file mixes two encodings; save it again as \"CSV UTF-8\""};
        char32_t c = b;
        if (b >= 0x80 && b < 0xA0) c = kCp1252High[b - 0x80];
        if (c == 0 && b != 0) {
            c = kReplacement;
            if (!out.fault && !mixedAt)
                out.fault = TextFault{out.utf8.size(), "byte " + hexByte(b) + " is not a character in Windows-1252, the encoding "
                                                       "this file is read in; save the file as \"CSV UTF-8\""};
        }
        appendUtf8(out.utf8, c);
    }
}

void decodeUtf16(std::string_view bytes, bool littleEndian, DecodedText& out) {
    out.encoding = littleEndian ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
    out.note = std::string("read as ") + encodingName(out.encoding) + " (\"Unicode text\") and converted to UTF-8";
    auto unit = [&](std::size_t i) -> char16_t {
        const auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<char16_t>(littleEndian ? (b << 8 | a) : (a << 8 | b));
    };
    auto fault = [&](const char* reason) {
        if (!out.fault) out.fault = TextFault{out.utf8.size(), reason};
        appendUtf8(out.utf8, kReplacement);
    };
    std::size_t i = 2;  // after the byte-order mark
    for (; i + 1 < bytes.size(); i += 2) {
        const char16_t u = unit(i);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < bytes.size() && unit(i + 2) >= 0xDC00 && unit(i + 2) < 0xE000) {
            appendUtf8(out.utf8, 0x10000 + ((char32_t(u) - 0xD800) << 10) + (unit(i + 2) - 0xDC00));
            i += 2;
        } else if (u >= 0xD800 && u < 0xE000) {
            fault("a broken UTF-16 character (an unpaired surrogate)");
        } else {
            appendUtf8(out.utf8, u);
        }
    }
    if (i < bytes.size()) fault("the UTF-16 text ends in half a character (an odd number of bytes)");
}

// True if the text holds at least one well-formed UTF-8 sequence of two or more bytes.
bool holdsMultiByteUtf8(std::string_view bytes) {
    for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0xC2 || c > 0xF4) continue;
        const std::size_t len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + len <= bytes.size() && !firstInvalidUtf8(bytes.substr(i, len))) return true;
    }
    return false;
}

}  // namespace

const char* encodingName(TextEncoding encoding) {
    switch (encoding) {
    case TextEncoding::Utf8: return "UTF-8";
    case TextEncoding::Utf8WithBom: return "UTF-8 with a byte-order mark";
    case TextEncoding::Utf16Le: return "UTF-16 LE";
    case TextEncoding::Utf16Be: return "UTF-16 BE";
    case TextEncoding::Windows1252: return "Windows-1252";
    }
    return "?";
}

DecodedText decodeText(std::string_view bytes) {
    DecodedText out;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        out.encoding = TextEncoding::Utf8WithBom;
        bytes.remove_prefix(3);
        // Ill-formed bytes after a UTF-8 mark: the file says UTF-8, so they are faults, not Windows-1252.
        if (auto bad = firstInvalidUtf8(bytes)) {
            out.utf8 = std::string(bytes.substr(0, *bad));
            out.fault = TextFault{*bad, "byte " + hexByte(static_cast<unsigned char>(bytes[*bad])) +
                                            " is not UTF-8, yet the file starts with a UTF-8 byte-order mark; save it again as \"CSV UTF-8\""};
            appendUtf8(out.utf8, kReplacement);
            return out;  // the reader stops at the fault; the rest is not needed
        }
        out.utf8 = std::string(bytes);
        return out;
    }
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        decodeUtf16(bytes, bytes[0] == '\xFF', out);
        return out;
    }
    const auto bad = firstInvalidUtf8(bytes);
    if (!bad) {
        out.utf8 = std::string(bytes);
        return out;
    }
    decodeWindows1252(bytes, holdsMultiByteUtf8(bytes) ? bad : std::nullopt, out);
    return out;
}

}  // namespace traza::model
