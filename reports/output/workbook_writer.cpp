#include "workbook_writer.h"

#include <algorithm>

#include "error.h"
#include "tab_order.h"

namespace traza::reports {

void checkLxw(lxw_error e, std::string_view what) {
    if (e == LXW_NO_ERROR) return;
    throw Error("Excel writer: " + std::string(what) + ": " + lxw_strerror(e));
}

std::string columnName(int col) {
    std::string name;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), char('A' + (c - 1) % 26));
    return name;
}

std::string cellName(int row, int col, bool absolute) {
    const std::string dollar = absolute ? "$" : "";
    return dollar + columnName(col) + dollar + std::to_string(row + 1);
}

std::string rangeName(int firstRow, int firstCol, int lastRow, int lastCol, bool absolute) {
    return cellName(firstRow, firstCol, absolute) + ":" + cellName(lastRow, lastCol, absolute);
}

std::string quotedSheet(std::string_view sheet) {
    std::string q = "'";
    for (char c : sheet) {
        if (c == '\'') q += '\'';
        q += c;
    }
    return q + "'";
}

namespace {

constexpr std::size_t kMaxCellChars = 32767;

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
std::size_t utf8Length(std::string_view s, std::size_t i) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    if (n == 2 && b < 0xC2) return 0;  // overlong
    if (n == 3) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if ((b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0)) return 0;  // overlong, surrogate
    }
    if (n == 4) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if ((b == 0xF0 && b1 < 0x90) || b > 0xF4 || (b == 0xF4 && b1 >= 0x90)) return 0;
    }
    return n;
}

}  // namespace

std::string cellText(std::string_view text) {
    // Fast path (almost every cell): short, printable ASCII, nothing to change.
    if (text.size() <= kMaxCellChars &&
        std::all_of(text.begin(), text.end(), [](char c) {
            const auto b = static_cast<unsigned char>(c);
            return (b >= 0x20 && b < 0x80) || b == '\t' || b == '\n';
        }))
        return std::string(text);
    std::string out;
    out.reserve(std::min(text.size(), kMaxCellChars * 4));
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size() && chars < kMaxCellChars;) {
        std::size_t n = utf8Length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD
            i += 1;
        } else {
            const auto b = static_cast<unsigned char>(text[i]);
            const bool forbidden = n == 1 && b < 0x20 && b != '\t' && b != '\n';
            if (!forbidden) out.append(text.substr(i, n));
            i += n;
            if (forbidden) continue;
        }
        // Excel counts UTF-16 units; a 4-byte sequence is two of them.
        chars += (n == 4) ? 2 : 1;
    }
    return out;
}

void Sheet::rowOrder(int row, const char* what) {
    // Both modes follow the constant-memory rule, so a writer that works in one works in both.
    if (row < m_lastRow)
        throw Error("Excel writer: " + m_name + ": " + what + " at row " + std::to_string(row + 1) +
                    " after row " + std::to_string(m_lastRow + 1) + " (rows must be written in order)");
    m_lastRow = row;
}

void Sheet::text(int row, int col, std::string_view value, lxw_format* format) {
    rowOrder(row, "text");
    if (m_sparse && value.empty()) return;
    const std::string safe = cellText(value);
    if (lxw_error e = worksheet_write_string(m_ws, row, col, safe.c_str(), orDefault(format)))
        checkLxw(e, m_name + "!" + cellName(row, col));
}

void Sheet::number(int row, int col, double value, lxw_format* format) {
    rowOrder(row, "number");
    if (lxw_error e = worksheet_write_number(m_ws, row, col, value, orDefault(format)))
        checkLxw(e, m_name + "!" + cellName(row, col));
}

void Sheet::formula(int row, int col, const std::string& f, double cached, lxw_format* format) {
    rowOrder(row, "formula");
    if (lxw_error e = worksheet_write_formula_num(m_ws, row, col, f.c_str(), orDefault(format), cached))
        checkLxw(e, m_name + "!" + cellName(row, col) + " " + f);
}

void Sheet::formulaText(int row, int col, const std::string& f, std::string_view cached, lxw_format* format) {
    rowOrder(row, "formula");
    const std::string safe = cellText(cached);
    if (lxw_error e = worksheet_write_formula_str(m_ws, row, col, f.c_str(), orDefault(format), safe.c_str()))
        checkLxw(e, m_name + "!" + cellName(row, col) + " " + f);
}

void Sheet::blank(int row, int col, lxw_format* format) {
    rowOrder(row, "blank");
    if (lxw_error e = worksheet_write_blank(m_ws, row, col, format)) checkLxw(e, m_name + "!" + cellName(row, col));
}

void Sheet::merged(int row, int firstCol, int lastCol, std::string_view value, lxw_format* format) {
    rowOrder(row, "merged cells");
    const std::string safe = cellText(value);
    if (firstCol == lastCol) {
        if (lxw_error e = worksheet_write_string(m_ws, row, firstCol, safe.c_str(), orDefault(format)))
            checkLxw(e, m_name + "!" + cellName(row, firstCol));
        return;
    }
    if (lxw_error e = worksheet_merge_range(m_ws, row, firstCol, row, lastCol, safe.c_str(), orDefault(format)))
        checkLxw(e, m_name + "!" + rangeName(row, firstCol, row, lastCol));
}

void Sheet::rowHeight(int row, double points) {
    rowOrder(row, "row height");
    if (lxw_error e = worksheet_set_row(m_ws, row, points, nullptr)) checkLxw(e, m_name + ": row height");
}

void Sheet::columnWidth(int firstCol, int lastCol, double width, lxw_format* format) {
    if (static_cast<int>(m_widths.size()) <= lastCol) m_widths.resize(lastCol + 1, 8.43);  // Excel's default width
    for (int c = firstCol; c <= lastCol; ++c) m_widths[c] = width;
    checkLxw(worksheet_set_column(m_ws, firstCol, lastCol, width, format), m_name + ": column width");
}

void Sheet::freeze(int rows, int cols) { worksheet_freeze_panes(m_ws, rows, cols); }

void Sheet::rangeOrder(int lastRow, const char* what) {
    // libxlsxwriter refuses these in constant-memory mode once a row below the range is written.
    if (lastRow < m_lastRow)
        throw Error("Excel writer: " + m_name + ": " + what + " ending at row " + std::to_string(lastRow + 1) +
                    " set after row " + std::to_string(m_lastRow + 1) + " was written");
}

void Sheet::autofilter(int firstRow, int firstCol, int lastRow, int lastCol) {
    rangeOrder(std::max(firstRow, lastRow), "autofilter");
    checkLxw(worksheet_autofilter(m_ws, firstRow, firstCol, std::max(firstRow, lastRow), lastCol),
             m_name + ": autofilter");
}

void Sheet::conditional(int firstRow, int firstCol, int lastRow, int lastCol, lxw_conditional_format& cf) {
    if (lastRow < firstRow) return;  // empty table: nothing to colour
    rangeOrder(lastRow, "conditional format");
    checkLxw(worksheet_conditional_format_range(m_ws, firstRow, firstCol, lastRow, lastCol, &cf),
             m_name + ": conditional format");
}

void Sheet::chart(int row, int col, lxw_chart* chart, double xScale, double yScale) {
    lxw_chart_options opt{};
    opt.x_scale = xScale;
    opt.y_scale = yScale;
    checkLxw(worksheet_insert_chart_opt(m_ws, row, col, chart, &opt), m_name + ": chart");
}

void Sheet::imageBuffer(int row, int col, const unsigned char* data, std::size_t size, double scale,
                        const std::string& description) {
    lxw_image_options opt{};
    opt.x_scale = scale;
    opt.y_scale = scale;
    opt.x_offset = 4;
    opt.y_offset = 4;
    std::string desc = cellText(description);
    opt.description = desc.data();
    checkLxw(worksheet_insert_image_buffer_opt(m_ws, row, col, data, size, &opt), m_name + ": picture");
}

void Sheet::printSetup(int repeatFirstRow, int repeatLastRow, int repeatCols) {
    // About 250 width units fit a landscape A4 page at a readable 65% or more. A wider
    // sheet is fitted to as many pages across as it needs at that size (at most 3),
    // repeating its first `repeatCols` columns, rather than printed at a fixed scale.
    constexpr double kOnePageWidth = 250;
    constexpr int kMaxPagesAcross = 3;
    double width = 0;
    for (double w : m_widths) width += w;
    worksheet_set_landscape(m_ws);
    worksheet_set_paper(m_ws, 9);  // A4
    int across = 1;
    if (width > kOnePageWidth) {
        double repeated = 0;
        for (int c = 0; c < repeatCols && c < static_cast<int>(m_widths.size()); ++c) repeated += m_widths[c];
        while (across < kMaxPagesAcross && width + repeated * across > kOnePageWidth * across) ++across;
        if (repeatCols > 0) checkLxw(worksheet_repeat_columns(m_ws, 0, repeatCols - 1), m_name + ": print titles");
        worksheet_print_across(m_ws);
    }
    worksheet_fit_to_pages(m_ws, static_cast<std::uint16_t>(across), 0);
    // Only the columns that were laid out: text running past the last one would
    // otherwise widen what is printed and shrink every page.
    if (!m_widths.empty())
        checkLxw(worksheet_print_area(m_ws, 0, 0, LXW_ROW_MAX - 1, static_cast<lxw_col_t>(m_widths.size() - 1)),
                 m_name + ": print area");
    if (repeatLastRow >= repeatFirstRow)
        checkLxw(worksheet_repeat_rows(m_ws, repeatFirstRow, repeatLastRow), m_name + ": print titles");
}

void Sheet::pageBreaks(const std::vector<int>& rows) {
    std::vector<lxw_row_t> breaks(rows.begin(), rows.end());
    breaks.push_back(0);  // the list ends with 0
    checkLxw(worksheet_set_h_pagebreaks(m_ws, breaks.data()), m_name + ": page breaks");
}

Workbook::Workbook(const std::filesystem::path& file, bool constantMemory) : m_constantMemory(constantMemory) {
    lxw_workbook_options opt{};
    opt.constant_memory = constantMemory ? LXW_TRUE : LXW_FALSE;
    opt.use_zip64 = LXW_TRUE;  // large chains can pass the 4 GB zip limit of a part
    m_wb = workbook_new_opt(file.c_str(), &opt);
    if (!m_wb) throw Error("Excel writer: cannot start a workbook for " + file.string());
}

Workbook::~Workbook() {
    if (m_wb) lxw_workbook_free(m_wb);
}

Sheet Workbook::addSheet(const std::string& name, lxw_format* defaultFormat) {
    if (m_tabOrder) m_tabOrder->waitForTurn();
    lxw_worksheet* ws = nullptr;
    {
        std::lock_guard lock(m_mutex);
        ws = workbook_add_worksheet(m_wb, name.c_str());
    }
    if (!ws) throw Error("Excel writer: cannot add sheet \"" + name + "\"");
    if (m_tabOrder) m_tabOrder->sheetAdded();
    return Sheet(ws, name, defaultFormat);
}

lxw_format* Workbook::addFormat() {
    std::lock_guard lock(m_mutex);
    lxw_format* f = workbook_add_format(m_wb);
    if (!f) throw Error("Excel writer: cannot add a cell format");
    m_formats.push_back(f);
    return f;
}

void Workbook::indexFormats(const std::vector<lxw_format*>& conditionalFormats) {
    std::lock_guard lock(m_mutex);
    for (lxw_format* f : m_formats) lxw_format_get_xf_index(f);
    for (lxw_format* f : conditionalFormats) lxw_format_get_dxf_index(f);
}

lxw_chart* Workbook::addChart(std::uint8_t type) {
    std::lock_guard lock(m_mutex);
    lxw_chart* c = workbook_add_chart(m_wb, type);
    if (!c) throw Error("Excel writer: cannot add a chart");
    return c;
}

void Workbook::setProperties(const std::string& title, const std::string& subject, const std::string& author,
                             const std::string& company, const std::string& comments) {
    // libxlsxwriter copies the strings; it only lacks const in its signature.
    std::string t = cellText(title), s = cellText(subject), a = cellText(author), c = cellText(company),
                k = cellText(comments);
    lxw_doc_properties p{};
    p.title = t.data();
    p.subject = s.data();
    p.author = a.data();
    p.company = c.data();
    p.comments = k.data();
    checkLxw(workbook_set_properties(m_wb, &p), "document properties");
}

void Workbook::close() {
    lxw_workbook* wb = m_wb;
    m_wb = nullptr;  // workbook_close frees the workbook whatever it returns
    checkLxw(workbook_close(wb), "writing the file");
}

}  // namespace traza::reports
