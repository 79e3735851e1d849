#pragma once
// One catalogue entry (a JSON object of data/catalogue/<list>.json) as the
// fields of Edit > Catalogues…'s entry editor, and back. No wx: the dialog
// shows the fields and the tests check the round trip without a display.
// Generic over the lists, so a new catalogue field shows without GUI code:
// texts by language become one field per language, numbers and words one
// field each, anything nested (a rule's parameters) one JSON field.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace traza::gui {

struct EntryField {
    enum class Kind { Text, Number, Flag, Json };
    std::string key;  ///< "id", "name.en", "weight", "parameters": the JSON key, ".en"/".es" for a language
    Kind kind = Kind::Text;
    std::string text;       ///< what the field shows; a flag is "1" or "0"
    bool readOnly = false;  ///< the id of an existing entry
};

/// The fields of `entry`: id, name.en, name.es, description.en, description.es,
/// then its other keys in order ("retired" is left to the Retire button).
/// `isNew`: the id can be typed.
std::vector<EntryField> entryFields(const nlohmann::ordered_json& entry, bool isNew);

/// A new entry shaped like `sample` (an entry of the same list): same keys,
/// empty texts, zero numbers, false flags, nested values kept as examples.
nlohmann::ordered_json blankEntry(const nlohmann::ordered_json& sample);

/// The entry the fields describe. A number is read with either decimal mark
/// ("0,15" or "0.15"); an empty Spanish text is left out. Throws
/// traza::InvalidInput naming the field's key for a number or JSON that does not read.
nlohmann::ordered_json entryFromFields(const std::vector<EntryField>& fields);

}  // namespace traza::gui
