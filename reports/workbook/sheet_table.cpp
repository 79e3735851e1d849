#include "sheet_table.h"

#include <cmath>

#include "error.h"

namespace traza::reports {

Sheet beginTableSheet(ReportContext& ctx, const std::string& sheetName, std::string_view titleKey,
                      const std::vector<Column>& columns, int frozenCols) {
    Sheet sheet = ctx.book.addSheet(sheetName, ctx.fmt.text);
    for (int c = 0; c < static_cast<int>(columns.size()); ++c)
        sheet.columnWidth(c, c, columns[c].width, columns[c].format);
    sheet.rowHeight(kTitleRow, 22);
    sheet.text(kTitleRow, 0, ctx.text(titleKey), ctx.fmt.title);
    writeHeaderRow(ctx, sheet, kHeaderRow, columns);
    sheet.freeze(kFirstDataRow, frozenCols);
    return sheet;
}

std::string headerText(const ReportContext& ctx, const Column& c) {
    if (!c.text.empty()) return c.text;
    return c.computed ? ctx.text(c.key) + "\n" + ctx.text("col.not_live") : ctx.text(c.key);
}

void writeHeaderRow(ReportContext& ctx, Sheet& sheet, int row, const std::vector<Column>& columns, int firstCol) {
    double height = 15;
    // Bold header text is wider than body text: estimate with 85% of the column.
    for (const Column& c : columns) height = std::max(height, wrappedHeight(headerText(ctx, c), c.width * 0.85));
    sheet.rowHeight(row, height);
    for (int c = 0; c < static_cast<int>(columns.size()); ++c)
        sheet.text(row, firstCol + c, headerText(ctx, columns[c]), ctx.fmt.header);
}

int columnOf(const std::vector<Column>& columns, std::string_view key) {
    for (int c = 0; c < static_cast<int>(columns.size()); ++c)
        if (columns[c].key == key) return c;
    throw Error("report: no column " + std::string(key));
}

void finishTable(Sheet& sheet, int headerRow, int lastRow, int columnCount, int repeatCols) {
    sheet.autofilter(headerRow, 0, lastRow, columnCount - 1);
    sheet.printSetup(headerRow, headerRow, repeatCols);
}

namespace {

lxw_conditional_format equalTo(const std::string& quoted, lxw_format* format) {
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_CELL;
    cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
    cf.value_string = const_cast<char*>(quoted.c_str());  // copied by libxlsxwriter
    cf.format = format;
    return cf;
}

}  // namespace

void colourLevels(ReportContext& ctx, Sheet& sheet, int firstRow, int col, int lastRow) {
    const std::pair<const char*, lxw_format*> rules[] = {{"critical", ctx.fmt.fillCritical},
                                                         {"high", ctx.fmt.fillHigh},
                                                         {"medium", ctx.fmt.fillMedium},
                                                         {"low", ctx.fmt.fillLow}};
    for (const auto& [level, format] : rules) {
        const std::string quoted = formulaString(ctx.text.level(level));
        lxw_conditional_format cf = equalTo(quoted, format);
        sheet.conditional(firstRow, col, lastRow, col, cf);
    }
}

void colourCompliance(ReportContext& ctx, Sheet& sheet, int firstRow, int firstCol, int lastRow, int lastCol) {
    // Formula rules with ISNUMBER: a plain "cell >= 1" rule would also colour text
    // cells (Excel ranks text above every number), such as an empty completion.
    const std::string x = cellName(firstRow, firstCol);
    const std::pair<std::string, lxw_format*> rules[] = {
        {"=AND(ISNUMBER(" + x + ")," + x + ">=1)", ctx.fmt.fillGood},
        {"=AND(ISNUMBER(" + x + ")," + x + ">=0.5," + x + "<1)", ctx.fmt.fillMedium},
        {"=AND(ISNUMBER(" + x + ")," + x + "<0.5)", ctx.fmt.fillCritical},
    };
    for (const auto& [formula, format] : rules) {
        lxw_conditional_format cf{};
        cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
        cf.value_string = const_cast<char*>(formula.c_str());
        cf.format = format;
        sheet.conditional(firstRow, firstCol, lastRow, lastCol, cf);
    }
}

double wrappedHeight(std::string_view text, double widthChars) {
    // A width unit is one digit of the default font; running text fits about 1.2
    // characters per unit (measured in LibreOffice with Carlito 11). Count code points.
    const double perLine = std::max(1.0, widthChars * 1.2);
    double lines = 0;
    std::size_t lineChars = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            lines += std::max(1.0, std::ceil(lineChars / perLine));
            lineChars = 0;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++lineChars;
        }
    }
    return std::min(409.0, std::max(15.0, lines * 15.0));  // 409 pt: Excel's tallest row
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& p : parts) {
        if (p.empty()) continue;
        if (!out.empty()) out += separator;
        out += p;
    }
    return out;
}

std::string formulaString(std::string_view value) {
    std::string q = "\"";
    for (char c : value) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

std::string exactCriterion(std::string_view value) {
    // "=" first makes the criterion an equality even when the value starts with < > =;
    // ~ escapes the wildcards * ? and ~ itself.
    std::string c = "=";
    for (char ch : value) {
        if (ch == '*' || ch == '?' || ch == '~') c += '~';
        c += ch;
    }
    return formulaString(c);
}

std::string yesNo(const ReportContext& ctx, bool v) { return ctx.text(v ? "common.yes" : "common.no"); }

}  // namespace traza::reports
