#include "json_stream_writer.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstring>

#include <nlohmann/json.hpp>

#include "utf8.h"

namespace traza::model {
namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// Whether any of the 8 bytes in `w` is a byte nlohmann does not write
// unchanged in a string: a control character (below 0x20), the quote, the
// backslash, or a byte of a multi-byte sequence (0x80 and up; those are
// copied unchanged too, but only once the whole text is known to be UTF-8).
// The "has a byte less than n" and "has a zero byte" word tricks of Bit
// Twiddling Hacks; exact for a yes/no answer.
bool hasSpecialByte(std::uint64_t w) {
    const auto hasZero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
    const std::uint64_t below0x20 = (w - kOnes * 0x20) & ~w & kHighBits;
    return (below0x20 | hasZero(w ^ (kOnes * '"')) | hasZero(w ^ (kOnes * '\\')) | (w & kHighBits)) != 0;
}

bool isPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

bool isPlain(std::string_view text) {
    const std::size_t n = text.size();
    if (n < 8) {  // keys and levels: byte by byte
        for (char c : text)
            if (!isPlain(static_cast<unsigned char>(c))) return false;
        return true;
    }
    std::uint64_t w;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
        std::memcpy(&w, text.data() + i, 8);
        if (hasSpecialByte(w)) return false;
    }
    std::memcpy(&w, text.data() + n - 8, 8);  // the last 8 bytes, overlapping what was seen
    return !hasSpecialByte(w);
}

}  // namespace

JsonStreamWriter::JsonStreamWriter(JsonSink sink, InvalidUtf8 invalid)
    : m_sink(std::move(sink)), m_invalid(invalid), m_buffer(new char[kBufferBytes]) {}

void JsonStreamWriter::flushBuffer() {
    if (m_used == 0) return;
    m_sink(std::string_view(m_buffer.get(), m_used));
    m_used = 0;
}

// What does not fit: the buffer goes first, then the bytes, through the
// buffer when they are few, straight to the sink when they are many.
void JsonStreamWriter::putLarge(std::string_view bytes) {
    flushBuffer();
    if (bytes.size() >= kBufferBytes) return m_sink(bytes);
    std::memcpy(m_buffer.get(), bytes.data(), bytes.size());
    m_used = bytes.size();
}

void JsonStreamWriter::finish() { flushBuffer(); }

void JsonStreamWriter::raw(std::string_view bytes) { put(bytes); }

namespace {
// dump(2): a newline and two spaces a level.
constexpr std::string_view kIndent = "\n                                                              ";
constexpr std::size_t kMaxIndentDepth = (kIndent.size() - 1) / 2;
}  // namespace

void JsonStreamWriter::newlineAndIndent(std::size_t depth) {
    if (depth <= kMaxIndentDepth) return put(kIndent.substr(0, 2 * depth + 1));
    put('\n');  // deeper than the spaces above (never, in Traza's documents): a piece at a time
    for (std::size_t spaces = 2 * depth; spaces > 0;) {
        const std::size_t more = std::min(spaces, kIndent.size() - 1);
        put(kIndent.substr(1, more));
        spaces -= more;
    }
}

// Before a value: the separator and indentation nlohmann's pretty printer puts
// before an array element. An object member got them from key().
void JsonStreamWriter::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_counts.empty()) return;  // the document's top value
    if (m_counts.back()++ > 0) put(',');
    newlineAndIndent(m_counts.size());
}

void JsonStreamWriter::key(std::string_view name) {
    assert(!m_counts.empty() && !m_afterKey);
    m_afterKey = true;
    const bool first = m_counts.back()++ == 0;
    const std::size_t depth = m_counts.size();
    // The usual key (short, plain, not too deep, room in the buffer) is
    // written in one go: ",\n" and the indentation, then "name": .
    const std::size_t indent = 2 * depth + 1;
    if (depth <= kMaxIndentDepth && name.size() <= 64 && kBufferBytes - m_used >= indent + name.size() + 5 &&
        isPlain(name)) {
        char* out = m_buffer.get() + m_used;
        if (!first) *out++ = ',';
        std::memcpy(out, kIndent.data(), indent);
        out += indent;
        *out++ = '"';
        std::memcpy(out, name.data(), name.size());
        out += name.size();
        *out++ = '"';
        *out++ = ':';
        *out++ = ' ';
        m_used = static_cast<std::size_t>(out - m_buffer.get());
        return;
    }
    if (!first) put(',');
    newlineAndIndent(depth);
    quoted(name);
    put(": ");
}

void JsonStreamWriter::open(char bracket) {
    beforeValue();
    put(bracket);
    m_counts.push_back(0);
}

// An empty container is "{}" / "[]"; otherwise its closing bracket goes on
// its own line at the container's indentation.
void JsonStreamWriter::close(char bracket) {
    assert(!m_counts.empty() && !m_afterKey);
    const bool empty = m_counts.back() == 0;
    m_counts.pop_back();
    if (!empty) newlineAndIndent(m_counts.size());
    put(bracket);
}

void JsonStreamWriter::beginObject() { open('{'); }
void JsonStreamWriter::endObject() { close('}'); }
void JsonStreamWriter::beginArray() { open('['); }
void JsonStreamWriter::endArray() { close(']'); }

void JsonStreamWriter::string(std::string_view text) {
    beforeValue();
    quoted(text);
}

void JsonStreamWriter::quoted(std::string_view text) {
    if (isPlain(text)) {  // most texts: ids, levels, English sentences
        put('"');
        put(text);
        put('"');
        return;
    }
    // Ill-formed UTF-8 is left to nlohmann itself, so its error (strict) or
    // its replacement characters (replace) stay exactly its own.
    if (firstInvalidUtf8(text)) return escapedSlowly(text);
    // Well-formed: nlohmann (ensure_ascii off) copies every byte but these;
    // the bytes between them are copied as runs.
    put('"');
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        put(text.substr(run, i - run));
        run = i + 1;
        switch (c) {
        case '"': put("\\\""); break;
        case '\\': put("\\\\"); break;
        case '\b': put("\\b"); break;
        case '\f': put("\\f"); break;
        case '\n': put("\\n"); break;
        case '\r': put("\\r"); break;
        case '\t': put("\\t"); break;
        default: {
            static constexpr char kHex[] = "0123456789abcdef";  // lower case, as nlohmann's "\\u%04x"
            const char escape[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
            put(std::string_view(escape, 6));
        }
        }
    }
    put(text.substr(run));
    put('"');
}

// nlohmann's own escaping of a string value (quotes included).
void JsonStreamWriter::escapedSlowly(std::string_view text) {
    const auto handler = m_invalid == InvalidUtf8::Replace ? nlohmann::json::error_handler_t::replace
                                                           : nlohmann::json::error_handler_t::strict;
    put(nlohmann::json(std::string(text)).dump(-1, ' ', false, handler));
}

void JsonStreamWriter::number(double value) {
    beforeValue();
    if (!std::isfinite(value)) return put("null");  // as nlohmann's dump()
    // A whole number below 1e15 (most tonnages and every zero) is written by
    // nlohmann as its digits and ".0" (format_buffer: the decimal point falls
    // at most 15 digits in); std::to_chars of the integer gives those digits.
    if (std::fabs(value) < 1e15 && value == std::trunc(value)) {
        char buf[24];
        char* p = buf;
        if (std::signbit(value)) *p++ = '-';  // -0.0 too
        p = std::to_chars(p, buf + sizeof buf, static_cast<std::int64_t>(std::fabs(value))).ptr;
        *p++ = '.';
        *p++ = '0';
        return put(std::string_view(buf, static_cast<std::size_t>(p - buf)));
    }
    // nlohmann's dump() formats doubles with this function (Grisu2, with its
    // own choice of fixed or exponent form and "1.0" for whole numbers);
    // calling it, rather than std::to_chars, keeps every digit identical.
    char buf[64];
    char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, value);
    put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void JsonStreamWriter::integer(std::int64_t value) {
    beforeValue();
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    (void)ec;  // 24 bytes hold any int64
    put(std::string_view(buf, static_cast<std::size_t>(end - buf)));
}

void JsonStreamWriter::boolean(bool value) {
    beforeValue();
    put(value ? "true" : "false");
}

void JsonStreamWriter::null() {
    beforeValue();
    put("null");
}

}  // namespace traza::model
