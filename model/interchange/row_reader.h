#pragma once
// One sheet row read into one record (an Actor or a Flow) through the meanings
// of the sheet's columns. The fields that have a column are bound to it once;
// then each row costs one readCell per bound field. Shared by the import of
// whole tables (sheet_import.cpp) and the import that takes rows as they are
// parsed (workbook_stream_import.cpp), so that both read a cell alike.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "cell_value.h"
#include "error.h"
#include "sheet_columns.h"

namespace traza::model {

template <typename Record, typename Fields>
class RowReader {
public:
    /// `columnOfField`: field key -> index into `columns` (and into a row).
    RowReader(const Fields& fields, const std::vector<ColumnMeaning>& columns, const std::map<std::string, std::size_t>& columnOfField,
              DecimalMark decimalMark)
        : m_columns(columns) {
        for (const auto& field : fields)
            if (auto it = columnOfField.find(std::string(field.key)); it != columnOfField.end())
                m_bound.push_back({&field, it->second, {field.type, field.vocabulary, columns[it->second].factor, decimalMark},
                                   field.key == "stage"});
    }

    /// The record of `row` (a row of `table`, as wide as its header). Each
    /// problem goes to problem(where, reason) and leaves the field at its
    /// default; `hasStage` says whether the row gave a stage.
    template <typename OnProblem>
    Record read(const SheetTable& table, const std::vector<SheetCell>& row, const ValueIndex& words, bool& hasStage,
                OnProblem&& problem) const {
        Record record;
        hasStage = false;
        for (const Bound& b : m_bound) {
            const SheetCell& cell = row[b.column];
            const ColumnMeaning& meaning = m_columns[b.column];
            if (cell.kind == SheetCell::Kind::Empty ||
                (cell.kind == SheetCell::Kind::Text && cell.text.find_first_not_of(" \t") == std::string::npos)) {
                if (b.field->required)
                    problem(table.location(cell.line ? cell.line : row.front().line, meaning.column), meaning.header + ": required value is empty");
                continue;
            }
            try {
                b.field->set(record, readCell(table, cell, meaning.header, b.how, words));
                if (b.isStage) hasStage = true;
            } catch (const InvalidInput& e) {
                problem(e.where(), e.reason());
            }
        }
        return record;
    }

private:
    struct Bound {
        const typename Fields::value_type* field;
        std::size_t column;  // index into columns and into a row
        CellReading how;
        bool isStage;
    };
    const std::vector<ColumnMeaning>& m_columns;
    std::vector<Bound> m_bound;
};

}  // namespace traza::model
