#pragma once
// Cells copied from a spreadsheet: the clipboard carries them as tab-separated
// text, one line per row, a cell holding a tab, a line break or a quote quoted
// ("a ""b"""). No wx, so the paste is tested without a display.
#include <string>
#include <vector>

namespace traza::gui {

/// The rows of `text`, each a list of cells. "\r\n" ends a line like "\n"; the
/// line break after the last row adds no empty row. Never throws on content:
/// an unclosed quote takes the rest of the text as its cell.
std::vector<std::vector<std::string>> parseTsv(const std::string& text);

}  // namespace traza::gui
