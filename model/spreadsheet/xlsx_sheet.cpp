#include "xlsx_sheet.h"

#include <charconv>
#include <cmath>

#include "error.h"
#include "excel_date.h"
#include "ooxml_escape.h"
#include "plain_xml_scanner.h"
#include "sheet_builder.h"
#include "xlsx_package.h"
#include "xml_sax.h"
#include "zip_archive.h"

namespace traza::model {
namespace {

template <class T>
std::optional<T> parseWhole(std::string_view text) {
    T v{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

class SheetHandler : public XmlHandler {
public:
    SheetHandler(SheetBuilder& builder, const XlsxSheetContext& context) : m_builder(builder), m_context(context) {}

    std::size_t formulasWithoutResult() const { return m_formulasWithoutResult; }

    void startElement(std::string_view name, const XmlAttributes& a) override {
        // Cells live in <sheetData>; elsewhere (extensions, header texts) names may repeat.
        if (name == "sheetData") m_inSheetData = true;
        if (!m_inSheetData) return;
        if (name == "c") {
            startCell(a);
        } else if (name == "v") {
            m_value.clear();
            m_capture = Capture::Value;
            m_hasValue = true;
        } else if (name == "t" && m_inInline && m_inPhonetic == 0) {
            m_capture = Capture::Inline;
        } else if (name == "f") {
            m_hasFormula = true;
        } else if (name == "is") {
            m_inInline = true;
            m_inline.clear();
            m_hasValue = true;
        } else if (name == "rPh") {
            ++m_inPhonetic;
        } else if (name == "row") {
            const auto r = a.get("r");
            if (r) {
                const auto n = parseWhole<std::size_t>(*r);
                if (!n || *n < 1 || *n > m_context.limits.maxRow)
                    fail("row number '" + std::string(*r) + "' is outside the sheet (1 to " +
                         std::to_string(m_context.limits.maxRow) + ")");
                m_row = *n;
            } else {
                ++m_row;
            }
            m_nextColumn = 1;
        }
    }

    void endElement(std::string_view name) override {
        if (!m_inSheetData) return;
        if (name == "sheetData") m_inSheetData = false;
        else if (name == "v" || name == "t") m_capture = Capture::None;
        else if (name == "c") endCell();
        else if (name == "is") m_inInline = false;
        else if (name == "rPh") --m_inPhonetic;
    }

    void characters(std::string_view text) override {
        if (m_capture == Capture::None) return;
        std::string& into = m_capture == Capture::Value ? m_value : m_inline;
        // A cell holds at most 32 767 characters in Excel; allow for UTF-8 and more.
        if (into.size() + text.size() > kMaxCellBytes) cellFail("this cell holds more than 1 MiB of text");
        into.append(text);
    }

private:
    enum class Capture { None, Value, Inline };
    static constexpr std::size_t kMaxCellBytes = 1 << 20;

    [[noreturn]] void cellFail(const std::string& reason) const {
        throw InvalidInput(m_builder.table().location(m_line, m_column), reason);
    }

    // "D7" -> column 4, row 7. Longer letter or digit runs than the grid allows
    // are refused here; the builder checks the values against the grid.
    void parseReference(std::string_view ref) {
        std::size_t i = 0, column = 0, row = 0;
        while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) column = column * 26 + (ref[i++] - 'A' + 1);
        const std::size_t letters = i;
        while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - letters < 7) row = row * 10 + (ref[i++] - '0');
        if (letters == 0 || i == letters || i != ref.size() || row == 0)
            fail("cell reference '" + std::string(ref) + "' is not a cell of the sheet (A1 to " +
                 columnLetters(m_context.limits.maxColumn) + std::to_string(m_context.limits.maxRow) + ")");
        m_column = column;
        m_line = row;
    }

    void startCell(const XmlAttributes& a) {
        std::optional<std::string_view> r, t, s;
        a.forEach([&](std::string_view name, std::string_view value) {
            if (name == "r") r = value;
            else if (name == "t") t = value;
            else if (name == "s") s = value;
        });
        if (r) {
            parseReference(*r);
            if (m_row == 0) m_row = m_line;  // a cell outside any <row>: tolerate, take its row
            if (m_line != m_row)
                fail("cell " + std::string(*r) + " lies in row " + std::to_string(m_row) + " of the file");
        } else {
            m_line = m_row;
            m_column = m_nextColumn;
        }
        m_nextColumn = m_column + 1;
        m_type = t.value_or("n");
        m_style = s ? parseWhole<std::size_t>(*s).value_or(SIZE_MAX) : 0;
        m_hasValue = m_hasFormula = false;
        m_value.clear();
    }

    void endCell() {
        SheetCell cell;
        cell.line = m_line;
        cell.column = m_column;
        if (m_type == "inlineStr") {
            setText(cell, std::move(m_inline));
            m_inline.clear();
        } else if (m_hasValue) {
            convertValue(cell);
        }
        if (m_hasFormula && cell.kind == SheetCell::Kind::Empty) ++m_formulasWithoutResult;
        m_builder.add(std::move(cell));
    }

    void setText(SheetCell& cell, std::string text) {
        decodeOoxmlEscapes(text);
        if (text.empty()) return;
        cell.kind = SheetCell::Kind::Text;
        cell.text = std::move(text);
    }

    void convertValue(SheetCell& cell) {
        const std::string_view type = m_type;
        if (type == "n") {
            if (m_value.empty()) return;
            const auto v = parseWhole<double>(m_value);
            if (!v || !std::isfinite(*v)) cellFail("'" + m_value + "' is not a number, yet the cell says it holds one");
            cell.kind = SheetCell::Kind::Number;
            cell.number = *v;
            cell.text = m_value;
            if (m_style < m_context.dateStyles.size() && m_context.dateStyles[m_style]) {
                // A day that does not exist (serial 60 of 1900, before 1900, after 9999) stays a number.
                const double serial = *v + (m_context.date1904 ? kExcel1904Offset : 0);
                if (const auto date = excelSerialToDate(serial)) {
                    cell.kind = SheetCell::Kind::Date;
                    cell.number = std::floor(serial);
                    cell.text = isoDate(*date);
                }
            }
        } else if (type == "s") {
            const auto index = parseWhole<std::size_t>(m_value);
            if (!index || *index >= m_context.sharedStrings.size())
                cellFail("shared string " + m_value + " does not exist (the workbook has " +
                         std::to_string(m_context.sharedStrings.size()) + ")");
            const std::string& text = m_context.sharedStrings[*index];
            if (text.empty()) return;
            cell.kind = SheetCell::Kind::Text;
            cell.text = text;
        } else if (type == "str" || type == "e") {
            setText(cell, m_value);
        } else if (type == "b") {
            if (m_value != "0" && m_value != "1" && m_value != "true" && m_value != "false")
                cellFail("'" + m_value + "' is not a boolean, yet the cell says it holds one");
            const bool on = m_value == "1" || m_value == "true";
            cell.kind = SheetCell::Kind::Boolean;
            cell.number = on ? 1 : 0;
            cell.text = on ? "TRUE" : "FALSE";
        } else if (type == "d") {
            const auto date = parseIsoDate(m_value);
            const auto serial = date ? dateToExcelSerial(*date) : std::nullopt;
            if (!serial) cellFail("'" + m_value + "' is not a date from 1900 to 9999, yet the cell says it holds one");
            cell.kind = SheetCell::Kind::Date;
            cell.number = *serial;
            cell.text = isoDate(*date);
        } else {
            cellFail("unknown cell type '" + m_type + "'");
        }
    }

    SheetBuilder& m_builder;
    const XlsxSheetContext& m_context;
    std::size_t m_row = 0;         ///< current <row>
    std::size_t m_nextColumn = 1;  ///< for a <c> without r
    std::size_t m_line = 0, m_column = 0;  ///< current cell
    std::string m_type;
    std::size_t m_style = 0;
    std::string m_value;
    std::string m_inline;
    bool m_inSheetData = false;
    bool m_hasValue = false, m_hasFormula = false, m_inInline = false;
    int m_inPhonetic = 0;
    Capture m_capture = Capture::None;
    std::size_t m_formulasWithoutResult = 0;
};

}  // namespace

SheetTable readXlsxSheet(ZipArchive& zip, const XlsxSheetPart& sheet, const XlsxSheetContext& context, RowSink sink, bool plainXml) {
    SheetBuilder builder(zip.fileName(), sheet.name, context.limits, context.cellsUsed);
    if (sink) builder.setRowSink(std::move(sink));
    SheetHandler handler(builder, context);
    if (plainXml) scanPlainXmlPart(zip, sheet.part, handler);
    else parseXmlPart(zip, sheet.part, handler);
    SheetTable table = builder.finish();
    if (const std::size_t n = handler.formulasWithoutResult())
        table.notes.push_back("sheet " + sheet.name + ": " + std::to_string(n) +
                              " formula cell(s) had no saved result and were read as empty (the file was written "
                              "by a program that does not calculate; open and save it in Excel or LibreOffice)");
    return table;
}

}  // namespace traza::model
