// libFuzzer target: returned supplier questionnaires (see fuzz_entry_points.h for what is checked).
#include <cstddef>
#include <cstdint>

#include "fuzz_entry_points.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    traza::fuzz::questionnaireAnswers(data, size);
    return 0;
}
