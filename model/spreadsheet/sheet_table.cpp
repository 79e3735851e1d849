#include "sheet_table.h"

#include <algorithm>
#include <cctype>

namespace traza::model {

std::string columnLetters(std::size_t column) {
    std::string letters;
    while (column > 0) {
        --column;
        letters.insert(letters.begin(), static_cast<char>('A' + column % 26));
        column /= 26;
    }
    return letters;
}

std::string SheetTable::location(std::size_t line, std::size_t column) const {
    if (sheet.empty()) return file + ":" + std::to_string(line) + ":" + std::to_string(column);
    // A sheet name with spaces or punctuation is quoted as Excel quotes it in a reference.
    const bool plain = std::all_of(sheet.begin(), sheet.end(), [](unsigned char c) { return c >= 0x80 || std::isalnum(c) || c == '_'; });
    const std::string name = plain ? sheet : "'" + sheet + "'";
    return file + ": " + name + "!" + columnLetters(column) + std::to_string(line);
}

std::string SheetTable::location(const SheetCell& cell) const { return location(cell.line, cell.column); }

int Workbook::find(const std::string& name) const {
    for (std::size_t i = 0; i < sheets.size(); ++i)
        if (sheets[i].sheet == name) return static_cast<int>(i);
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    for (std::size_t i = 0; i < sheets.size(); ++i)
        if (lower(sheets[i].sheet) == lower(name)) return static_cast<int>(i);
    return -1;
}

}  // namespace traza::model
