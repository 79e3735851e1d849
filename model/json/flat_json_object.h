#pragma once
// One small JSON object of a known shape read from its text with simdjson
// (ten times nlohmann's SAX parser on a national chain's 151 000 actors and
// flows), without a DOM of Traza's: the members go into slots by key (an
// actor's or a flow's keys). Only plain shapes are taken: scalars, lists of strings, and
// objects of strings one level down ("period"). Anything else -- a key outside
// the list, a duplicate, deeper nesting, a syntax, encoding or range error --
// is "not taken", and the caller reads the text again with the strict DOM
// readers (json_parse.h, json_reader.h), whose messages and paths are the only
// ones Traza gives. A server-stored national chain is 152 000 such objects; the
// DOM of each was a third of reading it (docs/performance.md, issue #22).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace simdjson::dom {
class parser;
}

namespace traza::model {

/// The value of one member as the parser met it.
struct FlatValue {
    enum class Kind : std::uint8_t { Absent, Null, Boolean, Integer, Unsigned, Float, String, Strings, Object };
    Kind kind = Kind::Absent;
    bool boolean = false;
    std::int64_t integer = 0;    ///< Kind::Integer (negative whole numbers)
    std::uint64_t unsigned_ = 0; ///< Kind::Unsigned (non-negative whole numbers)
    double number = 0;           ///< Kind::Float
    std::string text;                                        ///< Kind::String
    std::vector<std::string> texts;                          ///< Kind::Strings (an array of strings, maybe empty)
    std::vector<std::pair<std::string, std::string>> members;  ///< Kind::Object (its members, all strings)

    bool present() const { return kind != Kind::Absent; }
    bool isNumber() const { return kind == Kind::Integer || kind == Kind::Unsigned || kind == Kind::Float; }
    /// As nlohmann's get<double>() of the same number.
    double asDouble() const;
};

/// The members of one object, a slot per allowed key (the slots are kept
/// between objects, so their strings' buffers are reused).
class FlatJsonObject {
public:
    /// `keys` must outlive the object.
    explicit FlatJsonObject(const std::vector<std::string_view>& keys);
    ~FlatJsonObject();
    FlatJsonObject(const FlatJsonObject&) = delete;
    FlatJsonObject& operator=(const FlatJsonObject&) = delete;

    /// Reads `text` into the slots; false when it is not taken (see above).
    bool parse(std::string_view text);

    /// The slot of `key` (which must be one of the keys).
    const FlatValue& operator[](std::string_view key) const { return m_slots[slotOf(key)]; }
    const FlatValue& slot(std::size_t i) const { return m_slots[i]; }
    /// Index of `key` in the keys, or -1.
    int slotOf(std::string_view key) const;

private:
    const std::vector<std::string_view>& m_keys;
    std::vector<FlatValue> m_slots;
    std::unique_ptr<simdjson::dom::parser> m_parser;  ///< its buffers are kept between objects
};

}  // namespace traza::model
