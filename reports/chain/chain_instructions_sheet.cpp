// The Instructions sheet of the chain workbook, first in the tab order: what
// to fill, every column of Actors and Flows explained (meaning, whether it is
// required, unit, allowed values), and how to import the workbook.
#include <algorithm>

#include "chain_fields.h"
#include "chain_template_texts.h"
#include "chain_workbook_parts.h"

namespace traza::reports {
namespace {

using model::FieldType;
using model::SheetKind;
using model::Vocabulary;

constexpr double kMeaningWidth = 60, kUnitWidth = 22, kValuesWidth = 90;

// About how many lines a wrapped text takes in a column of that width (characters, not bytes).
std::size_t linesOf(std::string_view text, double width) {
    std::size_t chars = 0;
    for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return chars / static_cast<std::size_t>(width * 0.95) + 1;
}

std::string allowedValues(const ChainBook& book, FieldType type, Vocabulary v) {
    if (type == FieldType::Date) return std::string(templateText("date_format", book.lang));
    if (type != FieldType::Enumeration && type != FieldType::List && type != FieldType::Boolean) return {};
    std::string s;
    for (const auto& [id, label] : book.labels.values(type == FieldType::Boolean ? Vocabulary::None : v))
        s += (s.empty() ? "" : "; ") + label;
    return s;
}

template <typename Fields>
int writeColumns(Sheet& sheet, int row, const ChainBook& book, SheetKind kind, const Fields& fields) {
    const std::string sheetName = book.words.sheetLabel(kind == SheetKind::Actors ? "actors" : "flows", book.lang);
    for (const auto& field : fields) {
        const ColumnHelp help = columnHelp(kind, field.key, book.lang);
        const std::string values = allowedValues(book, field.type, field.vocabulary);
        // Rows are not fitted to wrapped text on opening (LibreOffice): give the lines room.
        const std::size_t lines = std::max({linesOf(help.meaning, kMeaningWidth), linesOf(help.unit, kUnitWidth), linesOf(values, kValuesWidth)});
        if (lines > 1) sheet.rowHeight(row, 15.0 * static_cast<double>(lines));
        sheet.text(row, 0, sheetName, book.formats.paragraph);
        sheet.text(row, 1, book.words.columnLabel(kind, field.key, book.lang), field.required ? book.formats.requiredHeader : book.formats.paragraph);
        sheet.text(row, 2, templateText(field.required ? "yes" : "no", book.lang), book.formats.paragraph);
        sheet.text(row, 3, help.meaning, book.formats.paragraph);
        sheet.text(row, 4, help.unit, book.formats.paragraph);
        sheet.text(row, 5, values, book.formats.paragraph);
        ++row;
    }
    return row;
}

}  // namespace

void writeInstructionsSheet(Workbook& wb, const ChainBook& book) {
    Sheet sheet = wb.addSheet(book.words.sheetLabel("instructions", book.lang));
    const double widths[] = {12, 28, 12, kMeaningWidth, kUnitWidth, kValuesWidth};
    for (int c = 0; c < 6; ++c) sheet.columnWidth(c, c, widths[c]);
    sheet.printSetup(0, -1);  // one page wide, nothing repeated

    sheet.text(0, 0, templateText("title", book.lang), book.formats.title);
    int row = 2;
    for (const char* key : {"intro", "lists", "import"}) {
        sheet.rowHeight(row, 48);
        sheet.merged(row++, 0, 5, templateText(key, book.lang), book.formats.paragraph);
    }
    ++row;
    const char* heads[] = {"head.sheet", "head.column", "head.required", "head.meaning", "head.unit", "head.values"};
    for (int c = 0; c < 6; ++c) sheet.text(row, c, templateText(heads[c], book.lang), book.formats.tableHeader);
    row = writeColumns(sheet, row + 1, book, SheetKind::Actors, model::actorFields());
    writeColumns(sheet, row, book, SheetKind::Flows, model::flowFields());
}

}  // namespace traza::reports
