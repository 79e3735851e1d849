#include "meaning_choices.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "chain_fields.h"
#include "sheet_columns.h"

namespace traza::gui {
namespace {

std::string trimmedNumber(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

std::optional<double> positiveNumber(std::string text) {
    for (char& c : text)
        if (c == ',') c = '.';
    while (!text.empty() && text.front() == ' ') text.erase(text.begin());
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v) || v <= 0) return std::nullopt;
    return v;
}

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::vector<MeaningChoice> meaningChoices(model::SheetKind kind, const model::SpreadsheetWords& words, std::string_view lang) {
    std::vector<MeaningChoice> out{{"", ""}};
    for (const std::string& key : model::fieldKeys(kind)) out.push_back({key, words.columnLabel(kind, key, lang)});
    return out;
}

bool isNumericField(model::SheetKind kind, std::string_view field) {
    model::FieldType type = model::FieldType::Text;
    if (kind == model::SheetKind::Actors) {
        if (const auto* f = model::findActorField(field)) type = f->type;
    } else if (const auto* f = model::findFlowField(field)) {
        type = f->type;
    }
    return type == model::FieldType::Number || type == model::FieldType::Integer;
}

std::string factorText(double factor) {
    if (factor > 0 && factor < 1) {
        const double divisor = 1 / factor;
        if (std::fabs(divisor - std::round(divisor)) < 1e-9 * divisor) return "÷" + trimmedNumber(std::round(divisor));
    }
    return "×" + trimmedNumber(factor);
}

std::optional<double> parseFactor(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    for (std::string_view times : {"×", "x", "X", "*"})
        if (startsWith(text, times)) return positiveNumber(std::string(text.substr(times.size())));
    for (std::string_view divide : {"÷", "/", "1/"})
        if (startsWith(text, divide)) {
            const auto d = positiveNumber(std::string(text.substr(divide.size())));
            return d ? std::optional<double>(1 / *d) : std::nullopt;
        }
    return positiveNumber(std::string(text));
}

}  // namespace traza::gui
