#pragma once
// A thin RAII layer over libxlsxwriter: every lxw_error becomes a traza::Error
// naming what was being written, text is made safe for the XML inside an .xlsx,
// and a workbook that is never closed writes nothing (its memory is freed).
//
// Rows must be written in ascending order on each sheet (constant-memory mode
// flushes a row as soon as a later one is started), and an autofilter or a
// conditional format must be set before any row below its range is written.
// Sheet checks both in either mode, so a writer that works in one works in both.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <xlsxwriter.h>

#include "tmpfile_buffer.h"

namespace traza::reports {

class TabOrder;

/// Throws traza::Error("Excel writer: <what>: <lxw message>") unless `e` is LXW_NO_ERROR.
void checkLxw(lxw_error e, std::string_view what);

/// "A", "B", ..., "Z", "AA", ... for a 0-based column.
std::string columnName(int col);
/// "B7" for (row 6, col 1); absolute "$B$7" when `absolute`.
std::string cellName(int row, int col, bool absolute = false);
/// "B7:D9".
std::string rangeName(int firstRow, int firstCol, int lastRow, int lastCol, bool absolute = false);
/// A sheet name quoted for formulas: 'Red flags'
std::string quotedSheet(std::string_view sheet);

/// Text that is valid in an .xlsx cell: invalid UTF-8 replaced by U+FFFD, XML-forbidden
/// control characters dropped, cut to Excel's 32 767 characters.
std::string cellText(std::string_view text);

class Sheet {
public:
    /// `defaultFormat` is used for cells written without a format (e.g. top-aligned text).
    Sheet(lxw_worksheet* ws, std::string name, lxw_format* defaultFormat = nullptr)
        : m_ws(ws), m_name(std::move(name)), m_default(defaultFormat) {}

    const std::string& name() const { return m_name; }
    lxw_worksheet* raw() const { return m_ws; }

    /// Sparse writing (the national layout): empty text writes no cell at all, and
    /// cells written without a format get none (not the sheet's default format), so
    /// no padding cell and no per-cell style repeats what the column already says.
    void setSparse(bool sparse) { m_sparse = sparse; }
    bool sparse() const { return m_sparse; }

    void text(int row, int col, std::string_view value, lxw_format* format = nullptr);
    void number(int row, int col, double value, lxw_format* format = nullptr);
    /// A formula ("=A1+B1") with the value it evaluates to cached, for readers that
    /// do not recalculate.
    void formula(int row, int col, const std::string& formula, double cached, lxw_format* format = nullptr);
    void formulaText(int row, int col, const std::string& formula, std::string_view cached,
                     lxw_format* format = nullptr);
    void blank(int row, int col, lxw_format* format);
    /// Text across columns firstCol..lastCol of one row.
    void merged(int row, int firstCol, int lastCol, std::string_view value, lxw_format* format);

    void rowHeight(int row, double points);
    void columnWidth(int firstCol, int lastCol, double width, lxw_format* format = nullptr);
    void freeze(int rows, int cols = 0);
    void autofilter(int firstRow, int firstCol, int lastRow, int lastCol);
    void conditional(int firstRow, int firstCol, int lastRow, int lastCol, lxw_conditional_format& cf);
    void chart(int row, int col, lxw_chart* chart, double xScale = 1, double yScale = 1);
    void imageBuffer(int row, int col, const unsigned char* data, std::size_t size, double scale,
                     const std::string& description);
    /// Landscape A4 with the header rows repeated on every printed page. A sheet
    /// whose columns fit is printed one page wide; a wider one at 60% across pages,
    /// repeating its first `repeatCols` columns (shrinking 28 columns onto one page
    /// would make them unreadable).
    void printSetup(int repeatFirstRow, int repeatLastRow, int repeatCols = 0);
    /// Printed pages start at these (0-based) rows.
    void pageBreaks(const std::vector<int>& rows);

private:
    void rowOrder(int row, const char* what);
    void rangeOrder(int lastRow, const char* what);

    lxw_format* orDefault(lxw_format* f) const { return f ? f : m_sparse ? nullptr : m_default; }

    lxw_worksheet* m_ws;
    std::string m_name;
    lxw_format* m_default = nullptr;
    bool m_sparse = false;
    int m_lastRow = -1;
    std::vector<double> m_widths;  ///< set column widths, by column
};

class Workbook {
public:
    /// Prepares (does not yet create) the file; libxlsxwriter writes it at close().
    Workbook(const std::filesystem::path& file, bool constantMemory);
    ~Workbook();  ///< frees without writing when close() was not reached; never throws
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    /// Adds a sheet; its tab comes after every sheet added before. With a tab
    /// order set, waits for the calling task's turn first (tab_order.h).
    Sheet addSheet(const std::string& name, lxw_format* defaultFormat = nullptr);
    lxw_format* addFormat();
    lxw_chart* addChart(std::uint8_t type);

    /// Gives every format added so far its cell-style index now, and each of
    /// `conditionalFormats` its conditional-style index, in the order they were
    /// added. libxlsxwriter otherwise numbers a format when a cell first uses it,
    /// so two threads writing cells would number shared formats at once, in an
    /// order that depends on timing. After this, writing cells leaves the formats
    /// unchanged, and sheets can be filled on two threads (sheet_lanes.h).
    void indexFormats(const std::vector<lxw_format*>& conditionalFormats);
    /// Sheets are added in `order` from now on (nullptr: in call order). Sheets can be
    /// filled on two threads only in constant-memory mode: otherwise text goes
    /// into the workbook's one shared-strings table as it is written.
    void setTabOrder(TabOrder* order) { m_tabOrder = order; }
    void setProperties(const std::string& title, const std::string& subject, const std::string& author,
                       const std::string& company, const std::string& comments);
    /// Writes the file. Throws traza::Error with libxlsxwriter's reason on failure.
    void close();

    lxw_workbook* raw() const { return m_wb; }
    bool constantMemory() const { return m_constantMemory; }

private:
    TmpfileBuffers m_tmpfileBuffers;  // released after the destructor has freed m_wb and closed its files
    lxw_workbook* m_wb = nullptr;
    bool m_constantMemory = false;
    std::vector<lxw_format*> m_formats;  ///< in the order added
    TabOrder* m_tabOrder = nullptr;
    std::mutex m_mutex;  ///< the workbook's lists of sheets, formats and charts
};

}  // namespace traza::reports
