#include "plain_xml_scanner.h"

#include <algorithm>
#include <cstdint>

#include "utf8.h"
#include "xml_sax.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

// A text run or a tag may wait for the next piece; one longer than this is
// left to expat (a cell holds at most 1 MiB of text, escapes can make it 6).
constexpr std::size_t kMaxPending = std::size_t(8) << 20;
constexpr std::size_t kMaxDepth = 256;

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool nameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':'; }
bool nameChar(char c) { return nameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

// XML 1.0 Char: what a character reference may stand for.
bool isXmlChar(std::uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x + 32 : x) == (y >= 'A' && y <= 'Z' ? y + 32 : y);
           });
}

}  // namespace

PlainXmlScanner::PlainXmlScanner(XmlHandler& handler, std::string fileName, std::string part)
    : m_handler(handler), m_fileName(std::move(fileName)), m_part(std::move(part)) {}

void PlainXmlScanner::refuse(const std::string& why) const {
    throw PlainXmlRefusal(m_fileName + ": " + m_part, "not plain XML: " + why);
}

bool PlainXmlScanner::isName(std::string_view s) {
    if (s.empty() || !nameStart(s[0])) return false;
    return std::all_of(s.begin() + 1, s.end(), nameChar);
}

void PlainXmlScanner::feed(std::string_view chunk) {
    m_buffer.append(chunk);
    m_buffer.erase(0, scan(false));
    if (m_buffer.size() > kMaxPending) refuse("a tag or text run longer than the scanner keeps");
}

void PlainXmlScanner::finish() {
    const std::size_t used = scan(true);
    if (used != m_buffer.size() || !m_open.empty() || !m_rootSeen) refuse("the document ends inside an element or has none");
}

std::size_t PlainXmlScanner::scan(bool last) {
    const std::string& b = m_buffer;
    std::size_t i = 0;
    if (!m_started) {
        if (b.size() < 64 && !last) return 0;
        if (b.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
        if (b.compare(i, 5, "<?xml") == 0 && i + 5 < b.size() && isSpace(b[i + 5])) {
            const std::size_t end = b.find("?>", i);
            if (end == std::string::npos) {
                if (!last && b.size() < 4096) return 0;
                refuse("an unfinished XML declaration");
            }
            declaration(std::string_view(b).substr(i + 5, end - i - 5));
            i = end + 2;
        }
        m_started = true;
    }
    while (i < b.size()) {
        if (b[i] == '<') {
            const std::size_t end = tag(i);
            if (end == std::string::npos) break;
            i = end;
            continue;
        }
        const std::size_t lt = b.find('<', i);
        if (lt == std::string::npos) {
            if (!last) break;
            text(std::string_view(b).substr(i));
            return b.size();
        }
        text(std::string_view(b).substr(i, lt - i));
        i = lt;
    }
    return i;
}

void PlainXmlScanner::declaration(std::string_view d) {
    // version="1.0" [encoding="UTF-8"] [standalone="yes"|"no"], in that order.
    static const char* const kNames[] = {"version", "encoding", "standalone"};
    std::size_t next = 0, i = 0;
    while (true) {
        while (i < d.size() && isSpace(d[i])) ++i;
        if (i == d.size()) break;
        std::size_t n = i;
        while (n < d.size() && nameChar(d[n])) ++n;
        const std::string_view name = d.substr(i, n - i);
        while (n < d.size() && isSpace(d[n])) ++n;
        if (n >= d.size() || d[n] != '=') refuse("an XML declaration it does not read");
        ++n;
        while (n < d.size() && isSpace(d[n])) ++n;
        if (n >= d.size() || (d[n] != '"' && d[n] != '\'')) refuse("an XML declaration it does not read");
        const std::size_t close = d.find(d[n], n + 1);
        if (close == std::string_view::npos) refuse("an XML declaration it does not read");
        const std::string_view value = d.substr(n + 1, close - n - 1);
        while (next < 3 && name != kNames[next]) ++next;
        if (next == 3 || (next == 0 && value != "1.0") || (next == 1 && !equalsNoCase(value, "UTF-8")) ||
            (next == 2 && value != "yes" && value != "no"))
            refuse("an XML declaration it does not read (only version 1.0 in UTF-8)");
        ++next;
        i = close + 1;
        if (i < d.size() && !isSpace(d[i])) refuse("an XML declaration it does not read");
    }
    if (next == 0 || d.find("version") == std::string_view::npos) refuse("an XML declaration without version");
}

std::string_view PlainXmlScanner::decode(std::string_view raw, std::string& out, bool attribute) {
    if (firstInvalidUtf8(raw)) refuse("text that is not UTF-8");
    std::size_t from = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        if (c >= 0x20 && c != '&' && c != '<' && c != ']' && c != 0xEF) continue;
        if (c == '\n' || c == '\t') {
            if (attribute) refuse("a tab or line break in an attribute value");
            continue;
        }
        if (c == ']') {
            if (raw.compare(i, 3, "]]>") == 0) refuse("']]>' in text");
            continue;
        }
        if (c == 0xEF) {
            // U+FFFE and U+FFFF are UTF-8 but not XML characters.
            if (raw.compare(i, 3, "\xEF\xBF\xBE") == 0 || raw.compare(i, 3, "\xEF\xBF\xBF") == 0) refuse("a character XML does not allow");
            continue;
        }
        if (c != '&') refuse(c == '<' ? "'<' in an attribute value" : "a control character or carriage return");
        if (from == 0) out.clear();
        out.append(raw.data() + from, i - from);
        const std::size_t semi = raw.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) refuse("an entity reference it does not read");
        const std::string_view name = raw.substr(i + 1, semi - i - 1);
        if (name == "amp") out += '&';
        else if (name == "lt") out += '<';
        else if (name == "gt") out += '>';
        else if (name == "quot") out += '"';
        else if (name == "apos") out += '\'';
        else if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x';
            std::uint32_t code = 0;
            const std::string_view digits = name.substr(hex ? 2 : 1);
            if (digits.empty()) refuse("an empty character reference");
            for (char d : digits) {
                int v = d >= '0' && d <= '9' ? d - '0' : (hex && d >= 'a' && d <= 'f' ? d - 'a' + 10 : (hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1));
                if (v < 0 || code > 0x10FFFF) refuse("a character reference it does not read");
                code = code * (hex ? 16 : 10) + static_cast<std::uint32_t>(v);
            }
            if (!isXmlChar(code)) refuse("a character reference to a character XML does not allow");
            appendUtf8(out, static_cast<char32_t>(code));
        } else {
            refuse("an entity other than the five of XML");
        }
        i = semi;
        from = semi + 1;
    }
    if (from == 0) return raw;  // no reference: the text as it stands
    out.append(raw.data() + from, raw.size() - from);
    return out;
}

void PlainXmlScanner::text(std::string_view raw) {
    if (m_open.empty()) {
        // Outside the root element only white space may stand.
        if (!std::all_of(raw.begin(), raw.end(), isSpace)) refuse("text outside the root element");
        return;
    }
    const std::string_view text = decode(raw, m_text, false);
    if (!text.empty()) m_handler.characters(text);
}

std::size_t PlainXmlScanner::tag(std::size_t at) {
    const std::string& b = m_buffer;
    const std::size_t npos = std::string::npos;
    if (at + 1 >= b.size()) return npos;
    if (b[at + 1] == '/') {
        const std::size_t gt = b.find('>', at);
        if (gt == npos) return npos;
        std::size_t end = at + 2;
        while (end < gt && nameChar(b[end])) ++end;
        const std::string_view name(b.data() + at + 2, end - at - 2);
        while (end < gt && isSpace(b[end])) ++end;
        if (end != gt || m_open.empty() || name != m_open.back()) refuse("an end tag that does not close the open element");
        const std::string closing = std::move(m_open.back());
        m_open.pop_back();
        m_handler.endElement(XmlAttributes::localName(closing.c_str()));
        return gt + 1;
    }
    if (b[at + 1] == '!' || b[at + 1] == '?') refuse("a comment, CDATA section, DOCTYPE or processing instruction");
    std::size_t i = at + 1;
    while (i < b.size() && nameChar(b[i])) ++i;
    if (i == b.size()) return npos;
    const std::string_view name(b.data() + at + 1, i - at - 1);
    if (!isName(name)) refuse("an element name it does not read");
    // Attributes: name = "value", each after white space; then > or />.
    struct Span {
        std::size_t nameAt, nameLen, valueAt, valueLen;
    };
    Span spans[32];
    std::size_t count = 0;
    bool empty = false;
    for (;;) {
        const std::size_t before = i;
        while (i < b.size() && isSpace(b[i])) ++i;
        if (i == b.size()) return npos;
        if (b[i] == '>') {
            ++i;
            break;
        }
        if (b[i] == '/') {
            if (i + 1 == b.size()) return npos;
            if (b[i + 1] != '>') refuse("'/' inside a tag");
            i += 2;
            empty = true;
            break;
        }
        if (i == before) refuse("attributes not parted by white space");
        const std::size_t nameAt = i;
        while (i < b.size() && nameChar(b[i])) ++i;
        if (i == b.size()) return npos;
        if (!isName(std::string_view(b.data() + nameAt, i - nameAt))) refuse("an attribute name it does not read");
        const std::size_t nameLen = i - nameAt;
        while (i < b.size() && isSpace(b[i])) ++i;
        if (i == b.size()) return npos;
        if (b[i] != '=') refuse("an attribute without a value");
        ++i;
        while (i < b.size() && isSpace(b[i])) ++i;
        if (i == b.size()) return npos;
        if (b[i] != '"' && b[i] != '\'') refuse("an attribute value without quotes");
        const std::size_t close = b.find(b[i], i + 1);
        if (close == npos) return npos;
        if (count == 32) refuse("more attributes than the scanner keeps");
        spans[count++] = {nameAt, nameLen, i + 1, close - i - 1};
        i = close + 1;
    }
    if (m_open.empty() && m_rootSeen) refuse("a second root element");
    if (m_open.size() >= kMaxDepth) refuse("elements nested deeper than the scanner keeps");
    m_attributeBytes.clear();
    std::size_t offsets[64];
    for (std::size_t a = 0; a < count; ++a) {
        const std::string_view an(b.data() + spans[a].nameAt, spans[a].nameLen);
        for (std::size_t k = 0; k < a; ++k)
            if (an == std::string_view(b.data() + spans[k].nameAt, spans[k].nameLen)) refuse("an attribute given twice");
        offsets[2 * a] = m_attributeBytes.size();
        m_attributeBytes.append(an).push_back('\0');
        const std::string_view value = decode(std::string_view(b.data() + spans[a].valueAt, spans[a].valueLen), m_text, true);
        offsets[2 * a + 1] = m_attributeBytes.size();
        m_attributeBytes.append(value).push_back('\0');
    }
    m_attributes.clear();
    for (std::size_t k = 0; k < 2 * count; ++k) m_attributes.push_back(m_attributeBytes.data() + offsets[k]);
    m_attributes.push_back(nullptr);
    m_rootSeen = true;
    m_open.emplace_back(name);
    m_handler.startElement(XmlAttributes::localName(m_open.back().c_str()), XmlAttributes(m_attributes.data()));
    if (empty) {
        const std::string closing = std::move(m_open.back());
        m_open.pop_back();
        m_handler.endElement(XmlAttributes::localName(closing.c_str()));
    }
    return i;
}

void scanPlainXmlPart(ZipArchive& zip, const std::string& part, XmlHandler& handler) {
    PlainXmlScanner scanner(handler, zip.fileName(), part);
    zip.stream(part, [&](std::string_view chunk) { scanner.feed(chunk); });
    scanner.finish();
}

}  // namespace traza::model
