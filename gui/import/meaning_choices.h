#pragma once
// The entries of the import preview's drop-downs, without wx: what a column of
// a user's sheet can mean (ignore, or one field of that sheet kind), and the
// factor of a numeric column written as the user reads it ("×1", "÷1000").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "spreadsheet_words.h"

namespace traza::gui {

struct MeaningChoice {
    std::string field;  ///< field key; empty: ignore the column
    std::string label;  ///< the header Traza writes for it in `lang` ("Toneladas"); empty for ignore
};

/// "ignore" first, then every field of that kind in the chain-fields order.
std::vector<MeaningChoice> meaningChoices(model::SheetKind, const model::SpreadsheetWords&, std::string_view lang);

/// Whether a column of that field holds a number a factor applies to.
bool isNumericField(model::SheetKind, std::string_view field);

/// "×1", "×1000", "÷1000" (a factor below 1 shown as a division), "×0.5".
std::string factorText(double factor);
/// Reads "×1000", "x1000", "*1000", "1000", "÷1000", "/1000", "1/1000", with a
/// point or a comma for decimals; nullopt for anything else, zero or a negative.
std::optional<double> parseFactor(std::string_view text);

}  // namespace traza::gui
