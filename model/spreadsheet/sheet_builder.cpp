#include "sheet_builder.h"

#include <algorithm>

#include "error.h"

namespace traza::model {

SheetBuilder::SheetBuilder(std::string file, std::string sheet, const SpreadsheetLimits& limits, std::atomic<std::size_t>& cellsUsed)
    : m_limits(limits), m_cellsUsed(cellsUsed) {
    m_table.file = std::move(file);
    m_table.sheet = std::move(sheet);
}

void SheetBuilder::charge(std::size_t cells, std::size_t line, std::size_t column) {
    const std::size_t before = m_cellsUsed.fetch_add(cells);
    if (before > m_limits.maxCells || cells > m_limits.maxCells - before)
        throw InvalidInput(m_table.location(line, column),
                           "the workbook has more cells than Traza reads (at most " + std::to_string(m_limits.maxCells) +
                               ", counting the empty cells that fill each row to its sheet's width)");
}

void SheetBuilder::add(SheetCell cell) {
    if (cell.line < 1 || cell.line > m_limits.maxRow || cell.column < 1 || cell.column > m_limits.maxColumn) {
        throw InvalidInput(m_table.location(cell.line, cell.column), "a cell at row " + std::to_string(cell.line) + ", column " + std::to_string(cell.column) +
                                      " lies outside the sheet (rows 1 to " + std::to_string(m_limits.maxRow) +
                                      ", columns A to " + columnLetters(m_limits.maxColumn) + ")");
    }
    if (cell.line < m_line || (cell.line == m_line && cell.column <= m_column))
        throw InvalidInput(m_table.location(cell.line, cell.column),
                           "this cell comes after " + columnLetters(m_column) + std::to_string(m_line) +
                               " in the file: cells out of order or given twice");
    if (cell.line != m_line) flushRow();
    m_line = cell.line;
    m_column = cell.column;
    if (cell.kind == SheetCell::Kind::Empty) return;
    m_pending.push_back(std::move(cell));
}

void SheetBuilder::flushRow() {
    if (m_pending.empty()) return;
    const std::size_t width = std::max<std::size_t>(m_width, m_pending.back().column);
    charge(width, m_line, m_pending.back().column);
    if (m_sink && m_pending.size() == width) {
        // A full row given away: the pending vector keeps its capacity for the next one.
        m_width = width;
        m_sunk.emplace_back(static_cast<std::uint32_t>(m_line), static_cast<std::uint32_t>(width));
        m_sink(m_pending);
        m_pending.clear();
        return;
    }
    if (m_pending.size() == width) {
        // A full row (the usual case in a table): its cells are already in place.
        m_table.rows.push_back(std::move(m_pending));
        m_pending = {};
        m_pending.reserve(width);
        m_width = width;
        return;
    }
    std::vector<SheetCell> row;
    row.reserve(width);
    auto next = m_pending.begin();
    for (std::size_t column = 1; column <= width; ++column) {
        if (next != m_pending.end() && next->column == column) {
            row.push_back(std::move(*next++));
        } else {
            SheetCell& empty = row.emplace_back();
            empty.line = m_line;
            empty.column = column;
        }
    }
    m_pending.clear();
    m_width = width;
    if (m_sink) {
        m_sunk.emplace_back(static_cast<std::uint32_t>(m_line), static_cast<std::uint32_t>(width));
        m_sink(row);
        return;
    }
    m_table.rows.push_back(std::move(row));
}

SheetTable SheetBuilder::finish() {
    flushRow();
    // Rows given to the sink before the widest one are charged their Empty cells as if kept.
    for (const auto& [line, width] : m_sunk)
        if (width < m_width) charge(m_width - width, line, m_width);
    m_sunk.clear();
    // Rows kept before the widest one get their Empty cells now.
    for (auto& row : m_table.rows) {
        if (row.size() == m_width) continue;
        const std::size_t line = row.front().line, from = row.size();
        charge(m_width - from, line, m_width);
        row.resize(m_width);
        for (std::size_t i = from; i < m_width; ++i) {
            row[i].line = line;
            row[i].column = i + 1;
        }
    }
    return std::move(m_table);
}

}  // namespace traza::model
