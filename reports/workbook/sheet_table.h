#pragma once
// Shared layout of the table sheets: a title in row 1, column headers in row 2
// (frozen, filtered, repeated on printed pages), one record per row below, and
// the colour rules for risk levels, severities and compliance.
#include <string>
#include <string_view>
#include <vector>

#include "report_context.h"

namespace traza::reports {

struct Column {
    std::string_view key;  ///< label key of the header
    double width = 12;
    lxw_format* format = nullptr;  ///< default format of the column (cells may override)
    /// A figure Traza computed when it wrote the workbook (no formula): its header
    /// says so, since it will not follow an edit of the Flows sheet.
    bool computed = false;
    /// The header as written here instead of the label of `key` (the Comparison
    /// sheet's periods, "2025-01").
    std::string text;
};

constexpr int kTitleRow = 0;
constexpr int kHeaderRow = 1;
constexpr int kFirstDataRow = 2;

/// Adds the sheet, writes the title and the header row, sets widths and freezes the
/// header rows (and `frozenCols` columns). The first data row is kFirstDataRow.
Sheet beginTableSheet(ReportContext&, const std::string& sheetName, std::string_view titleKey,
                      const std::vector<Column>&, int frozenCols = 0);
/// Index of the column whose header key is `key` (throws when absent).
int columnOf(const std::vector<Column>&, std::string_view key);
/// The header text of a column: its label, plus "(computed by Traza, not live)" when computed.
std::string headerText(const ReportContext&, const Column&);
/// Header cells of `columns` in `row`, starting at `firstCol`.
void writeHeaderRow(ReportContext&, Sheet&, int row, const std::vector<Column>&, int firstCol = 0);
/// Autofilter over header..lastRow and print set-up (repeating `repeatCols` columns
/// on wide sheets); call after the last data row, before anything below it.
void finishTable(Sheet&, int headerRow, int lastRow, int columnCount, int repeatCols = 0);

/// Fill cells of one column whose text is a risk level or severity (low..critical).
void colourLevels(ReportContext&, Sheet&, int firstRow, int col, int lastRow);
/// Fill shares (compliance, completion) in a block of cells: >= 100% green,
/// 50-100% amber, below 50% red; text cells stay plain.
void colourCompliance(ReportContext&, Sheet&, int firstRow, int firstCol, int lastRow, int lastCol);

/// Height in points of a row whose wrapped text fills a column `widthChars` wide.
double wrappedHeight(std::string_view text, double widthChars);
std::string join(const std::vector<std::string>&, std::string_view separator = "; ");
/// A text criterion for COUNTIFS/SUMIFS that matches `value` exactly
/// (wildcards escaped, leading operators neutralised), quoted for a formula.
std::string exactCriterion(std::string_view value);
/// A text quoted for use inside a formula: "a ""b"""
std::string formulaString(std::string_view value);
/// "Yes" / "No" in the report language.
std::string yesNo(const ReportContext&, bool);

}  // namespace traza::reports
