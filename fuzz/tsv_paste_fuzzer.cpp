// libFuzzer target: the clipboard text the Actors and Flows tables paste
// (gui/tables/tsv.h). Any bytes parse without a crash, and the rows read back
// the same after being written as spreadsheet text again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "tsv.h"

namespace {
// Spreadsheet text for `rows`: a cell with a tab, a line break or a quote (or
// a row's only cell when empty, which would otherwise read as no row) is quoted.
std::string format(const std::vector<std::vector<std::string>>& rows) {
    std::string out;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string& c = row[i];
            const bool quote = c.find_first_of("\t\r\n\"") != std::string::npos || (row.size() == 1 && c.empty());
            if (i) out += '\t';
            if (!quote) {
                out += c;
                continue;
            }
            out += '"';
            for (char ch : c) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            out += '"';
        }
        out += '\n';
    }
    return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto rows = traza::gui::parseTsv(std::string(reinterpret_cast<const char*>(data), size));
    for (const auto& row : rows)
        if (row.empty()) std::abort();  // every row has at least one cell
    if (traza::gui::parseTsv(format(rows)) != rows) std::abort();
    return 0;
}
