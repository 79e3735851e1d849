#pragma once
// Collects the cells a sheet reader meets, in reading order, into a SheetTable:
// rows keep their sheet row number, rows are padded with Empty cells to the
// sheet's width, wholly empty rows are dropped. Shared by the xlsx and ods
// readers, and the one place that enforces the grid and the cell budget.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sheet_table.h"
#include "spreadsheet_limits.h"

namespace traza::model {

/// Takes each finished row of a sheet instead of the table keeping it (a
/// large import turns rows into records as they are parsed, so the cells of a
/// 300 000-row sheet never sit in memory at once). The row is padded with
/// Empty cells to the widest row met so far; the sink may move its cells out.
/// What it throws stops the reading and reaches the reader's caller.
using RowSink = std::function<void(std::vector<SheetCell>& row)>;

class SheetBuilder {
public:
    /// `cellsUsed` counts the cells kept in the whole workbook so far (shared by
    /// the builders of one workbook, checked against limits.maxCells; atomic
    /// because the xlsx reader builds two large sheets at once).
    SheetBuilder(std::string file, std::string sheet, const SpreadsheetLimits& limits, std::atomic<std::size_t>& cellsUsed);

    /// From now on rows go to `sink`, not to the table (which keeps its file,
    /// sheet and notes). Every check and the cell budget stay as they are: a
    /// sheet is refused with the same error whether its rows are kept or not.
    void setRowSink(RowSink sink) { m_sink = std::move(sink); }

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
    RowSink m_sink;
    /// With a sink: each row given to it (line, width), so that finish() charges
    /// the padding of rows narrower than the sheet's final width as if kept.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_sunk;
};

}  // namespace traza::model
