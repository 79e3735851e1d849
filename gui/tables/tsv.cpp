#include "tsv.h"

namespace traza::gui {

std::vector<std::vector<std::string>> parseTsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool cellStarted = false;  // the line has content (so a lone "\n" at the end adds no row)
    std::size_t i = 0;
    auto endRow = [&] {
        row.push_back(std::move(cell));
        cell.clear();
        rows.push_back(std::move(row));
        row.clear();
        cellStarted = false;
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && cell.empty()) {
            // A quoted cell: up to the closing quote, "" standing for one quote.
            ++i;
            while (i < text.size()) {
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        cell.push_back('"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                cell.push_back(text[i++]);
            }
            cellStarted = true;
            continue;
        }
        if (c == '\t') {
            row.push_back(std::move(cell));
            cell.clear();
            cellStarted = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // handled with the '\n'
        } else if (c == '\n' || c == '\r') {
            endRow();
        } else {
            cell.push_back(c);
            cellStarted = true;
        }
        ++i;
    }
    if (cellStarted || !row.empty()) endRow();
    return rows;
}

}  // namespace traza::gui
