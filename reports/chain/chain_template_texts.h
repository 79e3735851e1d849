#pragma once
// The fixed texts of the chain workbook (chain_workbook.h) in English and
// Spanish: what each column of the Actors and Flows sheets means and its unit,
// and the paragraphs of the Instructions sheet. Column labels and value labels
// are not here: they come from SpreadsheetWords, so what is written is read back.
#include <string_view>

#include "spreadsheet_words.h"

namespace traza::reports {

struct ColumnHelp {
    std::string_view meaning;
    std::string_view unit;  ///< empty when the column has none
};

/// The help of a field of the Actors or Flows sheet in `lang` ("es", else English).
/// Every field of actorFields()/flowFields() has one (a test walks them).
ColumnHelp columnHelp(model::SheetKind, std::string_view field, std::string_view lang);

/// A fixed text of the template by key ("title", "intro", "import", "required",
/// ...), in `lang`. Throws traza::Error for an unknown key (a programming error).
std::string_view templateText(std::string_view key, std::string_view lang);

}  // namespace traza::reports
