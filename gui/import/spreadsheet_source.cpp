#include "spreadsheet_source.h"

#include <algorithm>
#include <cctype>

#include "error.h"
#include "spreadsheet/csv_sheet.h"

namespace traza::gui {
namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

}  // namespace

bool isCsvFile(const fs::path& p) { return lowerExtension(p) == ".csv" || lowerExtension(p) == ".txt"; }

model::Workbook openSpreadsheetFile(const fs::path& path) {
    if (isCsvFile(path)) {
        model::Workbook book;
        book.file = path.filename().string();
        model::SheetTable table = model::readCsvSheet(path);  // separator, encoding and decimal mark detected
        table.file = book.file;  // the dialog and its problems name the file, not its folder
        book.sheets.push_back(std::move(table));
        return book;
    }
    // TODO(#14): return model::readSpreadsheet(path);  (model/spreadsheet/xlsx_reader.h)
    throw InvalidInput(path.filename().string(), "xlsx and ods workbooks can be read once the workbook reader is merged; save the sheets as CSV for now");
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
