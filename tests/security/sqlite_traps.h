#pragma once
// Dangerous SQL functions planted in every SQLite connection this process
// opens (sqlite3_auto_extension), the project store's private connection
// included. A crafted project file whose triggers, views, CHECK or DEFAULT
// clauses, generated columns or indexes call them leaves a trace: a counter
// goes up and writefile() really writes a file. So "nothing ran" is measured,
// not assumed from "no such function" (which would pass for the wrong reason).
#include <sqlite3.h>

#include <atomic>
#include <fstream>
#include <string>

namespace traza::security {

struct SqliteTraps {
    static std::atomic<int>& calls() {
        static std::atomic<int> n{0};
        return n;
    }
    static std::atomic<int>& connections() {
        static std::atomic<int> n{0};
        return n;
    }

    SqliteTraps() { sqlite3_auto_extension(reinterpret_cast<void (*)()>(&install)); }
    ~SqliteTraps() { sqlite3_cancel_auto_extension(reinterpret_cast<void (*)()>(&install)); }
    SqliteTraps(const SqliteTraps&) = delete;
    SqliteTraps& operator=(const SqliteTraps&) = delete;

    void reset() {
        calls() = 0;
        connections() = 0;
    }

private:
    // side_effect(...) and det_side_effect(...): count; writefile(path, text): counts and writes the file;
    // innocent_side_effect(...): counts but claims to be innocuous (a lying
    // extension), to see whether the store's authorizer stops it anyway.
    static int install(sqlite3* db, char**, const sqlite3_api_routines*) {
        ++connections();
        sqlite3_create_function(db, "side_effect", -1, SQLITE_UTF8, nullptr, &sideEffect, nullptr, nullptr);
        sqlite3_create_function(db, "innocent_side_effect", -1, SQLITE_UTF8 | SQLITE_INNOCUOUS, nullptr, &sideEffect,
                                nullptr, nullptr);
        // Deterministic, so that an index expression may use it.
        sqlite3_create_function(db, "det_side_effect", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &sideEffect,
                                nullptr, nullptr);
        sqlite3_create_function(db, "writefile", 2, SQLITE_UTF8, nullptr, &writeFile, nullptr, nullptr);
        return SQLITE_OK;
    }
    static void sideEffect(sqlite3_context* context, int, sqlite3_value**) {
        ++calls();
        sqlite3_result_int(context, 1);
    }
    static void writeFile(sqlite3_context* context, int, sqlite3_value** args) {
        ++calls();
        const auto* path = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
        const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[1]));
        if (path) std::ofstream(path) << (text ? text : "");
        sqlite3_result_int(context, 1);
    }
};

}  // namespace traza::security
