#pragma once
// What the benchmarks share: the generated chain of a size, and what each
// step needs ready before it is timed (the JSON text for import, a saved
// .traza file for open, an analysis for the report). One chain is kept at a
// time, so run the steps of one size together (bench_main.cpp registers them
// that way) and memory stays that of one chain.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "analysis.h"
#include "chain_generator.h"
#include "project.h"

namespace traza::bench {

class BenchChain {
public:
    BenchChain(std::size_t flows, bool cycles);

    const ChainShape& shape() const { return m_shape; }
    const model::Project& project() const { return m_project; }
    /// Chain JSON of the project (made on first use).
    const std::string& json();
    /// The project saved as a .traza file in the scratch directory (on first use).
    const std::filesystem::path& savedFile();
    /// risk::analyze of the project (on first use).
    const risk::Analysis& analysis();

private:
    ChainShape m_shape;
    model::Project m_project;
    std::string m_json;
    std::filesystem::path m_saved;
    std::optional<risk::Analysis> m_analysis;
};

/// The chain of this size, generating it (and dropping the previous one) when needed.
BenchChain& benchChain(std::size_t flows, bool cycles);

/// A scratch directory for the files benchmarks write; removed at exit.
const std::filesystem::path& scratchDirectory();

/// The process's peak resident set size so far, in MiB (getrusage).
double peakRssMiB();

}  // namespace traza::bench
