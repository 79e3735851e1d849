#pragma once
// libxlsxwriter 1.1.4 writes each sheet's rows (constant-memory mode), and
// each part before zipping it, to a temporary file through stdio with the file
// system's 4 KB buffer: a national report went through 95 000 write and 60 000
// read calls for its 194 MB of XML. Traza interposes libxlsxwriter's
// lxw_tmpfile (tmpfile_buffer.cpp), which the library calls through the
// dynamic linker, and gives each such file a 256 KB buffer: about 4 500 calls.
// The files and their bytes are the same.
namespace traza::reports {

/// Held by every open workbook (workbook_writer.h): the buffers given to
/// libxlsxwriter's temporary files are freed when no workbook is open any
/// more, so never under a file libxlsxwriter has not closed. A file made
/// while none is open keeps stdio's own buffer.
class TmpfileBuffers {
public:
    TmpfileBuffers();
    ~TmpfileBuffers();
    TmpfileBuffers(const TmpfileBuffers&) = delete;
    TmpfileBuffers& operator=(const TmpfileBuffers&) = delete;
};

/// True when libxlsxwriter's calls reach the interposer (a workbook has made
/// a temporary file through it). Calling this also keeps the interposer
/// linked into every program that writes workbooks.
bool tmpfileBufferActive();

}  // namespace traza::reports
