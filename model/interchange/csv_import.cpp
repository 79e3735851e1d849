#include "csv_import.h"

#include "interchange/sheet_import.h"

namespace traza::model {

// CSV files are sheets like any other: the same columns in English or Spanish,
// the same field table and the same validation as workbooks and chain JSON.

Project readProjectCsv(const std::filesystem::path& actorsCsv, const std::filesystem::path& flowsCsv, const Catalogue& catalogue) {
    // Each file is read before the next is opened, so the first error met is the one reported.
    const SheetTable actors = readCsvSheet(actorsCsv);
    const SheetTable flows = readCsvSheet(flowsCsv);
    return importSheets(actors, flows, catalogue).project;
}

Project projectFromCsv(std::string_view actorsText, std::string_view flowsText, const Catalogue& catalogue,
                       const std::string& actorsName, const std::string& flowsName) {
    const SheetTable actors = csvToSheetTable(actorsText, actorsName);
    const SheetTable flows = csvToSheetTable(flowsText, flowsName);
    return importSheets(actors, flows, catalogue).project;
}

}  // namespace traza::model
