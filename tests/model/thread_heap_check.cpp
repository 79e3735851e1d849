// adviseThreadHeap (model/process_memory.h), checked in a process of its own:
// the memory settings are the process's, made before any second thread.
// Two threads, alive at once so that each has its own glibc arena, allocate
// and touch the same 28 MB of small blocks; the one that advised its heap
// must take far fewer page faults (2 MB pages instead of 4 kB ones).
// Exit 77 (skipped) where this cannot be seen: transparent huge pages not in
// "madvise" mode (with "always" both threads get them, with "never" neither),
// or no advice taken (sanitizer or valgrind allocators, not glibc).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "process_memory.h"

namespace {

long threadFaults() {
    rusage r{};
    getrusage(RUSAGE_THREAD, &r);
    return r.ru_minflt;
}

// Faults taken while allocating and touching 28 MB in blocks of 1 000 bytes
// (they stay allocated: freed at the end, after counting).
long faultsForSmallBlocks() {
    std::vector<char*> blocks;
    blocks.reserve(28 * 1024);
    const long before = threadFaults();
    for (int i = 0; i < 28 * 1024; ++i) {
        char* b = static_cast<char*>(std::malloc(1000));
        b[0] = 1;
        b[999] = 1;
        blocks.push_back(b);
    }
    const long faults = threadFaults() - before;
    for (char* b : blocks) std::free(b);
    return faults;
}

}  // namespace

int main() {
    traza::model::tuneProcessMemory(traza::model::MallocArenas::GlibcDefault);
    std::string mode;
    std::getline(std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled"), mode);
    if (mode.find("[madvise]") == std::string::npos) {
        std::printf("skipped: transparent huge pages are \"%s\", not madvise\n", mode.c_str());
        return 77;
    }
    long plain = 0, advised = 0;
    bool tookAdvice = false;
    std::latch bothHaveArenas(2);
    std::thread first([&] {
        plain = faultsForSmallBlocks();
        bothHaveArenas.arrive_and_wait();  // stay alive: the other thread must not take this arena
    });
    std::thread second([&] {
        tookAdvice = traza::model::adviseThreadHeap();
        advised = faultsForSmallBlocks();
        bothHaveArenas.arrive_and_wait();
    });
    first.join();
    second.join();
    if (!tookAdvice) {
        std::printf("skipped: no advice taken (not glibc's allocator, or its arenas not kept)\n");
        return 77;
    }
    std::printf("page faults for 28 MB of small blocks: %ld on a plain thread heap, %ld on an advised one\n", plain, advised);
    if (advised * 4 > plain) {
        std::printf("FAILED: the advised heap should take under a quarter of the faults\n");
        return 1;
    }
    return 0;
}
