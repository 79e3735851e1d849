// The interposers behind fast_deflate.h. libxlsxwriter calls minizip through the
// dynamic linker, which looks in the executable first; these definitions take the
// calls. Opening a part asks minizip for a raw entry (it writes the header and
// then copies bytes as given) at the chosen level, so the header's flags name
// it; the part's bytes go to a ParallelDeflate, which compresses them on worker
// threads and hands the stream back to minizip in order; closing the part gives
// minizip the size and CRC of the uncompressed bytes. The signatures are
// minizip 1.1's (zip.h), written out because Debian ships libminizip's headers
// only in libminizip-dev, which libxlsxwriter does not need.
#include "fast_deflate.h"

#include <dlfcn.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>

#include "parallel_deflate.h"

namespace {

constexpr int kZipOk = 0;
constexpr int kZipInternalError = -104;  // ZIP_INTERNALERROR: libxlsxwriter reports it as a zip error
constexpr int kDeflated = 8;

std::atomic<int> g_level{1};
std::atomic<bool> g_deflateReached{false};

using ZipOpenNewFile = int (*)(void*, const char*, const void*, const void*, unsigned, const void*, unsigned,
                               const char*, int, int, int, int, int, int, const char*, unsigned long,
                               unsigned long, unsigned long, int);
using ZipWrite = int (*)(void*, const void*, unsigned);
using ZipCloseFile = int (*)(void*);
using ZipCloseFileRaw = int (*)(void*, unsigned long long, unsigned long);
using ZipClose = int (*)(void*, const char*);

template <class F>
F minizip(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

ZipOpenNewFile realOpenNewFile() {
    static const auto real = minizip<ZipOpenNewFile>("zipOpenNewFileInZip4_64");
    return real;
}
ZipWrite realWrite() {
    static const auto real = minizip<ZipWrite>("zipWriteInFileInZip");
    return real;
}
ZipCloseFile realCloseFile() {
    static const auto real = minizip<ZipCloseFile>("zipCloseFileInZip");
    return real;
}
ZipCloseFileRaw realCloseFileRaw() {
    static const auto real = minizip<ZipCloseFileRaw>("zipCloseFileInZipRaw64");
    return real;
}
ZipClose realClose() {
    static const auto real = minizip<ZipClose>("zipClose");
    return real;
}

// The part being written in each open zip (libxlsxwriter writes one at a time).
std::mutex g_partsMutex;
std::map<void*, std::unique_ptr<traza::reports::ParallelDeflate>> g_parts;

traza::reports::ParallelDeflate* partOf(void* file) {
    std::lock_guard lock(g_partsMutex);
    auto it = g_parts.find(file);
    return it == g_parts.end() ? nullptr : it->second.get();
}

std::unique_ptr<traza::reports::ParallelDeflate> takePart(void* file) {
    std::lock_guard lock(g_partsMutex);
    auto it = g_parts.find(file);
    if (it == g_parts.end()) return nullptr;
    auto part = std::move(it->second);
    g_parts.erase(it);
    return part;
}

}  // namespace

extern "C" __attribute__((visibility("default"))) int zipOpenNewFileInZip4_64(
    void* file, const char* filename, const void* info, const void* extraLocal, unsigned extraLocalSize,
    const void* extraGlobal, unsigned extraGlobalSize, const char* comment, int method, int level, int raw,
    int windowBits, int memLevel, int strategy, const char* password, unsigned long crcForCrypting,
    unsigned long versionMadeBy, unsigned long flagBase, int zip64) {
    const ZipOpenNewFile real = realOpenNewFile();
    if (!real || !realWrite() || !realCloseFileRaw()) return kZipInternalError;
    g_deflateReached = true;
    takePart(file);  // a part left open by an earlier error is dropped
    const int chosen = g_level.load();
    // Only a deflated, non-raw, unencrypted part is taken over; anything else goes through as asked.
    if (chosen < 0 || method != kDeflated || raw || password)
        return real(file, filename, info, extraLocal, extraLocalSize, extraGlobal, extraGlobalSize, comment,
                    method, level, raw, windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy,
                    flagBase, zip64);
    const int rc = real(file, filename, info, extraLocal, extraLocalSize, extraGlobal, extraGlobalSize, comment,
                        method, chosen, /*raw=*/1, windowBits, memLevel, strategy, password, crcForCrypting,
                        versionMadeBy, flagBase, zip64);
    if (rc != kZipOk) return rc;
    auto part = std::make_unique<traza::reports::ParallelDeflate>(chosen, [file](std::string_view bytes) {
        // minizip takes at most 4 GB a call; chunks are far smaller.
        return bytes.empty() ||
               realWrite()(file, bytes.data(), static_cast<unsigned>(bytes.size())) == kZipOk;
    });
    std::lock_guard lock(g_partsMutex);
    g_parts[file] = std::move(part);
    return kZipOk;
}

extern "C" __attribute__((visibility("default"))) int zipWriteInFileInZip(void* file, const void* buf,
                                                                         unsigned len) {
    if (traza::reports::ParallelDeflate* part = partOf(file))
        return part->write(buf, len) ? kZipOk : kZipInternalError;
    const ZipWrite real = realWrite();
    return real ? real(file, buf, len) : kZipInternalError;
}

extern "C" __attribute__((visibility("default"))) int zipCloseFileInZip(void* file) {
    if (auto part = takePart(file)) {
        if (!part->finish()) return kZipInternalError;
        return realCloseFileRaw()(file, part->totalIn(), part->crc32());
    }
    const ZipCloseFile real = realCloseFile();
    return real ? real(file) : kZipInternalError;
}

extern "C" __attribute__((visibility("default"))) int zipClose(void* file, const char* comment) {
    takePart(file);  // only after an error: the part is abandoned with the file
    const ZipClose real = realClose();
    return real ? real(file, comment) : kZipInternalError;
}

namespace traza::reports {

void setWorkbookDeflateLevel(int level) { g_level = level < -1 || level > 9 ? -1 : level; }

int workbookDeflateLevel() { return g_level.load(); }

bool fastDeflateActive() { return realOpenNewFile() != nullptr && g_deflateReached.load(); }

}  // namespace traza::reports
