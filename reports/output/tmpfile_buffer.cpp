// The interposer behind tmpfile_buffer.h: libxlsxwriter's own lxw_tmpfile
// (found behind this one with dlsym RTLD_NEXT) makes the file; this one only
// gives it a buffer, before any byte goes through it, as setvbuf requires.
// glibc ignores the size asked for unless the buffer is given too, so the
// buffers are Traza's, kept until no workbook is open.
#include "tmpfile_buffer.h"

#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <new>
#include <vector>

namespace {

constexpr std::size_t kBuffer = 256 * 1024;

std::atomic<bool> g_reached{false};
std::mutex g_mutex;
int g_openWorkbooks = 0;
std::vector<std::unique_ptr<char[]>> g_buffers;

using LxwTmpfile = FILE* (*)(char* tmpdir);

LxwTmpfile realTmpfile() {
    static const auto real = reinterpret_cast<LxwTmpfile>(dlsym(RTLD_NEXT, "lxw_tmpfile"));
    return real;
}

}  // namespace

// The signature is libxlsxwriter's (xlsxwriter/utility.h).
extern "C" __attribute__((visibility("default"))) FILE* lxw_tmpfile(char* tmpdir) {
    const LxwTmpfile real = realTmpfile();
    if (!real) return nullptr;  // libxlsxwriter reports a file it could not make
    FILE* file = real(tmpdir);
    g_reached = true;
    if (!file) return file;
    std::lock_guard lock(g_mutex);
    if (g_openWorkbooks == 0) return file;
    std::unique_ptr<char[]> buffer(new (std::nothrow) char[kBuffer]);
    if (buffer && std::setvbuf(file, buffer.get(), _IOFBF, kBuffer) == 0) g_buffers.push_back(std::move(buffer));
    return file;
}

namespace traza::reports {

TmpfileBuffers::TmpfileBuffers() {
    std::lock_guard lock(g_mutex);
    ++g_openWorkbooks;
}

TmpfileBuffers::~TmpfileBuffers() {
    std::lock_guard lock(g_mutex);
    if (--g_openWorkbooks == 0) g_buffers.clear();
}

bool tmpfileBufferActive() { return realTmpfile() != nullptr && g_reached.load(); }

}  // namespace traza::reports
