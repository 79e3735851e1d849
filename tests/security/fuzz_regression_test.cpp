// Replays every input the fuzzers ever crashed on (tests/security/regressions/
// <target>/) and every seed (fuzz/corpus/<target>/) through the fuzz entry
// points, in the ordinary build: each must be accepted or refused with a
// traza::Error, never crash, throw anything else or break a round trip.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz_entry_points.h"

namespace fs = std::filesystem;

namespace {

using EntryPoint = void (*)(const std::uint8_t*, std::size_t);

struct Target {
    const char* name;
    EntryPoint entry;
};

const Target kTargets[] = {
    {"json_import", traza::fuzz::jsonImport},
    {"csv_import", traza::fuzz::csvImport},
    {"project_open", traza::fuzz::projectOpen},
    {"analyze", traza::fuzz::analyzeChain},
    {"xlsx_import", traza::fuzz::xlsxImport},
    {"questionnaire_answers", traza::fuzz::questionnaireAnswers},
};

std::vector<fs::path> filesIn(const fs::path& dir) {
    std::vector<fs::path> files;
    if (fs::is_directory(dir))
        for (const auto& e : fs::directory_iterator(dir))
            if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string readAll(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs every file of `folder`/<target> through the target; returns how many ran.
std::size_t replay(const fs::path& folder) {
    std::size_t count = 0;
    for (const Target& target : kTargets) {
        for (const fs::path& file : filesIn(folder / target.name)) {
            const std::string bytes = readAll(file);
            INFO(target.name << ": " << file.string());
            CHECK_NOTHROW(target.entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
            ++count;
        }
    }
    return count;
}

}  // namespace

TEST_CASE("Fuzz regressions - every saved reproducer is accepted or refused cleanly") {
    const std::size_t count = replay(TRAZA_SECURITY_DIR "/regressions");
    CHECK(count >= 1);
}

TEST_CASE("Fuzz regressions - every seed of the fuzz corpus is accepted or refused cleanly") {
    const std::size_t count = replay(TRAZA_FUZZ_CORPUS_DIR);
    CHECK(count >= 10);
}

TEST_CASE("Fuzz regressions - empty and one-byte inputs are refused cleanly by every target") {
    for (const Target& target : kTargets) {
        INFO(target.name);
        const std::uint8_t bytes[] = {0, '{', '"', ',', 0xff};
        CHECK_NOTHROW(target.entry(bytes, 0));
        for (const std::uint8_t& b : bytes) CHECK_NOTHROW(target.entry(&b, 1));
    }
}

TEST_CASE("Fuzz regressions - an accepted chain JSON goes through the round-trip checks without complaint") {
    // The accepting path once on its own, so a false alarm in the checks shows here first.
    const std::string minimal = R"({"format": "traza-chain", "version": 1,
        "actors": [{"id": "a", "kind": "brand"}, {"id": "b", "kind": "refiner"}],
        "flows": [{"id": "f", "from": "a", "to": "b", "tonnes": 2}]})";
    CHECK_NOTHROW(traza::fuzz::jsonImport(reinterpret_cast<const std::uint8_t*>(minimal.data()), minimal.size()));
}
