#include "spreadsheet_source.h"

#include "spreadsheet/csv_sheet.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "spreadsheet_input.h"

namespace traza::gui {
namespace fs = std::filesystem;

bool isCsvFile(const fs::path& p) { return !model::isSpreadsheetFile(p); }

model::Workbook openSpreadsheetFile(const fs::path& path) {
    // The readers name the file as given (its whole path); the dialog and its
    // problems name the file alone, as the user sees it in the file dialog.
    const std::string name = path.filename().string();
    model::Workbook book;
    if (isCsvFile(path)) {
        book.sheets.push_back(model::readCsvSheet(path));  // separator, encoding and decimal mark detected
    } else {
        book = model::readSpreadsheet(path);  // xlsx or ods, by content
    }
    book.file = name;
    for (model::SheetTable& t : book.sheets) t.file = name;
    return book;
}

model::Workbook openCsvPair(const fs::path& actors, const fs::path& flows) {
    model::Workbook book;
    book.file = actors.filename().string();
    for (const fs::path& p : {actors, flows}) {
        model::Workbook one = openSpreadsheetFile(p);
        for (model::SheetTable& s : one.sheets) book.sheets.push_back(std::move(s));
    }
    return book;
}

std::string sheetDisplayName(const model::SheetTable& t) { return t.sheet.empty() ? t.file : t.sheet; }

}  // namespace traza::gui
