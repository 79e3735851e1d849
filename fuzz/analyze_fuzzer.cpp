// libFuzzer target: analysis of any chain JSON the import accepts (see fuzz_entry_points.h).
#include <cstddef>
#include <cstdint>

#include "fuzz_entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    traza::fuzz::analyzeChain(data, size);
    return 0;
}
