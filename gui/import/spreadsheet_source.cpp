#include "spreadsheet_source.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "csv_reader.h"
#include "error.h"

namespace traza::gui {
namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const fs::path& p) {
    std::string e = p.extension().string();
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return e;
}

// TODO(#14): temporary CSV reading with the comma-only RFC 4180 tokenizer, every
// cell Text, until model::readCsvSheet (model/spreadsheet/csv_dialect.h) is merged.
model::SheetTable readCommaCsv(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path.filename().string() + ": cannot read");
    std::stringstream text;
    text << in.rdbuf();
    model::SheetTable t;
    t.file = path.filename().string();
    std::size_t width = 0;
    for (model::CsvRecord& r : model::parseCsv(text.str(), t.file)) {
        std::vector<model::SheetCell> row;
        for (model::CsvField& f : r.fields)
            row.push_back({f.value.empty() ? model::SheetCell::Kind::Empty : model::SheetCell::Kind::Text, std::move(f.value), 0, f.line, f.column});
        width = std::max(width, row.size());
        t.rows.push_back(std::move(row));
    }
    for (auto& row : t.rows)
        for (std::size_t c = row.size(); c < width; ++c) row.push_back({model::SheetCell::Kind::Empty, {}, 0, row.empty() ? 0 : row.front().line, c + 1});
    return t;
}

}  // namespace

bool isCsvFile(const fs::path& p) { return lowerExtension(p) == ".csv" || lowerExtension(p) == ".txt"; }

model::Workbook openSpreadsheetFile(const fs::path& path) {
    if (isCsvFile(path)) {
        model::Workbook book;
        book.file = path.filename().string();
        book.sheets.push_back(readCommaCsv(path));  // TODO(#14): model::readCsvSheet(path)
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
