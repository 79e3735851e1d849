#include "json_parse.h"

#include <optional>
#include <string>
#include <vector>

#include "error.h"
#include "utf8.h"

namespace traza::model {
namespace {

using nlohmann::json;

// SAX handler that builds the DOM itself so that it always knows the JSON path
// of the value being read; nlohmann's own DOM parser only knows byte offsets.
class PathTrackingBuilder {
public:
    PathTrackingBuilder(int maxDepth, const JsonElementSink* sink) : m_maxDepth(maxDepth), m_sink(sink) {}

    bool null() { return add(json(nullptr)); }
    bool boolean(bool v) { return add(json(v)); }
    bool number_integer(json::number_integer_t v) { return add(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return add(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return add(json(v)); }
    bool string(json::string_t& v) { return add(json(std::move(v))); }
    bool binary(json::binary_t&) { return fail(valuePath(), "binary values are not JSON text"); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& k) {
        Frame& f = m_stack.back();
        f.key = k;
        // One search finds a duplicate and where the value will go.
        json::object_t& object = f.node->get_ref<json::object_t&>();
        f.hint = object.lower_bound(k);
        if (f.hint != object.end() && f.hint->first == k) return fail(valuePath(), "duplicate field");
        return true;
    }

    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
        if (ex.id == 406)  // number overflow: the value is at a known path
            return fail(valuePath(), "must be a finite number (" + token + " is out of range)");
        std::string what = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..."
        if (auto close = what.find("] "); close != std::string::npos) what.erase(0, close + 2);
        return fail("byte " + std::to_string(position), "not valid JSON: " + what);
    }

    json take() { return std::move(m_root); }
    const std::optional<InvalidInput>& error() const { return m_error; }

private:
    struct Frame {
        json* node;
        std::string key;                ///< last key read, for objects
        json::object_t::iterator hint;  ///< where that key's value goes (set with the key)
        std::size_t taken = 0;          ///< elements handed to the sink (the sink's array)
    };
    // Whether the container being built at the top of the stack is the sink's array.
    bool topIsSinkArray() const {
        return m_sink && m_stack.size() == 2 && m_stack[0].node->is_object() && m_stack[1].node->is_array() &&
               m_stack[0].key == m_sink->key;
    }
    // Hands the last element of the sink's array over, out of the DOM.
    void handOver() {
        Frame& f = m_stack.back();
        json element = std::move(f.node->back());
        f.node->get_ref<json::array_t&>().pop_back();
        m_sink->take(std::move(element), f.taken++);
    }
    // Inserts the value of the key just read into the object being built.
    json& insert(json&& value) {
        Frame& f = m_stack.back();
        return f.node->get_ref<json::object_t&>().emplace_hint(f.hint, f.key, std::move(value))->second;
    }

    bool add(json&& value) {
        if (m_stack.empty()) {
            m_root = std::move(value);
            return true;
        }
        json& parent = *m_stack.back().node;
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            if (topIsSinkArray()) handOver();
        } else {
            insert(std::move(value));
        }
        return true;
    }
    bool open(json&& container) {
        if (static_cast<int>(m_stack.size()) >= m_maxDepth)
            return fail(valuePath(), "nesting deeper than " + std::to_string(m_maxDepth) + " levels");
        json* node = nullptr;
        if (m_stack.empty()) {
            m_root = std::move(container);
            node = &m_root;
        } else {
            json& parent = *m_stack.back().node;
            if (parent.is_array()) {
                parent.push_back(std::move(container));
                node = &parent.back();
            } else {
                node = &insert(std::move(container));
            }
        }
        m_stack.push_back({node, {}, {}});
        return true;
    }
    bool close() {
        m_stack.pop_back();
        if (topIsSinkArray()) handOver();
        return true;
    }
    // Path of the value about to be added (not yet inserted in its parent).
    std::string valuePath() const {
        std::string path;
        for (std::size_t i = 0; i < m_stack.size(); ++i) {
            const json& node = *m_stack[i].node;
            const bool last = i + 1 == m_stack.size();
            if (node.is_array())  // counting the elements handed to the sink
                path += "[" + std::to_string(m_stack[i].taken + (last ? node.size() : node.size() - 1)) + "]";
            else path += (path.empty() ? "" : ".") + m_stack[i].key;
        }
        return path;
    }
    bool fail(std::string where, std::string reason) {
        if (!m_error) m_error.emplace(std::move(where), std::move(reason));
        return false;
    }

    int m_maxDepth;
    const JsonElementSink* m_sink;
    json m_root;
    std::vector<Frame> m_stack;
    std::optional<InvalidInput> m_error;
};

}  // namespace

static json parseWithSink(std::string_view text, const JsonElementSink* sink, int maxDepth) {
    // Checked first so that binary files get a plain message, not a syntax error.
    if (auto nul = text.find('\0'); nul != std::string_view::npos)
        throw InvalidInput("byte " + std::to_string(nul + 1), "binary data (NUL byte): not a JSON text file");
    if (auto bad = firstInvalidUtf8(text))
        throw InvalidInput("byte " + std::to_string(*bad + 1), "invalid UTF-8: the file must be UTF-8 encoded text");

    PathTrackingBuilder builder(maxDepth, sink);
    const bool ok = json::sax_parse(text.begin(), text.end(), &builder);
    if (builder.error()) throw *builder.error();
    if (!ok) throw InvalidInput("", "not valid JSON");
    return builder.take();
}

json parseJsonDocument(std::string_view text, int maxDepth) { return parseWithSink(text, nullptr, maxDepth); }

json parseJsonDocument(std::string_view text, const JsonElementSink& sink, int maxDepth) {
    return parseWithSink(text, &sink, maxDepth);
}

}  // namespace traza::model
