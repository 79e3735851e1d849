#pragma once
// libxlsxwriter 1.1.4 (Debian 12) hands every part of an .xlsx to minizip at
// zlib's default level 6 and has no option to change it. At national scale the
// deflate was 40 % of `traza-cli report` (docs/performance.md, "Report"), so
// Traza interposes minizip's zipOpenNewFileInZip4_64 (fast_deflate.cpp) and asks
// for level 1: a third less time for a file about 30 % larger, still an
// ordinary deflated zip every reader opens. The interposers also take the part's
// bytes and deflate them on worker threads (parallel_deflate.h), handing minizip
// the finished stream as a raw entry: the same zip, the deflate off the one core.
namespace traza::reports {

/// The zlib level every part of the next workbooks is deflated at (1 = fastest,
/// 9 = smallest, -1 = libxlsxwriter's own choice, deflated by minizip on the
/// calling thread). Process-wide.
void setWorkbookDeflateLevel(int level);
int workbookDeflateLevel();

/// True when libxlsxwriter's calls reach the interposer: the executable exports
/// it and minizip's own function was found behind it. Calling this also keeps
/// the interposer linked into every program that writes workbooks.
bool fastDeflateActive();

}  // namespace traza::reports
