#pragma once
// TEMPORARY stand-in until the csvdialect branch lands (same signature).
#include <optional>
#include <string>
#include <string_view>

#include "sheet_table.h"

namespace traza::model {
std::optional<double> parseLocaleNumber(std::string_view text, DecimalMark mark, std::string* whyNot);
}
