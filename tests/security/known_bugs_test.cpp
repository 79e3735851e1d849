// Open bugs found by the fuzz targets' invariants or the property tests, kept
// as inputs in tests/security/known-bugs/<target>/ and replayed here with
// Catch2's [!shouldfail]: the test passes while the bug is there and fails
// the day it is fixed. Then move the inputs to tests/security/regressions/
// <target>/ (replayed by fuzz_regression_test.cpp) and delete the case.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_entry_points.h"

namespace fs = std::filesystem;

TEST_CASE("Known bug (risk) - a cycle fed only by flows 1e16 times smaller than the flows inside it gets NaN flow shares",
          "[!shouldfail]") {
    // risk::analyze solves proportional mixing as a linear system; when the only
    // material entering a strongly connected group is (through a product of
    // ratios) below double precision of the flows circulating in it, the system
    // is singular in floating point and every flow share comes out NaN (null in
    // analysis JSON). Both inputs are valid chains; analyzeChain requires finite
    // shares in [0, 1].
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(TRAZA_SECURITY_DIR "/known-bugs/analyze")) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() == 2);
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        INFO(file.string());
        CHECK_NOTHROW(traza::fuzz::analyzeChain(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    }
}
