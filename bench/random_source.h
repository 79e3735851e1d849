#pragma once
// A small deterministic random source (SplitMix64) for the chain generator.
// std:: distributions differ between standard libraries; this one gives the
// same chain for the same seed everywhere, so figures in docs/performance.md
// can be reproduced on any machine.
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace traza::bench {

class RandomSource {
public:
    explicit RandomSource(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    /// Uniform in [lo, hi).
    double between(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Uniform integer in [0, n); n > 0.
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(uniform() * static_cast<double>(n)); }
    /// Integer in [0, n) favouring small values (a few large buyers, many small
    /// ones): with power 2 the first tenth gets about a third of the draws,
    /// with power 4 more than half. n > 0.
    std::size_t skewed(std::size_t n, double power = 2.0) {
        return static_cast<std::size_t>(std::pow(uniform(), power) * static_cast<double>(n));
    }
    bool chance(double p) { return uniform() < p; }

private:
    std::uint64_t m_state;
};

}  // namespace traza::bench
