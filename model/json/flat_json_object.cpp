#include "flat_json_object.h"

#include <simdjson.h>

namespace traza::model {

double FlatValue::asDouble() const {
    switch (kind) {
        case Kind::Integer: return static_cast<double>(integer);
        case Kind::Unsigned: return static_cast<double>(unsigned_);
        default: return number;
    }
}

int FlatJsonObject::slotOf(std::string_view key) const {
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (m_keys[i].size() == key.size() && m_keys[i] == key) return static_cast<int>(i);
    return -1;
}

FlatJsonObject::FlatJsonObject(const std::vector<std::string_view>& keys)
    : m_keys(keys), m_slots(keys.size()), m_parser(std::make_unique<simdjson::dom::parser>()) {}

FlatJsonObject::~FlatJsonObject() = default;

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

bool readString(const element& e, std::string& out) {
    std::string_view text;
    if (e.get_string().get(text)) return false;
    out.assign(text);
    return true;
}

// One member's value into its slot: a scalar, a list of strings, or an object
// of strings without repeated names. False for any other shape.
bool readValue(const element& e, FlatValue& v) {
    switch (e.type()) {
        case element_type::NULL_VALUE: v.kind = FlatValue::Kind::Null; return true;
        case element_type::BOOL: v.kind = FlatValue::Kind::Boolean; return !e.get_bool().get(v.boolean);
        case element_type::INT64: {
            // nlohmann's kinds: a whole number is "unsigned" unless negative. (-0
            // is the one it calls an integer and this an unsigned: both read 0.)
            std::int64_t i = 0;
            if (e.get_int64().get(i)) return false;
            if (i < 0) v.kind = FlatValue::Kind::Integer, v.integer = i;
            else v.kind = FlatValue::Kind::Unsigned, v.unsigned_ = static_cast<std::uint64_t>(i);
            return true;
        }
        case element_type::UINT64: v.kind = FlatValue::Kind::Unsigned; return !e.get_uint64().get(v.unsigned_);
        case element_type::DOUBLE: v.kind = FlatValue::Kind::Float; return !e.get_double().get(v.number);
        case element_type::STRING: v.kind = FlatValue::Kind::String; return readString(e, v.text);
        case element_type::ARRAY: {
            v.kind = FlatValue::Kind::Strings;
            v.texts.clear();
            simdjson::dom::array list;
            if (e.get_array().get(list)) return false;
            for (const element item : list)
                if (!readString(item, v.texts.emplace_back())) return false;
            return true;
        }
        case element_type::OBJECT: {
            v.kind = FlatValue::Kind::Object;
            v.members.clear();
            simdjson::dom::object object;
            if (e.get_object().get(object)) return false;
            for (const simdjson::dom::key_value_pair member : object) {
                for (const auto& [name, text] : v.members)
                    if (name == member.key) return false;
                auto& [name, text] = v.members.emplace_back(std::string(member.key), std::string());
                if (!readString(member.value, text)) return false;
            }
            return true;
        }
    }
    return false;
}

}  // namespace

bool FlatJsonObject::parse(std::string_view text) {
    for (FlatValue& v : m_slots) v.kind = FlatValue::Kind::Absent;
    // simdjson refuses what nlohmann's lexer refuses here: malformed UTF-8
    // anywhere, a NUL or other control character unescaped in a string, a
    // lone surrogate escape, anything after the object, and numbers out of
    // range (nlohmann's doubles; whole numbers beyond 64 bits, which nlohmann
    // would read as doubles, are simply not taken). A text refused goes to the
    // strict reader, whose checks name the byte. simdjson copies the text into
    // its own padded buffer: the server's rows carry no padding.
    element doc;
    if (m_parser->parse(text.data(), text.size(), true).get(doc)) return false;
    simdjson::dom::object object;
    if (doc.get_object().get(object)) return false;
    for (const simdjson::dom::key_value_pair member : object) {
        const int slot = slotOf(member.key);
        if (slot < 0 || m_slots[slot].present()) return false;  // unknown or repeated
        if (!readValue(member.value, m_slots[slot])) return false;
    }
    return true;
}

}  // namespace traza::model
