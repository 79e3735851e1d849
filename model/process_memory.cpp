// A command runs once and exits, and the workbench opens a chain from scratch:
// opening a national chain touches 100-200 MB of fresh memory, and every fresh
// 4 kB page is a fault the kernel must serve and zero. On a virtual machine a
// fault is expensive: on the EPYC VM of 2026-12-05, 46 000 faults were a fifth
// of `analyze`'s CPU. Three settings (glibc's mallopt and Linux's madvise, both
// documented interfaces):
//  - freed memory is kept for the command's next allocations: the heap's
//    top is never trimmed (else the reserve below would go back at the first
//    free()), and only blocks above 32 MB (glibc's ceiling for that bar) get
//    pages of their own;
//  - one malloc arena for every thread (traza-cli only): the reading and the
//    analysis tasks allocate from the main heap instead of heaps of their own
//    (each a separate run of fresh pages);
//  - the main heap is grown once by 256 MB of address space (nothing is
//    touched, so nothing is resident until used) and marked MADV_HUGEPAGE,
//    so that the kernel serves it in 2 MB pages: 46 000 faults became about
//    1 400.
// Measured in docs/performance.md (#15, "Page faults on a virtual machine").
// The workbench takes the first and the third but keeps glibc's arenas: its GUI
// thread lays the chain out while the analysis threads allocate, and on one
// arena they queue on its lock. National chain, analysis shown: 1.69-1.83 s
// with glibc's defaults, 1.21-1.35 s with the two, no better with one arena.
// Its threads that allocate much (the reading, the analysis and its tasks)
// have their own heaps served in 2 MB pages too (adviseThreadHeap): opening
// the national chain took 33 000 faults, now 11 000.
// A fresh page is dearer still on a VM whose host takes freed memory back
// (free page reporting): traza-cli faults in the part of the reserve its
// command will use on a thread of its own as it starts reading (prefaultHeap);
// `analyze` of the national chain run once, 0.555 -> 0.430 s.
#include "process_memory.h"

#include <cstdint>
#include <cstdlib>  // first: it defines __GLIBC__, which the rest tests

#if defined(__GLIBC__) && defined(__linux__)
#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>
#include <unistd.h>
#endif

namespace traza::model {

namespace {
bool g_threadHeapsAdvisable = false;  // glibc's arenas kept, and the main heap's advice took
std::uintptr_t g_reserveFrom = 0;      // the main heap's reserve in 2 MB pages (none: 0)
std::uintptr_t g_reserveBytes = 0;
#if defined(__GLIBC__) && defined(__linux__)
// Heaps advised already. A thread's arena outlives it and goes to the next new
// thread, and every analysis starts its tasks on new threads: they find their
// heap here and return, instead of growing and advising it again at every edit.
std::mutex g_advisedMutex;
std::vector<std::uintptr_t> g_advisedHeaps;
#endif
}  // namespace

void tuneProcessMemory(MallocArenas arenas) {
#if defined(__GLIBC__) && defined(__linux__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
    if (arenas == MallocArenas::One) mallopt(M_ARENA_MAX, 1);
    constexpr std::uintptr_t kReserve = std::uintptr_t(256) << 20;
    constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
    mallopt(M_TOP_PAD, static_cast<int>(kReserve));
    void* probe = std::malloc(1 << 20);  // below the mmap bar: the heap grows by kReserve for it
    const auto start = reinterpret_cast<std::uintptr_t>(probe);
    std::free(probe);
    mallopt(M_TOP_PAD, 128 << 10);  // glibc's default again, for growth beyond the reserve
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t from = (start + kHugePage - 1) & ~(kHugePage - 1);
    // Only if the probe came from the brk heap just grown (not from a sanitizer's
    // or valgrind's allocator); a refusal of the advice costs nothing but speed.
    if (probe && end > from + kHugePage && end - start <= kReserve + (std::uintptr_t(4) << 20)) {
        const std::uintptr_t bytes = (end - from) & ~(kHugePage - 1);
        if (madvise(reinterpret_cast<void*>(from), bytes, MADV_HUGEPAGE) == 0) g_reserveFrom = from, g_reserveBytes = bytes;
        g_threadHeapsAdvisable = arenas == MallocArenas::GlibcDefault;
    }
#endif
}

ProcessMemoryTuning processMemoryTuning() { return {g_reserveFrom, g_reserveBytes, g_threadHeapsAdvisable}; }

void adoptProcessMemoryTuning(const ProcessMemoryTuning& tuning) {
    g_reserveFrom = tuning.reserveFrom;
    g_reserveBytes = tuning.reserveBytes;
    g_threadHeapsAdvisable = tuning.threadHeapsAdvisable;
}

bool prefaultHeap(std::size_t bytes, bool wait) {
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_POPULATE_WRITE)
    constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
    if (!g_reserveBytes || bytes < (std::size_t(4) << 20)) return false;
    const std::uintptr_t from = g_reserveFrom;
    const std::uintptr_t size = std::min<std::uintptr_t>(g_reserveBytes, (bytes + kHugePage - 1) & ~(kHugePage - 1));
    auto populate = [from, size] {
        // From the bottom, where the heap grows, one 2 MB page at a time; an
        // older kernel refuses the first and nothing more is tried.
        for (std::uintptr_t at = 0; at < size; at += kHugePage)
            if (madvise(reinterpret_cast<void*>(from + at), kHugePage, MADV_POPULATE_WRITE) != 0) return false;
        return true;
    };
    if (wait) return populate();
    try {
        std::thread(populate).detach();  // the process may end before it does: nothing waits for it
        return true;
    } catch (const std::system_error&) {  // no thread to be had: the threads fault as before
        return false;
    }
#else
    (void)bytes, (void)wait;
    return false;
#endif
}

// glibc gives a thread's arena heaps of 64 MB of address space, each aligned to
// its size, made accessible only as the heap grows (HEAP_MAX_SIZE in glibc's
// arena.c; the tunable glibc.malloc.hugetlb=1 would advise them, but tunables
// are read only when the program starts). A heap grown a little at a time
// keeps its newest pages in a 2 MB range that is partly inaccessible, where the
// kernel can only give 4 kB pages, even when advised. So the heap is first
// grown to 60 MB by two blocks under the mmap bar (never touched), advised
// whole, and the blocks are freed; the top is never trimmed (M_TRIM_THRESHOLD
// above), so the thread's next 60 MB come in 2 MB pages. Measured on the EPYC
// VM: 28 MB of small blocks took 7 000 faults before, 520 after.
bool adviseThreadHeap() {
#if defined(__GLIBC__) && defined(__linux__)
    if (!g_threadHeapsAdvisable) return false;
    constexpr std::uintptr_t kHeapSize = std::uintptr_t(64) << 20;
    constexpr std::size_t kBlock = std::size_t(30) << 20;
    void* probe = std::malloc(64);  // this thread's arena, made now if it has none
    const auto at = reinterpret_cast<std::uintptr_t>(probe);
    if (!probe || at < reinterpret_cast<std::uintptr_t>(sbrk(0))) {  // the main heap, advised already
        std::free(probe);
        return false;
    }
    const std::uintptr_t heap = at & ~(kHeapSize - 1);
    {
        std::lock_guard lock(g_advisedMutex);
        if (std::find(g_advisedHeaps.begin(), g_advisedHeaps.end(), heap) != g_advisedHeaps.end()) {
            std::free(probe);
            return true;
        }
        g_advisedHeaps.push_back(heap);
    }
    // Held in volatile slots: a compiler may drop a malloc whose block is only freed.
    void* volatile blocks[2] = {std::malloc(kBlock), std::malloc(kBlock)};
    madvise(reinterpret_cast<void*>(heap), kHeapSize, MADV_HUGEPAGE);
    std::free(blocks[1]);
    std::free(blocks[0]);
    std::free(probe);
    return true;
#else
    return false;
#endif
}

}  // namespace traza::model
