// The interposer behind fast_deflate.h. libxlsxwriter calls minizip through the
// dynamic linker, which looks in the executable first; this definition takes the
// call, changes the level and forwards to minizip's own function (RTLD_NEXT).
// Its signature is minizip 1.1's (zip.h), written out because Debian ships
// libminizip's headers only in libminizip-dev, which libxlsxwriter does not need.
#include "fast_deflate.h"

#include <dlfcn.h>

#include <atomic>

namespace {

std::atomic<int> g_level{1};
std::atomic<bool> g_reached{false};

using ZipOpenNewFile = int (*)(void*, const char*, const void*, const void*, unsigned, const void*, unsigned,
                               const char*, int, int, int, int, int, int, const char*, unsigned long,
                               unsigned long, unsigned long, int);

ZipOpenNewFile minizipOpenNewFile() {
    static const auto real = reinterpret_cast<ZipOpenNewFile>(dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64"));
    return real;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int zipOpenNewFileInZip4_64(
    void* file, const char* filename, const void* info, const void* extraLocal, unsigned extraLocalSize,
    const void* extraGlobal, unsigned extraGlobalSize, const char* comment, int method, int level, int raw,
    int windowBits, int memLevel, int strategy, const char* password, unsigned long crcForCrypting,
    unsigned long versionMadeBy, unsigned long flagBase, int zip64) {
    const ZipOpenNewFile real = minizipOpenNewFile();
    if (!real) return -104;  // ZIP_INTERNALERROR: libxlsxwriter reports it as a zip error
    g_reached = true;
    const int chosen = g_level.load();
    // Only a deflated, non-raw part takes the level; anything else goes through as asked.
    if (chosen >= 0 && method == 8 && !raw) level = chosen;
    return real(file, filename, info, extraLocal, extraLocalSize, extraGlobal, extraGlobalSize, comment, method,
                level, raw, windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy, flagBase,
                zip64);
}

namespace traza::reports {

void setWorkbookDeflateLevel(int level) { g_level = level < -1 || level > 9 ? -1 : level; }

int workbookDeflateLevel() { return g_level.load(); }

bool fastDeflateActive() { return minizipOpenNewFile() != nullptr && g_reached.load(); }

}  // namespace traza::reports
