// traza-readworkbook: reads one xlsx or ods workbook with Traza's reader and
// prints what it holds, the wall time and the peak memory (docs/performance.md).
//
//   traza-readworkbook FILE
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <exception>

#include "error.h"
#include "spreadsheet/spreadsheet_reader.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    const auto start = std::chrono::steady_clock::now();
    traza::model::Workbook w;
    try {
        w = traza::model::readSpreadsheet(argv[1]);
    } catch (const traza::Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::size_t cells = 0;
    for (const auto& sheet : w.sheets) {
        std::size_t sheetCells = 0;
        for (const auto& row : sheet.rows) sheetCells += row.size();
        cells += sheetCells;
        std::printf("%s: %zu rows, %zu cells\n", sheet.sheet.c_str(), sheet.rows.size(), sheetCells);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("read %zu cells in %.2f s; peak RSS %.0f MiB\n", cells, seconds, usage.ru_maxrss / 1024.0);
    return 0;
}
