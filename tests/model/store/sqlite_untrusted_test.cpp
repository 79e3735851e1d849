// readWholeFile: a project file's bytes, read whole (a large file in two halves
// on two threads), compared with the bytes written.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>

#include "project_store_fixtures.h"
#include "sqlite_untrusted.h"

using namespace traza::model;
using namespace traza::model::test;

namespace {
std::string randomBytes(std::size_t size) {
    std::mt19937_64 random(size);
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    return bytes;
}
}  // namespace

TEST_CASE("readWholeFile - small and large files (read in two halves) come back byte for byte") {
    TempDir dir;
    // Odd sizes, so the halves differ by one byte; 9 MB is above the size read on two threads.
    for (const std::size_t size : {std::size_t{0}, std::size_t{101}, (std::size_t(9) << 20) + 3}) {
        const std::string bytes = randomBytes(size);
        writeBytes(dir / "file.traza", bytes);
        const sqlite::FileBytes read = sqlite::readWholeFile(dir / "file.traza", std::size_t(1) << 30);
        INFO(size << " bytes");
        REQUIRE(read.size == size);
        CHECK(std::memcmp(read.data.get(), bytes.data(), size) == 0);
    }
}
