#pragma once
// Cells pasted into a table from a spreadsheet, as one command: pasted rows
// over existing rows edit them, rows below the last one add records. Any cell
// that is refused, while the command is made or when it is applied, is named
// by its row and column ("row 3, column Tonnes"); the project is unchanged then.
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "row_order.h"
#include "table_spec.h"

namespace traza::gui {

/// Wraps one row's command so that a refusal names the row and the column.
/// `row` is the 1-based row the user sees.
std::unique_ptr<model::Command> rowCommand(std::unique_ptr<model::Command>, std::shared_ptr<const std::vector<TableColumn>> columns,
                                           std::size_t row);

/// The refusal `e` (where: a column key or validation path) restated for `row` (1-based).
[[noreturn]] void throwForRow(const std::exception& e, const std::vector<TableColumn>& columns, std::size_t row);

/// The "Paste rows" command for `cells` (rows of cells) put at (`firstRow`,
/// `firstColumn`) of the rows `order` shows; rows put at the ID column are
/// matched by their ID instead (an empty or unknown ID adds a row). Throws InvalidInput naming the row
/// and column of the first refused cell.
std::unique_ptr<model::Command> pasteCommand(const model::Project&, const TableSpec&, const RowOrder&, std::size_t firstRow,
                                             int firstColumn, const std::vector<std::vector<std::string>>& cells,
                                             const Selection&);

}  // namespace traza::gui
