#include "catalogue_entry_fields.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "error.h"

namespace traza::gui {
namespace {

using ojson = nlohmann::ordered_json;

// {"en": ..., "es": ...}, or a plain string (one language), is a text by language.
bool isLocalText(const ojson& v) {
    if (v.is_string()) return true;
    if (!v.is_object() || v.empty()) return false;
    return std::all_of(v.items().begin(), v.items().end(),
                       [](const auto& kv) { return (kv.key() == "en" || kv.key() == "es") && kv.value().is_string(); });
}

void addLocalText(std::vector<EntryField>& out, const std::string& key, const ojson& v) {
    const std::string en = v.is_string() ? v.get<std::string>() : v.value("en", "");
    const std::string es = v.is_object() ? v.value("es", "") : "";
    out.push_back({key + ".en", EntryField::Kind::Text, en});
    out.push_back({key + ".es", EntryField::Kind::Text, es});
}

std::string numberText(const ojson& v) { return v.dump(); }  // shortest text that reads back the same double

double readNumber(const std::string& key, std::string text) {
    text.erase(0, text.find_first_not_of(" \t"));
    text.erase(text.find_last_not_of(" \t") + 1);
    if (text.find('.') == std::string::npos) std::replace(text.begin(), text.end(), ',', '.');
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw InvalidInput(key, "\"" + text + "\" is not a number");
    return v;
}

}  // namespace

std::vector<EntryField> entryFields(const ojson& entry, bool isNew) {
    std::vector<EntryField> out;
    out.push_back({"id", EntryField::Kind::Text, entry.value("id", ""), !isNew});
    addLocalText(out, "name", entry.contains("name") ? entry["name"] : ojson(""));
    addLocalText(out, "description", entry.contains("description") ? entry["description"] : ojson(""));
    for (const auto& [key, v] : entry.items()) {
        if (key == "id" || key == "name" || key == "description" || key == "retired") continue;
        if (v.is_boolean()) out.push_back({key, EntryField::Kind::Flag, v.get<bool>() ? "1" : "0"});
        else if (v.is_number()) out.push_back({key, EntryField::Kind::Number, numberText(v)});
        else if (isLocalText(v) && v.is_object()) addLocalText(out, key, v);
        else if (v.is_string()) out.push_back({key, EntryField::Kind::Text, v.get<std::string>()});
        else out.push_back({key, EntryField::Kind::Json, v.dump(2)});
    }
    return out;
}

ojson blankEntry(const ojson& sample) {
    ojson out = ojson::object();
    for (const auto& [key, v] : sample.items()) {
        if (key == "retired") continue;
        if (v.is_boolean()) out[key] = false;
        else if (v.is_number()) out[key] = 0;
        else if (v.is_object() && isLocalText(v)) out[key] = ojson{{"en", ""}, {"es", ""}};
        else if (v.is_string()) out[key] = "";
        else out[key] = v;
    }
    return out;
}

ojson entryFromFields(const std::vector<EntryField>& fields) {
    ojson out = ojson::object();
    for (const EntryField& f : fields) {
        const std::size_t dot = f.key.rfind('.');
        const bool byLanguage = dot != std::string::npos && (f.key.substr(dot + 1) == "en" || f.key.substr(dot + 1) == "es");
        if (byLanguage) {
            const std::string key = f.key.substr(0, dot), lang = f.key.substr(dot + 1);
            if (!out.contains(key)) out[key] = ojson::object();
            if (lang == "en" || !f.text.empty()) out[key][lang] = f.text;
        } else if (f.kind == EntryField::Kind::Number) {
            const double v = readNumber(f.key, f.text);
            // "2" stays an integer: some fields (an actor kind's default stage) must be one.
            const bool whole = f.text.find_first_of(".,eE") == std::string::npos && std::abs(v) < 9e15 && v == std::floor(v);
            if (whole) out[f.key] = static_cast<long long>(v);
            else out[f.key] = v;
        } else if (f.kind == EntryField::Kind::Flag) {
            out[f.key] = f.text == "1";
        } else if (f.kind == EntryField::Kind::Json) {
            ojson v = ojson::parse(f.text, nullptr, false);
            if (v.is_discarded()) throw InvalidInput(f.key, "is not valid JSON");
            out[f.key] = std::move(v);
        } else {
            out[f.key] = f.text;
        }
    }
    return out;
}

}  // namespace traza::gui
