#include "spreadsheet_reader.h"

#include "error.h"
#include "ods_reader.h"
#include "spreadsheet_file.h"
#include "xlsx_reader.h"
#include "zip_archive.h"

namespace traza::model {

Workbook readSpreadsheet(const std::filesystem::path& file, const SpreadsheetLimits& limits) {
    return workbookFromSpreadsheet(readWorkbookFile(file, limits), file.string(), limits);
}

Workbook workbookFromSpreadsheet(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits) {
    requireZip(bytes, fileName, "xlsx or ods");
    bool ods = false, xlsx = false;
    {
        // Only the central directory is read here; the chosen reader opens the archive again.
        ZipArchive zip(bytes, fileName, limits);
        ods = zip.contains("mimetype") || zip.contains("content.xml");
        xlsx = zip.contains("xl/workbook.xml") || zip.contains("_rels/.rels");
    }
    if (ods && !xlsx) return workbookFromOds(bytes, fileName, limits);
    if (xlsx) return workbookFromXlsx(bytes, fileName, limits);
    throw InvalidInput(fileName, "neither an xlsx nor an ods workbook (a zip archive without their parts)");
}

}  // namespace traza::model
