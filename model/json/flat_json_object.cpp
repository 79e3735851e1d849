#include "flat_json_object.h"

#include <nlohmann/json.hpp>


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

// SAX handler: depth 1 is the object itself, depth 2 a list of strings or an
// object of strings inside it. Returning false stops the parse: not taken.
class FlatJsonSax {
public:
    using json = nlohmann::json;
    explicit FlatJsonSax(FlatJsonObject& o) : m_object(o) {}

    bool null() { return scalar(FlatValue::Kind::Null); }
    bool boolean(bool v) { return scalar(FlatValue::Kind::Boolean) && (m_value->boolean = v, true); }
    bool number_integer(json::number_integer_t v) { return scalar(FlatValue::Kind::Integer) && (m_value->integer = v, true); }
    bool number_unsigned(json::number_unsigned_t v) {
        return scalar(FlatValue::Kind::Unsigned) && (m_value->unsigned_ = v, true);
    }
    bool number_float(json::number_float_t v, const json::string_t&) {
        return scalar(FlatValue::Kind::Float) && (m_value->number = v, true);
    }
    bool string(json::string_t& v) {
        if (m_depth == 2) {
            if (m_value->kind == FlatValue::Kind::Strings) m_value->texts.push_back(std::move(v));
            else m_value->members.back().second = std::move(v);
            m_member = false;
            return true;
        }
        if (!scalar(FlatValue::Kind::String)) return false;
        m_value->text.swap(v);  // the slot's old buffer goes back to the parser
        return true;
    }
    bool binary(json::binary_t&) { return false; }

    bool start_object(std::size_t) {
        if (m_depth == 0) {
            m_depth = 1;
            return true;
        }
        if (m_depth != 1 || !m_value || m_value->present()) return false;
        m_value->kind = FlatValue::Kind::Object;
        m_value->members.clear();
        m_depth = 2;
        return true;
    }
    bool start_array(std::size_t) {
        if (m_depth != 1 || !m_value || m_value->present()) return false;
        m_value->kind = FlatValue::Kind::Strings;
        m_value->texts.clear();
        m_depth = 2;
        return true;
    }
    bool end_object() { return end(); }
    bool end_array() { return end(); }
    bool key(json::string_t& k) {
        if (m_depth == 2) {  // a member of the nested object: no duplicates
            for (const auto& [name, value] : m_value->members)
                if (name == k) return false;
            m_value->members.emplace_back(std::move(k), std::string());
            m_member = true;
            return true;
        }
        const int slot = m_object.slotOf(k);
        if (slot < 0 || m_object.m_slots[slot].present()) return false;  // unknown or duplicate
        m_value = &m_object.m_slots[slot];
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

    bool complete() const { return m_depth == 0 && m_closed; }

private:
    // A scalar value of the slot whose key was just read (never inside a list or a nested object).
    bool scalar(FlatValue::Kind kind) {
        if (m_depth != 1 || !m_value || m_value->present()) return false;
        m_value->kind = kind;
        return true;
    }
    bool end() {
        if (m_depth == 2 && m_member) return false;  // a nested member without a string value
        --m_depth;
        if (m_depth == 0) m_closed = true;
        return true;
    }

    FlatJsonObject& m_object;
    FlatValue* m_value = nullptr;  ///< the slot of the key just read
    int m_depth = 0;
    bool m_member = false;  ///< a nested key read, its string not yet
    bool m_closed = false;
};

bool FlatJsonObject::parse(std::string_view text) {
    for (FlatValue& v : m_slots) v.kind = FlatValue::Kind::Absent;
    // No need for parseJsonDocument's NUL and UTF-8 checks: nlohmann's lexer
    // refuses a NUL anywhere and checks every string's UTF-8 against the same
    // table (Unicode 3.9, table 3-7); outside strings any byte above 0x7F is
    // a syntax error. A text it takes passes them; one it refuses goes to the
    // strict reader, whose checks name the byte.
    FlatJsonSax sax(*this);
    return nlohmann::json::sax_parse(text.begin(), text.end(), &sax) && sax.complete();
}

}  // namespace traza::model
