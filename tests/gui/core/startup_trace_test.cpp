#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <thread>

#include "startup_trace.h"

using namespace traza::gui;

TEST_CASE("StartupTrace - a milestone is recorded and printed once, in ms since the process started") {
    StartupTrace& trace = StartupTrace::instance();
    std::ostringstream out;
    trace.reset();
    trace.configure(&out, false);
    CHECK_FALSE(trace.reached(Milestone::FileRead));
    CHECK(trace.mark(Milestone::FileRead));
    CHECK_FALSE(trace.mark(Milestone::FileRead));  // a second open is no start-up milestone
    REQUIRE(trace.at(Milestone::FileRead));
    const double at = *trace.at(Milestone::FileRead);
    CHECK(at > 0);
    CHECK(at <= StartupTrace::msSinceProcessStart());
    CHECK(out.str() == "traza-startup: file-read " + std::to_string(static_cast<long>(at + 0.5)) + " ms\n");

    // The clock runs from the process start: a 50 ms sleep shows as about 50 ms.
    const double before = StartupTrace::msSinceProcessStart();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const double after = StartupTrace::msSinceProcessStart();
    CHECK(after - before >= 49);
    CHECK(after - before < 5000);

    // Silent without a sink, but still recorded (the window tests read it).
    trace.configure(nullptr, true);
    CHECK_FALSE(trace.exitAfterLast());  // nothing to print, nothing to quit for
    CHECK(trace.mark(Milestone::LayoutDone));
    CHECK(out.str().find("layout-done") == std::string::npos);
    trace.reset();
    CHECK_FALSE(trace.reached(Milestone::FileRead));
    CHECK(std::string(milestoneName(Milestone::ChainPainted)) == "chain-painted");
}
