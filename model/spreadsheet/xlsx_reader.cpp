#include "xlsx_reader.h"

#include "spreadsheet_file.h"
#include "xlsx_package.h"
#include "xlsx_shared_strings.h"
#include "xlsx_sheet.h"
#include "xlsx_styles.h"
#include "zip_archive.h"

namespace traza::model {

Workbook readXlsx(const std::filesystem::path& file, const SpreadsheetLimits& limits) {
    return workbookFromXlsx(readWorkbookFile(file, limits), file.string(), limits);
}

Workbook workbookFromXlsx(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits) {
    requireZip(bytes, fileName, "xlsx");
    ZipArchive zip(bytes, fileName, limits);
    const XlsxPackage package = readXlsxPackage(zip, limits);
    const std::vector<std::string> strings =
        package.sharedStringsPart.empty() ? std::vector<std::string>{} : readSharedStrings(zip, package.sharedStringsPart, limits);
    const std::vector<bool> dateStyles =
        package.stylesPart.empty() ? std::vector<bool>{} : readDateStyles(zip, package.stylesPart, limits);

    Workbook workbook;
    workbook.file = fileName;
    workbook.sheets.reserve(package.sheets.size());
    std::size_t cellsUsed = 0;
    const XlsxSheetContext context{strings, dateStyles, package.date1904, limits, cellsUsed};
    for (const XlsxSheetPart& sheet : package.sheets) workbook.sheets.push_back(readXlsxSheet(zip, sheet, context));
    return workbook;
}

}  // namespace traza::model
