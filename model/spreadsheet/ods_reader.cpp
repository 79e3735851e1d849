#include "ods_reader.h"

#include "error.h"
#include "ods_content.h"
#include "spreadsheet_file.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

constexpr std::string_view kOdsMimetype = "application/vnd.oasis.opendocument.spreadsheet";

}  // namespace

Workbook readOds(const std::filesystem::path& file, const SpreadsheetLimits& limits) {
    return workbookFromOds(readWorkbookFile(file, limits), file.string(), limits);
}

Workbook workbookFromOds(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits) {
    requireZip(bytes, fileName, "ods");
    ZipArchive zip(bytes, fileName, limits);
    // The mimetype entry is optional in ODF, but when present it must say spreadsheet.
    if (zip.contains("mimetype")) {
        SpreadsheetLimits small = limits;
        small.maxEntryBytes = 1024;
        ZipArchive probe(bytes, fileName, small);
        const std::string mimetype = probe.read("mimetype");
        if (mimetype != kOdsMimetype)
            throw InvalidInput(fileName, "not an ods spreadsheet (an OpenDocument file of type " + mimetype.substr(0, 100) + ")");
    }
    if (!zip.contains("content.xml")) throw InvalidInput(fileName, "not an ods spreadsheet: it has no content.xml");
    Workbook workbook;
    workbook.file = fileName;
    workbook.sheets = readOdsContent(zip, limits);
    return workbook;
}

}  // namespace traza::model
