#include "sqlite_batch_insert.h"

#include <SQLiteCpp/Exception.h>

#include <cassert>

namespace traza::model::sqlite {

BatchInsert::BatchInsert(sqlite3* db, std::string table, std::vector<std::string> columns)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)) {
    m_values.reserve(kRowsPerStatement * m_columns.size());
}

BatchInsert::~BatchInsert() { sqlite3_finalize(m_full); }

sqlite3_stmt* BatchInsert::prepare(std::size_t rows) {
    // OR ROLLBACK: a constraint failure ends the whole transaction (the caller
    // discards the file anyway), so SQLite needs no statement journal to undo
    // part of a multi-row statement. Together with the schema's deferred
    // foreign keys that saves about a quarter of the work.
    std::string sql = "INSERT OR ROLLBACK INTO " + m_table + " (";
    std::string row = "(";
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        sql += (c ? ", " : "") + m_columns[c];
        row += c ? ", ?" : "?";
    }
    sql += ") VALUES ";
    row += ")";
    for (std::size_t r = 0; r < rows; ++r) sql += (r ? ", " : "") + row;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(m_db, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw SQLite::Exception(m_db, rc);
    return stmt;
}

void BatchInsert::write(sqlite3_stmt* stmt) {
    int rc = SQLITE_OK;
    for (std::size_t i = 0; i < m_values.size() && rc == SQLITE_OK; ++i) {
        const Value& v = m_values[i];
        const int at = static_cast<int>(i) + 1;
        switch (v.kind) {
        case Value::Null: rc = sqlite3_bind_null(stmt, at); break;
        case Value::Integer: rc = sqlite3_bind_int64(stmt, at, v.i); break;
        case Value::Real: rc = sqlite3_bind_double(stmt, at, v.d); break;
        case Value::Text:
            rc = sqlite3_bind_text64(stmt, at, v.s.data(), v.s.size(), SQLITE_STATIC, SQLITE_UTF8);
            break;
        }
    }
    if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
    // reset() repeats the step's error code; the statement is reusable either way.
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) throw SQLite::Exception(m_db, rc);
    m_values.clear();
}

void BatchInsert::endRow() {
    assert(m_values.size() % m_columns.size() == 0);
    if (m_values.size() < kRowsPerStatement * m_columns.size()) return;
    if (!m_full) m_full = prepare(kRowsPerStatement);
    write(m_full);
}

void BatchInsert::finish() {
    if (m_values.empty()) return;
    sqlite3_stmt* tail = prepare(m_values.size() / m_columns.size());
    try {
        write(tail);
    } catch (...) {
        sqlite3_finalize(tail);
        throw;
    }
    sqlite3_finalize(tail);
}

}  // namespace traza::model::sqlite
