#pragma once
// Collects the cells a sheet reader meets, in reading order, into a SheetTable:
// rows keep their sheet row number, rows are padded with Empty cells to the
// sheet's width, wholly empty rows are dropped. Shared by the xlsx and ods
// readers, and the one place that enforces the grid and the cell budget.
#include <atomic>
#include <cstddef>
#include <string>
#include <vector>

#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

class SheetBuilder {
public:
    /// `cellsUsed` counts the cells kept in the whole workbook so far (shared by
    /// the builders of one workbook, checked against limits.maxCells; atomic
    /// because the xlsx reader builds two large sheets at once).
    SheetBuilder(std::string file, std::string sheet, const SpreadsheetLimits& limits, std::atomic<std::size_t>& cellsUsed);

    /// The table being built (file and sheet name set), for locating errors.
    const SheetTable& table() const { return m_table; }

    /// Adds the cell at (cell.line, cell.column); an Empty cell only marks its
    /// place. Cells must come row by row, left to right. Throws InvalidInput
    /// naming the cell when it lies outside the grid (limits.maxRow/maxColumn),
    /// comes before a cell already added (a repeated or unordered reference), or
    /// would take the workbook past limits.maxCells.
    void add(SheetCell cell);

    /// The finished table; the builder is spent.
    SheetTable finish();

private:
    void flushRow();
    void charge(std::size_t cells, std::size_t line, std::size_t column);

    SheetTable m_table;
    const SpreadsheetLimits& m_limits;
    std::atomic<std::size_t>& m_cellsUsed;
    std::vector<SheetCell> m_pending;  ///< non-empty cells of row m_line, left to right
    std::size_t m_line = 0;            ///< row of the last cell added
    std::size_t m_column = 0;          ///< column of the last cell added
    std::size_t m_width = 0;           ///< widest row kept so far
};

}  // namespace traza::model
