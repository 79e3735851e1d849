#pragma once
// How much of an untrusted workbook (xlsx, ods) Traza is willing to read. A
// workbook is a zip archive of XML parts; each limit below is checked before
// the memory or time it guards is spent, so that a crafted file (a zip bomb, a
// sheet claiming a cell at XFD1048576, a million-entry string table) is refused
// with a clear message instead of exhausting the machine. docs/security.md
// lists the defaults. Tests pass smaller limits to reach them cheaply.
#include <cstddef>
#include <cstdint>

namespace traza::model {

struct SpreadsheetLimits {
    /// The workbook file itself (compressed), refused by its size alone.
    std::uint64_t maxFileBytes = std::uint64_t(256) << 20;
    /// Entries in the zip archive.
    std::uint64_t maxEntries = 10'000;
    /// One part once inflated (a 1 048 576-row sheet of 14 columns is ~600 MiB of XML).
    std::uint64_t maxEntryBytes = std::uint64_t(768) << 20;
    /// All the parts Traza reads, once inflated.
    std::uint64_t maxTotalBytes = std::uint64_t(1) << 30;
    /// Compression ratio (inflated : compressed) refused for parts larger than
    /// ratioCheckFrom, declared or counted while inflating. Real sheets stay
    /// far below (~10-40 : 1); deflate's own maximum is ~1032 : 1.
    std::uint64_t maxRatio = 200;
    std::uint64_t ratioCheckFrom = std::uint64_t(4) << 20;
    /// Worksheets in a workbook.
    std::size_t maxSheets = 1'000;
    /// Shared strings (xlsx), by count and by total UTF-8 bytes.
    std::size_t maxSharedStrings = 4'000'000;
    std::uint64_t maxSharedStringBytes = std::uint64_t(256) << 20;
    /// Cell styles (xlsx cellXfs; Excel itself allows 64 000) and number formats.
    std::size_t maxStyles = 65'536;
    /// Cells kept in the whole workbook, counting the Empty cells that pad rows
    /// to the sheet's width (each SheetCell is 56 bytes before its text).
    std::size_t maxCells = 12'000'000;
    /// Excel's own grid: rows 1..1 048 576, columns A..XFD (16 384).
    std::size_t maxRow = 1'048'576;
    std::size_t maxColumn = 16'384;
    /// Not a limit but a speed setting: an xlsx file of this many bytes or more
    /// has its sheets read two at a time, on two threads (tests lower it).
    std::uint64_t twoThreadsFrom = std::uint64_t(4) << 20;
};

}  // namespace traza::model
