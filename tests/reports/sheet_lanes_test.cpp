// Sheets filled on two threads (sheet_lanes.h, tab_order.h): the tabs keep the
// order the writers were given in however the threads run, a writer that adds
// no sheet passes its turn, and a failure on either thread ends both and is the
// one reported.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "report_fixture.h"
#include "sheet_lanes.h"
#include "tab_order.h"
#include "workbook_writer.h"

using namespace traza::reports;
using traza::reports::test::ScratchDir;
using traza::reports::test::zipParts;

namespace {

using Lane = SheetLanes::Lane;
using namespace std::chrono_literals;

// The sheet names in workbook.xml, in tab order.
std::vector<std::string> tabNames(const std::filesystem::path& file) {
    const std::string xml = zipParts(file)["xl/workbook.xml"];
    std::vector<std::string> names;
    for (std::size_t at = 0; (at = xml.find("<sheet name=\"", at)) != std::string::npos;) {
        at += 13;
        names.push_back(xml.substr(at, xml.find('"', at) - at));
    }
    return names;
}

// A writer that waits, then adds sheet `name` and writes a row into it.
std::function<void()> sheetAfter(Workbook& book, std::string name, std::chrono::milliseconds wait) {
    return [&book, name, wait] {
        std::this_thread::sleep_for(wait);
        Sheet s = book.addSheet(name);
        s.text(0, 0, name);
    };
}

}  // namespace

TEST_CASE("SheetLanes - tabs come in the order given, whichever thread is quicker", "[report][lanes]") {
    for (const bool sideFirst : {true, false}) {
        ScratchDir dir;
        const auto file = dir.path() / "lanes.xlsx";
        {
            Workbook book(file, true);
            SheetLanes lanes(book, true);
            const auto slow = sideFirst ? 0ms : 40ms, quick = sideFirst ? 40ms : 0ms;
            lanes.add(sheetAfter(book, "A", quick));
            lanes.add(sheetAfter(book, "B", slow), Lane::Side);
            lanes.add([] {});  // a writer with nothing to write passes its turn
            lanes.add(sheetAfter(book, "C", 0ms), Lane::Side);
            lanes.add(sheetAfter(book, "D", quick));
            lanes.add(sheetAfter(book, "E", 0ms), Lane::Side);
            lanes.run();
            book.close();
        }
        INFO("side lane first: " << sideFirst);
        CHECK(tabNames(file) == std::vector<std::string>{"A", "B", "C", "D", "E"});
    }
}

TEST_CASE("SheetLanes - a failure on either thread stops both and is the one reported", "[report][lanes]") {
    for (const Lane failing : {Lane::Main, Lane::Side}) {
        ScratchDir dir;
        Workbook book(dir.path() / "failed.xlsx", true);
        SheetLanes lanes(book, true);
        std::atomic<int> addedAfter{0};
        const Lane other = failing == Lane::Main ? Lane::Side : Lane::Main;
        lanes.add([&] { book.addSheet("first"); }, other);  // may be stopped too, if it comes late
        lanes.add([] { throw std::runtime_error("the table could not be written"); }, failing);
        // Both of these wait for the failed writer's turn: neither may hang or add its sheet.
        lanes.add([&] { book.addSheet("after 1"); ++addedAfter; }, other);
        lanes.add([&] { book.addSheet("after 2"); ++addedAfter; }, failing);
        CHECK_THROWS_WITH(lanes.run(), "the table could not be written");
        CHECK(addedAfter == 0);
    }
}

TEST_CASE("SheetLanes - a writer may add only one sheet, and only inside the lanes", "[report][lanes]") {
    ScratchDir dir;
    Workbook book(dir.path() / "two.xlsx", true);
    SheetLanes lanes(book, true);
    lanes.add([&] {
        book.addSheet("one");
        book.addSheet("two");
    });
    CHECK_THROWS_WITH(lanes.run(), Catch::Contains("added a second sheet"));

    TabOrder order;
    book.setTabOrder(&order);
    CHECK_THROWS_WITH(book.addSheet("stray"), Catch::Contains("outside the tasks"));
    book.setTabOrder(nullptr);
}

TEST_CASE("SheetLanes - two threads need a constant-memory workbook; one thread runs in order", "[report][lanes]") {
    ScratchDir dir;
    {
        Workbook book(dir.path() / "shared-strings.xlsx", false);
        SheetLanes lanes(book, true);
        lanes.add(sheetAfter(book, "A", 0ms));
        CHECK_THROWS_WITH(lanes.run(), Catch::Contains("constant-memory"));
    }
    const auto file = dir.path() / "one-thread.xlsx";
    {
        Workbook book(file, false);
        SheetLanes lanes(book, false);
        lanes.add(sheetAfter(book, "A", 0ms), Lane::Side);
        lanes.add(sheetAfter(book, "B", 0ms));
        lanes.run();
        book.close();
    }
    CHECK(tabNames(file) == std::vector<std::string>{"A", "B"});
}
