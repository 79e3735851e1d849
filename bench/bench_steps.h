#pragma once
// The timed steps of a user's session with a national chain, each a Google
// Benchmark function over a generated chain of a given size: JSON import,
// JSON export, project save, project open, full analysis, Excel report.
#include <cstddef>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace traza::bench {

struct BenchStep {
    std::string name;  ///< e.g. "analyze"; also the --steps spelling
    void (*run)(benchmark::State&, std::size_t flows, bool cycles);
};

/// Every step, in the order a session meets them.
const std::vector<BenchStep>& benchSteps();

}  // namespace traza::bench
