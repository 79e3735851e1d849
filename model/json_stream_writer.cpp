#include "json_stream_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>

#include <nlohmann/json.hpp>

namespace traza::model {
namespace {

// Bytes nlohmann writes unchanged inside a string: printable ASCII except the
// quote and the backslash. Anything else (control characters, non-ASCII,
// ill-formed UTF-8) goes through nlohmann itself, so escapes and the handling
// of invalid UTF-8 stay nlohmann's own.
bool isPlain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

}  // namespace

JsonStreamWriter::JsonStreamWriter(JsonSink sink, InvalidUtf8 invalid) : m_sink(std::move(sink)), m_invalid(invalid) {
    m_buffer.reserve(kFlushBytes + 4096);
}

void JsonStreamWriter::flushBuffer() {
    if (m_buffer.empty()) return;
    m_sink(m_buffer);
    m_buffer.clear();
}

void JsonStreamWriter::finish() { flushBuffer(); }

void JsonStreamWriter::raw(std::string_view bytes) { put(bytes); }

void JsonStreamWriter::newlineAndIndent(std::size_t depth) {
    put('\n');
    m_buffer.append(2 * depth, ' ');  // dump(2): two spaces a level
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
    if (m_counts.back()++ > 0) put(',');
    newlineAndIndent(m_counts.size());
    quoted(name);
    put(": ");
    m_afterKey = true;
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
    for (char c : text)
        if (!isPlain(static_cast<unsigned char>(c))) return escapedSlowly(text);
    put('"');
    put(text);
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
