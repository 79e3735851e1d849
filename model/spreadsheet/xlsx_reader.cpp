#include "xlsx_reader.h"

#include <atomic>
#include <exception>
#include <thread>

#include "error.h"
#include "spreadsheet_file.h"
#include "xlsx_package.h"
#include "xlsx_shared_strings.h"
#include "xlsx_sheet.h"
#include "xlsx_styles.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

// Each thread reads through its own ZipArchive over the same bytes (a libzip
// archive is not shared between threads). Sheets are taken in workbook order;
// a thread stops taking sheets once one has failed, and the error reported is
// that of the first failed sheet in workbook order, which every thread has
// already taken, so it is the one a single thread would have met first.
std::vector<SheetTable> readSheetsOnTwoThreads(std::string_view bytes, const std::string& fileName, const XlsxPackage& package,
                                               const XlsxSheetContext& context, std::uint64_t readBefore,
                                               const std::vector<RowSink>& sinks, bool plainXml, const SheetRead& sheetRead) {
    const std::size_t n = package.sheets.size();
    std::vector<SheetTable> tables(n);
    std::vector<std::exception_ptr> errors(n);
    std::exception_ptr openError;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::atomic<std::uint64_t> inflated{readBefore};
    auto work = [&](std::exception_ptr& ownError) {
        try {
            ZipArchive zip(bytes, fileName, context.limits);
            zip.countReadElsewhere(readBefore);
            for (std::size_t i; !failed && (i = next++) < n;) {
                try {
                    tables[i] = readXlsxSheet(zip, package.sheets[i], context, sinks[i], plainXml && sinks[i]);
                    if (sheetRead) sheetRead(i);
                } catch (...) {
                    errors[i] = std::current_exception();
                    failed = true;
                }
            }
            inflated += zip.bytesRead() - readBefore;
        } catch (...) {
            ownError = std::current_exception();
            failed = true;
        }
    };
    std::exception_ptr helperError;
    std::thread helper(work, std::ref(helperError));
    work(openError);
    helper.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
    if (openError) std::rethrow_exception(openError);
    if (helperError) std::rethrow_exception(helperError);
    // Each view checked its own reading against the limit; the sum is checked here.
    if (inflated > context.limits.maxTotalBytes)
        throw InvalidInput(fileName, "the workbook inflates to more than the " + std::to_string(context.limits.maxTotalBytes >> 20) +
                                         " MiB read in all from one workbook");
    return tables;
}

}  // namespace

Workbook readXlsx(const std::filesystem::path& file, const SpreadsheetLimits& limits) {
    return workbookFromXlsx(readWorkbookFile(file, limits), file.string(), limits);
}

Workbook workbookFromXlsx(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits) {
    return workbookFromXlsx(bytes, fileName, limits, SheetSinks{});
}

Workbook workbookFromXlsx(std::string_view bytes, const std::string& fileName, const SpreadsheetLimits& limits,
                          const SheetSinks& chooseSinks, bool plainXml, const SheetRead& sheetRead) {
    requireZip(bytes, fileName, "xlsx");
    ZipArchive zip(bytes, fileName, limits);
    const XlsxPackage package = readXlsxPackage(zip, limits);
    const std::vector<std::string> strings =
        package.sharedStringsPart.empty() ? std::vector<std::string>{} : readSharedStrings(zip, package.sharedStringsPart, limits);
    const std::vector<bool> dateStyles =
        package.stylesPart.empty() ? std::vector<bool>{} : readDateStyles(zip, package.stylesPart, limits);

    std::vector<RowSink> sinks(package.sheets.size());
    if (chooseSinks) {
        std::vector<std::string> names;
        for (const XlsxSheetPart& sheet : package.sheets) names.push_back(sheet.name);
        sinks = chooseSinks(names);
        sinks.resize(package.sheets.size());
    }

    Workbook workbook;
    workbook.file = fileName;
    std::atomic<std::size_t> cellsUsed{0};
    const XlsxSheetContext context{strings, dateStyles, package.date1904, limits, cellsUsed};
    // A large workbook is read two sheets at a time (limits.twoThreadsFrom): a
    // chain workbook's actors and flows sheets are about the same size, and
    // parsing is most of the time, so a second core nearly halves it.
    if (bytes.size() >= limits.twoThreadsFrom && package.sheets.size() >= 2) {
        workbook.sheets = readSheetsOnTwoThreads(bytes, fileName, package, context, zip.bytesRead(), sinks, plainXml, sheetRead);
        return workbook;
    }
    workbook.sheets.reserve(package.sheets.size());
    for (std::size_t i = 0; i < package.sheets.size(); ++i) {
        workbook.sheets.push_back(readXlsxSheet(zip, package.sheets[i], context, sinks[i], plainXml && sinks[i]));
        if (sheetRead) sheetRead(i);
    }
    return workbook;
}

}  // namespace traza::model
