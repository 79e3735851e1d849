// The file named on the command line, read on a thread while the window is
// first painted (gui/files/early_read.h): the same project, or the same error,
// as reading it on the calling thread.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <string>

#include "catalogue.h"
#include "chain_json.h"
#include "early_read.h"
#include "error.h"
#include "gui_test_support.h"
#include "project_store.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {


// The error's words from reading on this thread (what the window would show).
std::string errorFromReading(const std::function<void()>& read) {
    try {
        read();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("EarlyRead - a project file and a chain JSON read on the thread are what reading them here gives") {
    TempDir dir;
    const fs::path file = dir / "care.traza";
    model::ProjectStore::save(model::readProjectJson(careSample(), model::Catalogue::installed()), file);

    EarlyRead project(file);
    CHECK(project.file() == file);
    CHECK(model::projectToJson(project.take()) == model::projectToJson(model::ProjectStore::open(file)));

    EarlyRead json(careSample());
    const model::Project fromJson = json.take();
    CHECK(model::projectToJson(fromJson) == model::projectToJson(model::readProjectJson(careSample(), model::Catalogue::installed())));
    CHECK(fromJson.actors.size() == 14);  // the CARE pilot's chain
}

TEST_CASE("EarlyRead - a damaged or missing file throws the same error when taken, and one never taken is dropped") {
    TempDir dir;
    const fs::path bad = dir / "broken.traza";
    std::ofstream(bad) << "this is not a database";
    const std::string expected = errorFromReading([&] { model::ProjectStore::open(bad); });
    REQUIRE_FALSE(expected.empty());
    EarlyRead damaged(bad);
    CHECK(errorFromReading([&] { damaged.take(); }) == expected);

    const fs::path missing = dir / "nowhere.json";
    const std::string notThere = errorFromReading([&] { model::readProjectJson(missing, model::Catalogue::installed()); });
    REQUIRE_FALSE(notThere.empty());
    EarlyRead absent(missing);
    CHECK(errorFromReading([&] { absent.take(); }) == notThere);

    // Destroyed untaken: its thread is waited for, nothing leaks (ASan checks).
    { EarlyRead untaken(careSample()); }
}
