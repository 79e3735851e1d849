#pragma once
// libxlsxwriter 1.1.4 (Debian 12) prints every number into a sheet's XML with
// fprintf("%.16G"), every cell reference with snprintf("%d") and every text
// cell of a constant-memory sheet with fprintf("%s") after a calloc of five
// times its length: at national scale (a million numbers, two million cells)
// glibc's printf was the largest part of `traza-cli report` (docs/performance.md,
// issue #22). Debian's build exports the library's cell writers and calls them
// through the dynamic linker, so Traza interposes them (fast_cells.cpp) and
// writes the very same bytes without printf: numbers with std::to_chars, which
// the C++ standard defines as printf's conversion at the same precision. Only
// when the library running is the 1.1.4 whose headers Traza was built with;
// otherwise, and for the rare cells they leave (numbers that are not finite,
// empty text), the library's own functions do the work.
namespace traza::reports {

/// Whether the interposers write (true, the default) or hand every call to the
/// library's own functions (to compare the two). Process-wide.
void setFastCells(bool on);

/// True when libxlsxwriter's cell writers reach the interposers (the library
/// running is the one they were written for and a number cell was written).
/// Calling this also keeps the interposers linked into every program.
bool fastCellsActive();

}  // namespace traza::reports
