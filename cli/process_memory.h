#pragma once
// How traza-cli's one-shot process takes memory from the system (see the .cpp).

namespace traza::cli {

/// Called first in main(), before any second thread exists. Effective with
/// glibc on Linux; elsewhere, and under sanitizers or valgrind (which bring
/// their own allocators), it changes nothing.
void tuneProcessMemory();

}  // namespace traza::cli
