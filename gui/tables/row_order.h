#pragma once
// The rows a table shows: the records that pass its filter, in the order of
// its sort column. No wx: a table hands in each record's cell text (and, for
// numeric columns, its number) through functions, so a 85 000-flow table is
// filtered and sorted without formatting anything twice.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace traza::gui {

class RowOrder {
public:
    using CellText = std::function<std::string(std::size_t record, int column)>;
    using CellNumber = std::function<double(std::size_t record, int column)>;

    struct Filter {
        int column = -1;   ///< -1: any column matches
        std::string text;  ///< empty: every record passes; matched ignoring case and accents
    };
    struct Sort {
        int column = -1;  ///< -1: the records' own order
        bool ascending = true;
        bool numeric = false;  ///< compare CellNumber values instead of texts
    };

    /// Recompute for `records` records of `columns` columns. `number` is only
    /// asked for a numeric sort column. Ties keep the records' own order.
    void rebuild(std::size_t records, int columns, const Filter&, const Sort&, const CellText& text,
                 const CellNumber& number);

    std::size_t size() const { return m_rows.size(); }
    /// The record shown in row `row` (row < size()).
    std::size_t record(std::size_t row) const { return m_rows[row]; }
    /// The row showing `record`, or nothing when it is filtered out or unknown.
    std::optional<std::size_t> rowOf(std::size_t record) const;

private:
    std::vector<std::size_t> m_rows;
    std::vector<std::size_t> m_rowOfRecord;  ///< npos when filtered out
};

/// `text` lower-cased with the accents of Latin-1 letters taken off ("Bogotá" -> "bogota"):
/// what the table filters and the search compare.
std::string foldForSearch(const std::string& text);

}  // namespace traza::gui
