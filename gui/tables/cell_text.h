#pragma once
// Reading a typed or pasted cell into a model value, and writing a value
// for a cell so that it reads back the same. Numbers take the spreadsheet's
// decimal comma or point ("12,5", "1.234,5", "1,234.5"); choices take the
// label in the interface language or the chain JSON name ("waste_picker").
// Each reader throws InvalidInput(key, reason) naming what it expected.
#include <wx/arrstr.h>
#include <wx/string.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "enums.h"

namespace traza::gui::cells {

/// A number; an empty cell is `whenEmpty` (or refused when none is given).
double number(const wxString& text, const std::string& key, std::optional<double> whenEmpty = std::nullopt);
/// A whole number.
int integer(const wxString& text, const std::string& key);
/// How a number shows in a cell: up to 3 decimals, no thousands separator, the locale's decimal mark.
wxString show(double value);

/// The index of the choice `text` names: one of `labels` or of `names` (the
/// model's names; '_' may be typed as a space), ignoring case.
int choice(const wxString& text, const wxArrayString& labels, const std::vector<std::string_view>& names, const std::string& key);

/// The cell split on ';' (and ','), each part trimmed, empty parts dropped.
std::vector<wxString> list(const wxString& text);

/// The chain JSON names of an enumeration's first `count` values, as `choice` takes them.
template <typename E>
std::vector<std::string_view> enumNames(int count) {
    std::vector<std::string_view> names;
    for (int i = 0; i < count; ++i) names.push_back(model::toString(static_cast<E>(i)));
    return names;
}
inline constexpr int kEvidenceCount = static_cast<int>(model::Evidence::Verified) + 1;
inline constexpr int kPaymentCount = static_cast<int>(model::Payment::Credit) + 1;

}  // namespace traza::gui::cells
