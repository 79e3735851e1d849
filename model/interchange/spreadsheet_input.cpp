#include "spreadsheet_input.h"

#include <algorithm>
#include <fstream>

#include "spreadsheet/csv_sheet.h"
#include "spreadsheet/spreadsheet_reader.h"
#include "store/project_file_writer.h"
#include "store/project_store.h"
#include "records_sheet.h"
#include "workbook_stream_import.h"

namespace traza::model {

bool isSpreadsheetFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    if (in.read(magic, 4)) {
        const std::string_view m(magic, 4);
        return m == std::string_view("PK\x03\x04", 4) || m == std::string_view("\xD0\xCF\x11\xE0", 4);
    }
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".xls";
}

namespace {

// The import of whole tables, which names every problem of the workbook.
SheetImport importWholeWorkbook(const std::filesystem::path& path, const std::string& actorsSheet, const std::string& flowsSheet,
                                const Catalogue& catalogue, const ColumnMapping& rules) {
    Workbook book = readSpreadsheet(path);
    const auto [actors, flows] = chainSheets(book, actorsSheet, flowsSheet);
    if (actors == flows) return importSheets(*actors, *flows, catalogue, rules);
    // A Records sheet (issue #19) is read once the actors and flows are known.
    const SheetTable* records = recordsSheet(book);
    if (records == actors || records == flows) records = nullptr;
    // The sheets are freed row by row as they are read (chainSheets gives const views into `book`, which is ours).
    SheetImport in = importSheets(std::move(book.sheets[actors - book.sheets.data()]), std::move(book.sheets[flows - book.sheets.data()]),
                                  catalogue, rules);
    if (records) {
        importRecordsSheet(*records, in.project);
        in.summary.push_back(path.filename().string() + ", sheet \"" + records->sheet + "\": " + std::to_string(records->rows.empty() ? 0 : records->rows.size() - 1) +
                             " rows of delivery records");
    }
    return in;
}

}  // namespace

SheetImport importWorkbookFile(const std::filesystem::path& path, const std::string& actorsSheet, const std::string& flowsSheet,
                               const Catalogue& catalogue, const ColumnMapping& rules) {
    // The fast way first; whatever it cannot accept is read again whole, which names every problem.
    if (std::optional<SheetImport> streamed = importXlsxStreamed(path, actorsSheet, flowsSheet, catalogue, rules)) return std::move(*streamed);
    return importWholeWorkbook(path, actorsSheet, flowsSheet, catalogue, rules);
}

SheetImport importWorkbookFileTo(const std::filesystem::path& target, const std::filesystem::path& path, const std::string& actorsSheet,
                                 const std::string& flowsSheet, const Catalogue& catalogue, const ColumnMapping& rules) {
    bool writerFailed = false, committing = false;
    try {
        ProjectFileWriter writer(target, ProjectFileWriter::forImport());
        std::optional<SheetImport> streamed =
            importXlsxStreamed(path, actorsSheet, flowsSheet, catalogue, rules, SpreadsheetWords::installed(), {}, &writer);
        if (streamed) {
            streamed->project.importRules = rules;
            committing = true;
            writer.commit(streamed->project);  // its IoError is the save's own error
            return std::move(*streamed);
        }
        writerFailed = writer.failed();
    } catch (const IoError&) {
        if (committing) throw;
        writerFailed = true;  // the temp file could not be made
    }
    // The workbook's problems are named first: a workbook the streamed import gave up on is read
    // again whole; one it took (the writer failed) is read again the fast way, then saved as usual,
    // which reports the save's error.
    SheetImport in = writerFailed ? importWorkbookFile(path, actorsSheet, flowsSheet, catalogue, rules)
                                  : importWholeWorkbook(path, actorsSheet, flowsSheet, catalogue, rules);
    in.project.importRules = rules;
    ProjectStore::save(in.project, target);
    return in;
}

namespace {

// A CSV file, or the first sheet of a workbook (one sheet per file, as a
// spreadsheet program writes when it converts a CSV file).
SheetTable readTableFile(const std::filesystem::path& path) {
    if (!isSpreadsheetFile(path)) return readCsvSheet(path);
    Workbook book = readSpreadsheet(path);
    if (book.sheets.empty()) throw InvalidInput(path.string(), "the workbook has no sheet");
    return std::move(book.sheets.front());
}

}  // namespace

SheetImport importTableFiles(const std::filesystem::path& actors, const std::filesystem::path& flows, const Catalogue& catalogue,
                             const ColumnMapping& rules) {
    // Each file is read before the next is opened, so the first error met is the one reported.
    SheetTable a = readTableFile(actors);
    SheetTable f = readTableFile(flows);
    return importSheets(std::move(a), std::move(f), catalogue, rules);
}

}  // namespace traza::model
