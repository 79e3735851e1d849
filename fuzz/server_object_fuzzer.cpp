// libFuzzer target: one object's body as a server sends it (issue #22), read
// by FlatJsonObject (simdjson) with an actor's and a flow's keys. Whatever the
// fast reader takes, the strict reader (json_parse.h) must accept too and find
// the same members with the same values; anything else the fast reader must
// decline, never misread (it falls back to the strict reader, which then
// speaks). Any bytes end without a crash.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "chain_json_flat.h"
#include "error.h"
#include "flat_json_object.h"
#include "json_parse.h"

namespace {

using traza::model::FlatValue;

bool same(const FlatValue& v, const nlohmann::json& j) {
    switch (v.kind) {
        case FlatValue::Kind::Absent: return false;
        case FlatValue::Kind::Null: return j.is_null();
        case FlatValue::Kind::Boolean: return j.is_boolean() && j.get<bool>() == v.boolean;
        case FlatValue::Kind::Integer: return j.is_number_integer() && !j.is_number_unsigned() && j.get<std::int64_t>() == v.integer;
        case FlatValue::Kind::Unsigned: return j.is_number_unsigned() && j.get<std::uint64_t>() == v.unsigned_;
        case FlatValue::Kind::Float: return j.is_number_float() && j.get<double>() == v.number;
        case FlatValue::Kind::String: return j.is_string() && j.get<std::string>() == v.text;
        case FlatValue::Kind::Strings: {
            if (!j.is_array() || j.size() != v.texts.size()) return false;
            for (std::size_t i = 0; i < v.texts.size(); ++i)
                if (!j[i].is_string() || j[i].get<std::string>() != v.texts[i]) return false;
            return true;
        }
        case FlatValue::Kind::Object: {
            if (!j.is_object() || j.size() != v.members.size()) return false;
            for (const auto& [name, text] : v.members) {
                const auto it = j.find(name);
                if (it == j.end() || !it->is_string() || it->get<std::string>() != text) return false;
            }
            return true;
        }
    }
    return false;
}

void check(traza::model::FlatJsonObject& fast, const std::vector<std::string_view>& keys, std::string_view text) {
    if (!fast.parse(text)) return;
    nlohmann::json strict;
    try {
        strict = traza::model::parseJsonDocument(text);
    } catch (const traza::InvalidInput&) {
        std::abort();  // taken by the fast reader, refused by the strict one
    }
    if (!strict.is_object()) std::abort();
    std::size_t present = 0;
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const FlatValue& v = fast.slot(i);
        const auto it = strict.find(std::string(keys[i]));
        if (!v.present()) {
            if (it != strict.end()) std::abort();  // a member the fast reader lost
            continue;
        }
        ++present;
        // -0 is the one number whose kind the two readers may name apart (see flat_json_object.cpp).
        if (it == strict.end()) std::abort();
        if (!same(v, *it) && !(it->is_number() && v.isNumber() && v.asDouble() == it->get<double>() && v.asDouble() == 0))
            std::abort();
    }
    if (present != strict.size()) std::abort();  // a member outside the keys was taken
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static traza::model::FlatJsonObject actor(traza::model::actorJsonKeys());
    static traza::model::FlatJsonObject flow(traza::model::flowJsonKeys());
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(actor, traza::model::actorJsonKeys(), text);
    check(flow, traza::model::flowJsonKeys(), text);
    return 0;
}
