#pragma once
// Work that may run beside the caller: on a thread of its own when one is
// wanted and can be had, otherwise on the thread that asks for its result,
// when it asks. Either way the result is the same.
#include <future>
#include <system_error>
#include <type_traits>
#include <utility>

#include "process_memory.h"

namespace traza {

template <typename Work>
std::future<std::invoke_result_t<Work&>> startTask(bool thread, Work work) {
    std::future<std::invoke_result_t<Work&>> result;
    try {
        // A thread of its own allocates from a heap of its own (process_memory.h).
        if (thread) result = std::async(std::launch::async, [work]() mutable {
            model::adviseThreadHeap();
            return work();
        });
    } catch (const std::system_error&) {  // no thread to be had: the same work, later, on this one
    }
    if (!result.valid()) result = std::async(std::launch::deferred, std::move(work));
    return result;
}

}  // namespace traza
