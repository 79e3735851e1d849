// The Records sheet of the chain workbook (issue #19): one row per document of
// a delivery record, read back by model/records/records_sheet.h.
#include <array>

#include "chain_workbook_parts.h"
#include "error.h"

namespace traza::reports {
namespace {

using model::SheetKind;
using model::Vocabulary;

constexpr std::array<const char*, 10> kKeys = {"id",            "flow",            "date",    "tonnes",      "evidence",
                                               "document_type", "document_number", "payment", "price_per_t", "notes"};

}  // namespace

void writeRecordsSheet(Workbook& wb, const ChainBook& book, const std::vector<model::Flow>& flows) {
    Sheet sheet = wb.addSheet(book.words.sheetLabel("records", book.lang));
    const ChainFormats& f = book.formats;
    for (std::size_t i = 0; i < kKeys.size(); ++i) {
        const int col = static_cast<int>(i);
        const std::string label = book.words.columnLabel(SheetKind::Records, kKeys[i], book.lang);
        lxw_format* format = i == 2 ? f.date : i == 3 ? f.tonnes : i == 8 ? f.price : f.text;
        sheet.columnWidth(col, col, i == 9 ? 50 : std::max<double>(14, static_cast<double>(label.size()) + 4), format);
        sheet.text(0, col, label, i < 4 ? f.requiredHeader : f.tableHeader);
    }
    int row = 0;
    for (const model::Flow& flow : flows)
        for (const model::Record& r : flow.records) {
            // The first row carries the record; each further document repeats only the id and the document.
            const std::size_t rows = std::max<std::size_t>(1, r.documents.size());
            for (std::size_t d = 0; d < rows; ++d) {
                ++row;
                sheet.text(row, 0, r.id, f.text);
                if (d < r.documents.size()) {
                    sheet.text(row, 5, book.labels.label(Vocabulary::DocumentTypes, r.documents[d].type));
                    if (!r.documents[d].number.empty()) sheet.text(row, 6, r.documents[d].number, f.text);
                }
                if (d > 0) continue;
                sheet.text(row, 1, flow.id, f.text);
                if (auto serial = excelSerial(r.date)) sheet.number(row, 2, *serial, f.date);
                else sheet.text(row, 2, r.date, f.text);
                sheet.number(row, 3, r.tonnes, f.tonnes);
                sheet.text(row, 4, book.labels.label(Vocabulary::Evidence, std::string(model::toString(r.evidence))));
                sheet.text(row, 7, book.labels.label(Vocabulary::Payment, std::string(model::toString(r.payment))));
                sheet.number(row, 8, r.pricePerT, f.price);
                if (!r.notes.empty()) sheet.text(row, 9, r.notes, f.text);
            }
        }
    sheet.freeze(1, 0);
    sheet.autofilter(0, 0, row, static_cast<int>(kKeys.size()) - 1);
    sheet.printSetup(0, 0);
}

}  // namespace traza::reports
