#pragma once
// How a Traza process takes memory from the system (see the .cpp): traza-cli's
// one-shot commands and the workbench.

namespace traza::model {

enum class MallocArenas {
    One,           ///< every thread allocates from the main heap (traza-cli's commands)
    GlibcDefault,  ///< glibc's arenas, one per busy thread (the workbench, `traza-cli report`)
};

/// Called first in main(), before any second thread exists. Effective with
/// glibc on Linux; elsewhere, and under sanitizers or valgrind (which bring
/// their own allocators), it changes nothing.
void tuneProcessMemory(MallocArenas);

/// Called first on a thread of the workbench that is about to allocate tens of
/// MB: glibc gives it a heap of its own (an arena), and this makes that heap
/// grow in 2 MB pages as the main one does. True when it advised this thread's
/// heap; false (and nothing done) unless tuneProcessMemory(GlibcDefault) took
/// effect, and on the main heap.
bool adviseThreadHeap();

}  // namespace traza::model
