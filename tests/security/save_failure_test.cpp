// Saving under failure, at the store level: the autosave beside a project
// (the GUI's FileController writes it with ProjectStore::save to
// gui::autosavePathFor, "dir/chain.autosave.traza", and offers it on open
// when gui::autosaveIsNewer; both are wx-free and used here), and real
// file-system failures on a tiny file system. The tests tagged [.small-fs],
// [.readonly-fs] and [.no-inodes] need a mounted file system named by
// TRAZA_TEST_FS; small_fs_test.sh mounts one and runs them (they are hidden
// from a plain run of the binary).
#include <catch2/catch.hpp>

#include <sys/statvfs.h>

#include <chrono>
#include <cstdlib>
#include <string>

#include "error.h"
#include "project_store.h"
#include "project_files.h"
#include "project_store_fixtures.h"

using namespace traza;
using namespace traza::model;
using namespace traza::model::test;

namespace {

struct InjectorGuard {
    ~InjectorGuard() { ProjectStore::setFaultInjector(nullptr); }
};

fs::path autosaveOf(const fs::path& file) { return gui::autosavePathFor(file, file.parent_path() / "user-data"); }

// The folder named by TRAZA_TEST_FS, emptied; the test fails without it.
fs::path testFileSystem() {
    const char* dir = std::getenv("TRAZA_TEST_FS");
    REQUIRE(dir != nullptr);
    for (const auto& e : fs::directory_iterator(dir)) fs::remove_all(e.path());
    return dir;
}

std::uintmax_t freeBytes(const fs::path& dir) {
    struct statvfs s {};
    REQUIRE(::statvfs(dir.c_str(), &s) == 0);
    return std::uintmax_t(s.f_bavail) * s.f_frsize;
}

bool saveErrorContains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("Autosave - a failure at any step of an autosave leaves the project file and the previous autosave unchanged") {
    InjectorGuard guard;
    const auto failing = GENERATE(ProjectStore::SaveStep::CreateTemp, ProjectStore::SaveStep::WriteRows,
                                  ProjectStore::SaveStep::Commit, ProjectStore::SaveStep::Fsync,
                                  ProjectStore::SaveStep::Rename);
    INFO("failing step " << static_cast<int>(failing));
    TempDir dir;
    const fs::path file = dir / "chain.traza";
    const fs::path autosave = autosaveOf(file);
    const Project saved = makeChain(8, 30);
    Project edited = saved;
    edited.flows.pop_back();
    ProjectStore::save(saved, file);
    ProjectStore::save(edited, autosave);
    fs::last_write_time(autosave, fs::last_write_time(file) + std::chrono::seconds(5));  // written after the save
    const std::string fileBytes = readBytes(file);
    const std::string autosaveBytes = readBytes(autosave);

    Project later = edited;
    later.actors[0].name = "renamed after the first autosave";
    ProjectStore::setFaultInjector([&](ProjectStore::SaveStep s) {
        if (s == failing) throw std::runtime_error("injected failure");
    });
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(later, autosave); });
    ProjectStore::setFaultInjector(nullptr);

    CHECK(message == "could not save " + autosave.string() + ": injected failure");
    CHECK(readBytes(file) == fileBytes);
    CHECK(readBytes(autosave) == autosaveBytes);
    CHECK(listFolder(dir.path()) == std::vector<std::string>{"chain.autosave.traza", "chain.traza"});
    // Recovery still offers the last good autosave (newer than the file) and opens it.
    CHECK(gui::autosaveIsNewer(file, autosave));
    CHECK(sameProject(gui::loadProjectFile(autosave), edited));
    CHECK(sameProject(ProjectStore::open(file), saved));
}

TEST_CASE("Autosave - recovery opens the autosaved edits while the project file keeps the last save") {
    TempDir dir;
    const fs::path file = dir / "chain.traza";
    const Project saved = makeChain(6, 20);
    Project edited = saved;
    edited.assessment.notes = "edited, not yet saved";
    edited.actors[2].x = 999.5;
    ProjectStore::save(saved, file);
    ProjectStore::save(edited, autosaveOf(file));
    CHECK(sameProject(ProjectStore::open(autosaveOf(file)), edited));
    CHECK(sameProject(ProjectStore::open(file), saved));

    // A damaged autosave is refused by name, and the project file still opens.
    const std::string bytes = readBytes(autosaveOf(file));
    writeBytes(autosaveOf(file), bytes.substr(0, bytes.size() / 3));
    const std::string message = thrownMessage<FileFormatError>([&] { ProjectStore::open(autosaveOf(file)); });
    CHECK(message.find(autosaveOf(file).string()) == 0);
    CHECK(sameProject(ProjectStore::open(file), saved));
}

TEST_CASE("Saving on a full disk - at every fill level a save completes or fails naming the file, and the previous file stays", "[.small-fs]") {
    const fs::path dir = testFileSystem();
    const fs::path file = dir / "chain.traza";
    const Project small = makeChain(4, 10);
    const Project big = makeChain(60, 2500);
    ProjectStore::save(small, file);
    std::string smallBytes = readBytes(file);
    ProjectStore::save(big, dir / "probe.traza");  // how much room the big project takes
    const std::uintmax_t bigSize = fs::file_size(dir / "probe.traza");
    fs::remove(dir / "probe.traza");
    const std::uintmax_t room = freeBytes(dir);
    REQUIRE(room > bigSize);  // the file system must hold the big project once, with the small one

    int failures = 0, successes = 0;
    for (int level = 0; level <= 20; ++level) {
        // Leave between a little more than the big file and almost nothing free.
        const std::uintmax_t leave = bigSize + 8192 - (bigSize + 8192) * level / 20;
        const std::uintmax_t fill = room > leave ? room - leave : 0;
        writeBytes(dir / "filler", std::string(fill, 'f'));
        INFO("level " << level << ": " << fill << " bytes of filler, " << freeBytes(dir) << " free, the project takes " << bigSize);
        try {
            ProjectStore::save(big, file);
            ++successes;
            CHECK(sameProject(ProjectStore::open(file), big));
            fs::remove(dir / "filler");
            ProjectStore::save(small, file);  // back to the small file for the next level
            smallBytes = readBytes(file);
        } catch (const IoError& e) {
            ++failures;
            CHECK(std::string(e.what()) == "could not save " + file.string() + ": disk full");
            CHECK(readBytes(file) == smallBytes);
            CHECK(sameProject(ProjectStore::open(file), small));
            CHECK(listFolder(dir) == std::vector<std::string>{"chain.traza", "filler"});
            fs::remove(dir / "filler");
        }
    }
    CHECK(successes > 0);
    CHECK(failures > 0);
}

TEST_CASE("Saving on a full disk - an autosave that does not fit leaves the project file and the old autosave", "[.small-fs]") {
    const fs::path dir = testFileSystem();
    const fs::path file = dir / "chain.traza";
    const Project small = makeChain(4, 10);
    ProjectStore::save(small, file);
    ProjectStore::save(small, autosaveOf(file));
    const std::string bytes = readBytes(file);
    writeBytes(dir / "filler", std::string(freeBytes(dir) - 4096, 'f'));
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(60, 2500), autosaveOf(file)); });
    CHECK(message == "could not save " + autosaveOf(file).string() + ": disk full");
    CHECK(readBytes(file) == bytes);
    CHECK(readBytes(autosaveOf(file)) == bytes);
    CHECK(listFolder(dir) == std::vector<std::string>{"chain.autosave.traza", "chain.traza", "filler"});
}

TEST_CASE("Saving on a read-only file system - the save fails naming the file and the folder", "[.readonly-fs]") {
    const char* dir = std::getenv("TRAZA_TEST_FS");
    REQUIRE(dir != nullptr);
    const fs::path file = fs::path(dir) / "chain.traza";
    REQUIRE(fs::exists(file));  // written by the script before it remounted read-only
    const std::string bytes = readBytes(file);
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(4, 10), file); });
    CHECK(message == "could not save " + file.string() + ": cannot create a temporary file in " + dir +
                         ": Read-only file system");
    CHECK(readBytes(file) == bytes);
    CHECK_NOTHROW(ProjectStore::open(file));  // opening never needs to write
}

TEST_CASE("Saving with no free inodes - the save fails naming the file and the previous file stays", "[.no-inodes]") {
    const fs::path dir = testFileSystem();
    const fs::path file = dir / "chain.traza";
    ProjectStore::save(makeChain(4, 10), file);
    const std::string bytes = readBytes(file);
    for (int i = 0; i < 100000; ++i) {  // use up the inodes
        std::ofstream out(dir / ("i" + std::to_string(i)));
        if (!out) break;
    }
    const std::string message = thrownMessage<IoError>([&] { ProjectStore::save(makeChain(5, 12), file); });
    CHECK(message.find("could not save " + file.string() + ": ") == 0);
    CHECK((saveErrorContains(message, "disk full") || saveErrorContains(message, "No space left")));
    CHECK(readBytes(file) == bytes);
}
