#pragma once
// A chain from a user's sheets: one of actors, one of flows, from an xlsx or
// ods workbook or from two CSV files. Headers and values are read in English or
// Spanish (SpreadsheetWords) or through the user's rules (ColumnMapping); then
// the same validation as chain JSON. Any problem imports nothing, and every
// problem names its file, sheet and cell ("cadena.xlsx: Flujos!D7") or its
// file:line:column.
#include <string>
#include <vector>

#include "column_mapping.h"
#include "error.h"
#include "project.h"
#include "spreadsheet/sheet_table.h"
#include "spreadsheet_words.h"

namespace traza::model {

struct ImportProblem {
    std::string where;
    std::string reason;
};

/// Every problem of a refused import (at most kMaxReported), in sheet order;
/// where()/reason() are the first one's, what() lists them all, one a line.
class SheetImportError : public InvalidInput {
public:
    explicit SheetImportError(std::vector<ImportProblem> problems, std::size_t total);
    const std::vector<ImportProblem>& problems() const { return m_problems; }
    /// How many problems there were in all (more than problems().size() when cut).
    std::size_t total() const { return m_total; }
    static constexpr std::size_t kMaxReported = 50;

private:
    std::vector<ImportProblem> m_problems;
    std::size_t m_total;
};

struct SheetImport {
    Project project;                   ///< actors and flows; the catalogue given
    std::vector<std::string> summary;  ///< what was read and how, for the user
    ColumnMapping rulesUsed;           ///< the user's rules that matched a header
};

/// Throws SheetImportError (an InvalidInput) when anything is wrong.
SheetImport importSheets(const SheetTable& actors, const SheetTable& flows, const Catalogue&, const ColumnMapping& rules = {},
                         const SpreadsheetWords& words = SpreadsheetWords::installed());
/// The same, freeing each row of the tables once it is read (a large workbook's
/// cells then never sit in memory beside the whole project); the tables keep
/// their file, sheet, notes and number of rows, not their cells.
SheetImport importSheets(SheetTable&& actors, SheetTable&& flows, const Catalogue&, const ColumnMapping& rules = {},
                         const SpreadsheetWords& words = SpreadsheetWords::installed());

/// The actors and flows sheets of a workbook: the ones named (when given), else
/// the ones whose names mean actors and flows in English or Spanish. Throws
/// InvalidInput naming the file and the sheets it has when one is not found.
std::pair<const SheetTable*, const SheetTable*> chainSheets(const Workbook&, const std::string& actorsSheet = {},
                                                           const std::string& flowsSheet = {},
                                                           const SpreadsheetWords& words = SpreadsheetWords::installed());

}  // namespace traza::model
