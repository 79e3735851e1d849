#pragma once
// Fast bulk INSERT into one table: rows are collected and written 64 at a
// time with one multi-row "INSERT ... VALUES (...), (...), ..." statement,
// prepared once and reused. Per-statement costs in SQLite (opening cursors,
// starting and ending the statement) are then paid once per 64 rows, which
// roughly halves the time to save a large chain.
//
// Text is bound without copying: every string_view must stay valid until
// finish() returns (the Project being saved outlives the writer).
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace traza::model::sqlite {

class BatchInsert {
public:
    /// `table` and `columns` are trusted SQL identifiers (written by us).
    BatchInsert(sqlite3* db, std::string table, std::vector<std::string> columns);
    ~BatchInsert();  // finalizes; never throws, never writes what finish() did not
    BatchInsert(const BatchInsert&) = delete;
    BatchInsert& operator=(const BatchInsert&) = delete;

    BatchInsert& text(std::string_view v) { return add({Value::Text, 0, 0, v}); }
    BatchInsert& integer(std::int64_t v) { return add({Value::Integer, v, 0, {}}); }
    BatchInsert& real(double v) { return add({Value::Real, 0, v, {}}); }
    BatchInsert& null() { return add({Value::Null, 0, 0, {}}); }

    /// Ends the current row (exactly one value per column must have been added);
    /// writes a batch when it is full. Throws SQLite::Exception.
    void endRow();
    /// Writes the remaining rows. Throws SQLite::Exception.
    void finish();

private:
    struct Value {
        enum Kind { Null, Integer, Real, Text } kind;
        std::int64_t i;
        double d;
        std::string_view s;
    };
    BatchInsert& add(const Value& v) {
        m_values.push_back(v);
        return *this;
    }
    sqlite3_stmt* prepare(std::size_t rows);
    void write(sqlite3_stmt* stmt);

    static constexpr std::size_t kRowsPerStatement = 64;
    sqlite3* m_db;
    std::string m_table;
    std::vector<std::string> m_columns;
    std::vector<Value> m_values;
    sqlite3_stmt* m_full = nullptr;  // kRowsPerStatement rows, prepared on first use
};

}  // namespace traza::model::sqlite
