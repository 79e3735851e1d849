#pragma once
// JsonStreamWriter: writes JSON straight to its destination, value by value,
// with exactly the bytes nlohmann-json's dump(2) gives for the same document
// (same indentation, same escaping, same numbers), without building the tree.
// A national chain's analysis is 90 MB of JSON; as an nlohmann tree it took
// 650 MB and most of the run's time to build and free (issue #15).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace traza::model {

/// Where the writer's bytes go: called with each filled buffer (tens of KB)
/// and at finish(). May throw; the exception leaves the writer.
using JsonSink = std::function<void(std::string_view)>;

class JsonStreamWriter {
public:
    /// What a string that is not UTF-8 does, as nlohmann's error_handler_t:
    /// Throw (strict: nlohmann::json::type_error 316, as dump() without a
    /// handler) or Replace (each ill-formed sequence becomes U+FFFD).
    enum class InvalidUtf8 { Throw, Replace };

    explicit JsonStreamWriter(JsonSink sink, InvalidUtf8 invalid = InvalidUtf8::Throw);
    /// Does not flush: call finish() (a destructor must not throw).
    ~JsonStreamWriter() = default;
    JsonStreamWriter(const JsonStreamWriter&) = delete;
    JsonStreamWriter& operator=(const JsonStreamWriter&) = delete;

    // Structure. Each begin must be matched by its end; inside an object every
    // value is preceded by key(). Misuse is a programming error (asserted).
    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);

    // Values.
    void string(std::string_view text);
    /// A double as nlohmann writes it: shortest text that reads back as the
    /// same double (1.0, 0.1, 1e-300, 1e+21, -0.0), null when not finite.
    void number(double value);
    void integer(std::int64_t value);
    void boolean(bool value);
    void null();

    // Shorthands for "key": value.
    void field(std::string_view name, std::string_view text) { key(name), string(text); }
    void field(std::string_view name, const char* text) { key(name), string(text); }
    void field(std::string_view name, const std::string& text) { key(name), string(text); }
    void field(std::string_view name, double value) { key(name), number(value); }
    void field(std::string_view name, int value) { key(name), integer(value); }
    void field(std::string_view name, bool value) { key(name), boolean(value); }
    void field(std::string_view name, const std::vector<std::string>& texts) {
        key(name), beginArray();
        for (const std::string& t : texts) string(t);
        endArray();
    }

    /// Writes raw bytes (a trailing newline, say) after the document.
    void raw(std::string_view bytes);
    /// Hands everything buffered to the sink.
    void finish();

private:
    void beforeValue();
    void open(char bracket);
    void close(char bracket);
    void newlineAndIndent(std::size_t depth);
    // The buffer is a plain array: put() is a bounds check and a memcpy.
    void put(std::string_view bytes) {
        if (bytes.size() > kBufferBytes - m_used) return putLarge(bytes);
        std::memcpy(m_buffer.get() + m_used, bytes.data(), bytes.size());
        m_used += bytes.size();
    }
    void put(char c) {
        if (m_used == kBufferBytes) flushBuffer();
        m_buffer[m_used++] = c;
    }
    void putLarge(std::string_view bytes);
    void flushBuffer();
    void quoted(std::string_view text);  ///< a string's text, quoted and escaped
    void escapedSlowly(std::string_view text);

    static constexpr std::size_t kBufferBytes = 64 * 1024;
    JsonSink m_sink;
    InvalidUtf8 m_invalid;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_used = 0;
    std::vector<std::size_t> m_counts;  ///< values written so far in each open container
    bool m_afterKey = false;
};

}  // namespace traza::model
