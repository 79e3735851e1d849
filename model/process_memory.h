#pragma once
// How a Traza process takes memory from the system (see the .cpp): traza-cli's
// one-shot commands and the workbench.

#include <cstddef>
#include <cstdint>

namespace traza::model {

enum class MallocArenas {
    One,           ///< every thread allocates from the main heap (traza-cli's commands)
    GlibcDefault,  ///< glibc's arenas, one per busy thread (the workbench, `traza-cli report`)
};

/// Called first in main(), before any second thread exists. Effective with
/// glibc on Linux; elsewhere, and under sanitizers or valgrind (which bring
/// their own allocators), it changes nothing.
void tuneProcessMemory(MallocArenas);

/// Called by traza-cli once it knows about how much it will allocate (from the
/// size of the file it reads): faults in the first `bytes` of the main heap's
/// reserve in 2 MB pages on a thread of its own (on the calling thread when
/// `wait`), so the reading and analysis threads find them ready. On a virtual
/// machine whose host takes freed memory back, a fresh page costs about 30
/// times what a reused one does (docs/performance.md, "Cold runs"); those
/// faults then come on a core the command leaves idle, or beside the threads
/// instead of under the heap's lock. Does nothing unless tuneProcessMemory
/// took effect, below 4 MB, or where the kernel cannot (MADV_POPULATE_WRITE,
/// Linux 5.14). The memory's contents are never touched: the heap may already
/// be using it. True when it started (with `wait`: did) fault pages in.
bool prefaultHeap(std::size_t bytes, bool wait = false);

/// Called first on a thread of the workbench that is about to allocate tens of
/// MB: glibc gives it a heap of its own (an arena), and this makes that heap
/// grow in 2 MB pages as the main one does. True when it advised this thread's
/// heap; false (and nothing done) unless tuneProcessMemory(GlibcDefault) took
/// effect, and on the main heap.
bool adviseThreadHeap();

/// What tuneProcessMemory found and set. A module that holds its own copy of
/// this code (libtraza-server.so, server_store.h) is handed the program's when
/// it is loaded, so that its readers advise and fault in the program's heaps.
struct ProcessMemoryTuning {
    std::uintptr_t reserveFrom = 0;  ///< the main heap's reserve in 2 MB pages (none: 0)
    std::uintptr_t reserveBytes = 0;
    bool threadHeapsAdvisable = false;  ///< glibc's arenas kept, and the main heap's advice took
};
ProcessMemoryTuning processMemoryTuning();
void adoptProcessMemoryTuning(const ProcessMemoryTuning&);

}  // namespace traza::model
