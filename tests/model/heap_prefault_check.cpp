// prefaultHeap (model/process_memory.h), checked in a process of its own: the
// memory settings are the process's, made before any second thread. 24 MB of
// small blocks are allocated and touched three times: a first time, not
// counted (the heap's start, where glibc's own structures are, varies from
// run to run); then on fresh heap; then on heap that prefaultHeap faulted in
// beforehand. The last must take under a quarter of the page faults of the
// second (it takes none where it works).
// Exit 77 (skipped) where nothing can be faulted in ahead: no reserve (the
// sanitizers' or valgrind's allocators, not glibc's) or a kernel without
// MADV_POPULATE_WRITE (before Linux 5.14).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "process_memory.h"

namespace {

long faults() {
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_minflt;
}

constexpr int kBlocks = 24 * 1024;

// Faults taken while allocating and touching 24 MB in blocks of 1 000 bytes
// (they stay allocated, so the next call takes fresh heap above them).
long faultsForSmallBlocks(std::vector<char*>& blocks, int round) {
    const long before = faults();
    for (int i = 0; i < kBlocks; ++i) {
        char* b = static_cast<char*>(std::malloc(1000));
        b[0] = 1;
        b[999] = 1;
        blocks[round * kBlocks + i] = b;
    }
    return faults() - before;
}

}  // namespace

int main() {
    traza::model::tuneProcessMemory(traza::model::MallocArenas::One);
    std::vector<char*> blocks(3 * kBlocks, nullptr);  // touched before counting: its pages are not the blocks'
    faultsForSmallBlocks(blocks, 0);
    const long fresh = faultsForSmallBlocks(blocks, 1);
    // The heap's first 100 MB: the blocks above and the next 24 MB with room to spare.
    const bool faultedIn = traza::model::prefaultHeap(std::size_t(100) << 20, true);
    const long prefaulted = faultedIn ? faultsForSmallBlocks(blocks, 2) : 0;
    for (char* b : blocks) std::free(b);  // on every path: the sanitizers' leak check runs at exit
    if (!faultedIn) {
        std::printf("skipped: nothing faulted in ahead (no reserve, or no MADV_POPULATE_WRITE)\n");
        return 77;
    }
    std::printf("page faults for 24 MB of small blocks: %ld on fresh heap, %ld on heap faulted in ahead\n", fresh,
                prefaulted);
    if (prefaulted * 4 > fresh || fresh == 0) {
        std::printf("FAILED: the heap faulted in ahead should take under a quarter of the faults\n");
        return 1;
    }
    return 0;
}
