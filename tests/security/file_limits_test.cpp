// Files that are too big or are not files at all. Every reader refuses them
// before reading a byte of content: an oversized file is judged by its size
// (sparse files here, so the test costs no disk), a FIFO or a device by its
// type, and none of them may block or exhaust memory.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fcntl.h>
#include <functional>
#include <future>
#include <string>

#include "chain_json.h"
#include "csv_import.h"
#include "error.h"
#include "project_store.h"
#include "project_store_fixtures.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Runs f on another thread and returns its message; fails (and unblocks a
// reader stuck on `fifo` by opening its other end) when it takes over 10 s.
std::string withinTenSeconds(const std::function<std::string()>& f, const fs::path& fifo = {}) {
    auto result = std::async(std::launch::async, f);
    if (result.wait_for(std::chrono::seconds(10)) == std::future_status::ready) return result.get();
    FAIL_CHECK("blocked for more than 10 seconds");
    if (!fifo.empty()) {
        int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
        if (fd >= 0) ::close(fd);
    }
    return result.get();
}

}  // namespace

TEST_CASE("File limits - files above each reader's size limit are refused by their size alone") {
    TempDir dir;
    // A valid project whose file is then grown (sparsely) past 4 GiB.
    const fs::path project = dir / "huge.traza";
    ProjectStore::save(makeChain(3, 3), project);
    fs::resize_file(project, (std::uintmax_t(4) << 30) + 1);
    const std::string message = thrownMessage<FileFormatError>([&] { ProjectStore::open(project); });
    CHECK(message == project.string() + " is too large to be a Traza project file (4294967297 bytes; at most 4294967296)");

    const fs::path json = dir / "huge.json";
    writeBytes(json, "{}");
    fs::resize_file(json, maxChainJsonBytes + 1);
    CHECK(contains(thrownMessage<InvalidInput>([&] { readProjectJson(json, Catalogue::installed()); }),
                   json.string() + ": file too large"));

    const fs::path csv = dir / "huge.csv";
    writeBytes(csv, "id,kind\n");
    fs::resize_file(csv, maxCsvBytes + 1);
    writeBytes(dir / "flows.csv", "id,from,to,tonnes\n");
    CHECK(contains(thrownMessage<InvalidInput>([&] { readProjectCsv(csv, dir / "flows.csv", Catalogue::installed()); }),
                   csv.string() + ":1:1: file too large"));
    writeBytes(dir / "actors.csv", "id,kind\na,brand\n");
    CHECK(contains(thrownMessage<InvalidInput>([&] { readProjectCsv(dir / "actors.csv", csv, Catalogue::installed()); }),
                   csv.string() + ":1:1: file too large"));
}

TEST_CASE("File limits - a FIFO named like a project, chain JSON or CSV is refused without blocking") {
    TempDir dir;
    const fs::path fifo = dir / "pipe.traza";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string message = withinTenSeconds(
        [&] { return thrownMessage<IoError>([&] { ProjectStore::open(fifo); }); }, fifo);
    CHECK(message == "could not open " + fifo.string() + ": it is not a regular file");
    CHECK_THROWS_AS(withinTenSeconds([&] { return std::to_string(ProjectStore::fileSchemaVersion(fifo)); }, fifo), Error);

    const fs::path jsonFifo = dir / "pipe.json";
    REQUIRE(::mkfifo(jsonFifo.c_str(), 0600) == 0);
    CHECK(withinTenSeconds([&] { return thrownMessage<IoError>([&] { readProjectJson(jsonFifo, Catalogue::installed()); }); },
                           jsonFifo)
              .find(jsonFifo.string() + ": cannot read") == 0);

    const fs::path csvFifo = dir / "pipe.csv";
    REQUIRE(::mkfifo(csvFifo.c_str(), 0600) == 0);
    writeBytes(dir / "flows.csv", "id,from,to,tonnes\n");
    CHECK(withinTenSeconds([&] {
              return thrownMessage<IoError>([&] { readProjectCsv(csvFifo, dir / "flows.csv", Catalogue::installed()); });
          }, csvFifo)
              .find(csvFifo.string() + ": cannot read") == 0);
}

TEST_CASE("File limits - a project name that links to a device is refused without reading it") {
    TempDir dir;
    const fs::path link = dir / "zero.traza";
    fs::create_symlink("/dev/zero", link);
    const std::string message = withinTenSeconds([&] { return thrownMessage<IoError>([&] { ProjectStore::open(link); }); });
    CHECK(message == "could not open " + link.string() + ": it is not a regular file");
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"zero.traza"});
}
