#include "chain_workbook.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "atomic_output.h"
#include "chain_fields.h"
#include "chain_template_texts.h"
#include "chain_workbook_parts.h"
#include "error.h"
#include "labels.h"

namespace traza::reports {
namespace {

using model::FieldType;
using model::FieldValue;
using model::SheetKind;
using model::Vocabulary;

constexpr int kLastRow = 1'048'575;  // 0-based: the checks reach rows a user adds
constexpr std::size_t kMaxCellUnits = 32'767;

// Excel counts a cell's length in UTF-16 units.
std::size_t utf16Units(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80) n += b >= 0xF0 ? 2 : 1;
    }
    return n;
}

}  // namespace

std::optional<double> excelSerial(const std::string& iso) {
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || y < 1900 || m < 1 || m > 12 || d < 1 ||
        d > 31)
        return std::nullopt;
    // Days from 1970-01-01 (H. Hinnant's days_from_civil).
    auto days = [](long y, long m, long d) {
        y -= m <= 2;
        const long era = (y >= 0 ? y : y - 399) / 400;
        const long yoe = y - era * 400;
        const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
    };
    const long serial = days(y, m, d) - days(1899, 12, 30);
    // Excel counts a 29 February 1900 that never was: earlier days are one less.
    return static_cast<double>(serial < 61 ? serial - 1 : serial);
}

namespace {

// The cell format and the width of a field's column.
struct Column {
    lxw_format* format = nullptr;
    double width = 14;
};

template <typename Field>
Column columnOf(const Field& field, const ChainBook& book, const std::string& label) {
    const ChainFormats& f = book.formats;
    Column c;
    switch (field.type) {
        case FieldType::Number: c.format = field.key == "price_per_t" ? f.price : f.tonnes; break;
        case FieldType::Integer: c.format = f.integer; break;
        case FieldType::Date: c.format = f.date; break;
        case FieldType::Text: c.format = f.text; break;
        default: break;
    }
    const double wide = field.key == "notes" ? 50 : field.vocabulary == Vocabulary::Typology ? 40 : field.type == FieldType::List ? 36 : 12;
    c.width = std::max(wide, static_cast<double>(utf16Units(label)) + 4);
    return c;
}

void validate(Sheet& sheet, int col, lxw_data_validation& v, std::string_view title, std::string_view message, const std::string& where) {
    std::string t(title), m(message);
    v.error_title = t.data();
    v.error_message = m.data();
    checkLxw(worksheet_data_validation_range(sheet.raw(), 1, col, kLastRow, col, &v), where + ": data validation");
}

// The check Excel applies to what a user types in a field's column.
template <typename Field>
void addValidation(Sheet& sheet, int col, const Field& field, const ChainBook& book) {
    const std::string where = sheet.name() + "!" + columnName(col);
    lxw_data_validation v{};
    if (field.type == FieldType::Enumeration || field.type == FieldType::Boolean) {
        // A warning, not a stop: a synonym the importer knows ("Autodeclarada") may stay.
        std::string range = listRange(book, field.type == FieldType::Boolean ? Vocabulary::None : field.vocabulary);
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = range.data();
        v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        return validate(sheet, col, v, templateText("list.title", book.lang), templateText("list.message", book.lang), where);
    }
    if (field.type == FieldType::Integer) {
        const bool stage = field.key == "stage";
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = stage ? LXW_VALIDATION_CRITERIA_BETWEEN : LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.minimum_number = 1;
        v.maximum_number = 9;
        v.value_number = 0;
        return validate(sheet, col, v, templateText("number.title", book.lang),
                        templateText(stage ? "number.stage" : "number.headcount", book.lang), where);
    }
    if (field.type == FieldType::Number && field.key != "stock_change_t") {
        const bool positive = field.key == "tonnes";
        v.validate = LXW_VALIDATION_TYPE_DECIMAL;
        v.criteria = positive ? LXW_VALIDATION_CRITERIA_GREATER_THAN : LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 0;
        return validate(sheet, col, v, templateText("number.title", book.lang),
                        templateText(positive ? "number.positive" : "number.nonnegative", book.lang), where);
    }
    if (field.type == FieldType::Date) {
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_datetime = {1900, 1, 1, 0, 0, 0};
        v.maximum_datetime = {9999, 12, 31, 0, 0, 0};
        v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;  // the importer also reads a date typed as text
        return validate(sheet, col, v, templateText("date.title", book.lang), templateText("date.message", book.lang), where);
    }
}

// "actor "A-7"" for messages, the id cut to a readable length (at a character boundary).
std::string recordName(const char* what, const std::string& id) {
    std::size_t cut = id.size() > 60 ? 60 : id.size();
    while (cut < id.size() && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
    return std::string(what) + " \"" + id.substr(0, cut) + (cut < id.size() ? "..." : "") + "\"";
}

// One sheet: header, column formats and checks, then the records a row each.
template <typename Record, typename Fields>
void writeRecordSheet(Workbook& wb, const ChainBook& book, SheetKind kind, const Fields& fields, const std::vector<Record>& records) {
    const char* what = kind == SheetKind::Actors ? "actor" : "flow";
    Sheet sheet = wb.addSheet(book.words.sheetLabel(kind == SheetKind::Actors ? "actors" : "flows", book.lang));
    std::vector<Column> columns;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const int col = static_cast<int>(i);
        const std::string label = book.words.columnLabel(kind, fields[i].key, book.lang);
        columns.push_back(columnOf(fields[i], book, label));
        sheet.columnWidth(col, col, columns.back().width, columns.back().format);
        // The header is exactly the label, so the importer reads it back; "required" is its colour and note.
        sheet.text(0, col, label, fields[i].required ? book.formats.requiredHeader : book.formats.tableHeader);
        const ColumnHelp help = columnHelp(kind, fields[i].key, book.lang);
        std::string note = std::string(help.meaning) + (help.unit.empty() ? "" : " (" + std::string(help.unit) + ")");
        if (fields[i].required) note = std::string(templateText("required", book.lang)) + ". " + note;
        checkLxw(worksheet_write_comment(sheet.raw(), 0, col, note.c_str()), sheet.name() + "!" + cellName(0, col) + ": note");
        addValidation(sheet, col, fields[i], book);
    }
    const int lastCol = static_cast<int>(fields.size()) - 1;
    sheet.freeze(1, 0);
    sheet.autofilter(0, 0, static_cast<int>(records.size()), lastCol);
    sheet.printSetup(0, 0);  // the header on every printed page

    auto tooLong = [&](const Record& r, const auto& field, std::size_t units) {
        return InvalidInput(recordName(what, r.id), std::string(field.key) + ": " + std::to_string(units) +
                                                         " characters; an Excel cell holds at most 32767 (export the chain as JSON instead)");
    };
    int row = 0;
    for (const Record& r : records) {
        ++row;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const auto& field = fields[i];
            const int col = static_cast<int>(i);
            FieldValue value = field.get(r);
            switch (field.type) {
                case FieldType::Number: sheet.number(row, col, std::get<double>(value), columns[i].format); break;
                case FieldType::Integer: sheet.number(row, col, std::get<int>(value), columns[i].format); break;
                case FieldType::Boolean:
                    sheet.text(row, col, book.labels.label(Vocabulary::None, std::get<bool>(value) ? "true" : "false"));
                    break;
                case FieldType::Enumeration:
                    if (const auto& id = std::get<std::string>(value); !id.empty()) sheet.text(row, col, book.labels.label(field.vocabulary, id));
                    break;
                case FieldType::Date: {
                    const auto& iso = std::get<std::string>(value);
                    if (iso.empty()) break;
                    if (auto serial = excelSerial(iso)) sheet.number(row, col, *serial, columns[i].format);
                    else sheet.text(row, col, iso, book.formats.text);
                    break;
                }
                case FieldType::Text: {
                    const auto& text = std::get<std::string>(value);
                    if (text.empty()) break;
                    if (const std::size_t units = utf16Units(text); units > kMaxCellUnits) throw tooLong(r, field, units);
                    sheet.text(row, col, text, columns[i].format);
                    break;
                }
                case FieldType::List: {
                    std::string joined;
                    for (const std::string& id : std::get<std::vector<std::string>>(value))
                        joined += (joined.empty() ? "" : "; ") + book.labels.label(field.vocabulary, id);
                    if (joined.empty()) break;
                    if (const std::size_t units = utf16Units(joined); units > kMaxCellUnits) throw tooLong(r, field, units);
                    sheet.text(row, col, joined);
                    break;
                }
            }
        }
    }
}

void writeChainBook(const std::filesystem::path& out, std::string_view lang, const model::Catalogue& catalogue,
                    const std::vector<model::Actor>& actors, const std::vector<model::Flow>& flows) {
    const Labels language{std::string(lang)};  // refuses a language other than en/es
    if (out.empty()) throw InvalidInput("output", "no output file given");
    const model::SpreadsheetWords& words = model::SpreadsheetWords::installed();
    const ChainValueLabels labels(lang, catalogue, words);

    AtomicOutput output(out);
    {
        Workbook wb(output.tempPath(), true);
        const ChainFormats formats = ChainFormats::create(wb);
        const ChainBook book{std::string(lang), catalogue, words, labels, formats};
        wb.setProperties(std::string(templateText("title", lang)), "", "", "", "Traza " TRAZA_VERSION);
        writeInstructionsSheet(wb, book);
        writeRecordSheet(wb, book, SheetKind::Actors, model::actorFields(), actors);
        writeRecordSheet(wb, book, SheetKind::Flows, model::flowFields(), flows);
        // Delivery records (issue #19): a sheet only when some flow has records.
        if (std::any_of(flows.begin(), flows.end(), [](const model::Flow& f) { return !f.records.empty(); }))
            writeRecordsSheet(wb, book, flows);
        writeListsSheet(wb, book);
        wb.close();
    }
    output.commit();
}

}  // namespace

ChainFormats ChainFormats::create(Workbook& wb) {
    ChainFormats f;
    f.title = wb.addFormat();
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.paragraph = wb.addFormat();
    format_set_text_wrap(f.paragraph);
    format_set_align(f.paragraph, LXW_ALIGN_VERTICAL_TOP);
    f.tableHeader = wb.addFormat();
    format_set_bold(f.tableHeader);
    format_set_bg_color(f.tableHeader, 0xD9D9D9);
    format_set_bottom(f.tableHeader, LXW_BORDER_THIN);
    f.requiredHeader = wb.addFormat();
    format_set_bold(f.requiredHeader);
    format_set_bg_color(f.requiredHeader, 0xF8CBAD);
    format_set_bottom(f.requiredHeader, LXW_BORDER_THIN);
    format_set_align(f.requiredHeader, LXW_ALIGN_VERTICAL_TOP);  // also marks required names on Instructions
    f.text = wb.addFormat();
    format_set_num_format(f.text, "@");
    f.tonnes = wb.addFormat();
    format_set_num_format(f.tonnes, "#,##0.0##");
    f.integer = wb.addFormat();
    format_set_num_format(f.integer, "0");
    f.price = wb.addFormat();
    format_set_num_format(f.price, "#,##0.00");
    f.date = wb.addFormat();
    format_set_num_format(f.date, "yyyy-mm-dd");
    return f;
}

void writeChainTemplate(const std::filesystem::path& out, std::string_view lang, const model::Catalogue& catalogue) {
    writeChainBook(out, lang, catalogue, {}, {});
}

void writeChainWorkbook(const std::filesystem::path& out, const model::Project& project, std::string_view lang) {
    writeChainBook(out, lang, project.catalogue, project.actors, project.flows);
}

}  // namespace traza::reports
