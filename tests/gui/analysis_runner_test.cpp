// The background analysis: edits in quick succession are analysed once, and a
// result computed for a state the user has already changed is never shown.
#include <catch2/catch.hpp>
#include <wx/utils.h>

#include <atomic>

#include "analysis_runner.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {
// A stand-in analysis: slow, and its "total" is the number of flows it saw.
risk::Analysis countFlows(const model::Project& p, std::atomic<int>& calls) {
    ++calls;
    wxMilliSleep(150);
    risk::Analysis a;
    a.totalT = static_cast<double>(p.flows.size());
    return a;
}
}  // namespace

TEST_CASE("AnalysisRunner - a burst of edits is analysed once after the debounce", "[gui]") {
    model::Project current;
    std::atomic<int> calls{0};
    std::vector<double> delivered;
    AnalysisRunner runner([&] { return current; }, [&](auto r, auto) { delivered.push_back(r->totalT); }, [](const std::string&) {},
                          [&](const model::Project& p) { return countFlows(p, calls); }, 100);
    for (int i = 0; i < 5; ++i) {
        current.flows.emplace_back();
        runner.schedule();
        pump(20);  // faster than the 100 ms debounce
    }
    CHECK(runner.busy());
    REQUIRE(waitUntil([&] { return !runner.busy(); }, 5000));
    CHECK(calls == 1);
    CHECK(delivered == std::vector<double>{5});
}

TEST_CASE("AnalysisRunner - a result for an outdated project is dropped", "[gui]") {
    model::Project current;
    std::atomic<int> calls{0};
    std::vector<double> delivered;
    AnalysisRunner runner([&] { return current; }, [&](auto r, auto) { delivered.push_back(r->totalT); }, [](const std::string&) {},
                          [&](const model::Project& p) { return countFlows(p, calls); }, 100);
    current.flows.resize(6);
    runner.runNow();
    pump(40);  // the worker is inside the 150 ms analysis of 6 flows
    current.flows.resize(7);
    runner.schedule();  // an edit: the 6-flow result is stale from now on
    REQUIRE(waitUntil([&] { return !runner.busy(); }, 5000));
    pump(300);
    CHECK(delivered == std::vector<double>{7});
    CHECK(calls == 2);
}

TEST_CASE("AnalysisRunner - an analysis error is reported, not thrown", "[gui]") {
    model::Project current;
    std::string error;
    AnalysisRunner runner([&] { return current; }, [](auto, auto) {}, [&](const std::string& e) { error = e; },
                          [](const model::Project&) -> risk::Analysis { throw std::runtime_error("boom"); }, 10);
    runner.runNow();
    REQUIRE(waitUntil([&] { return !error.empty(); }, 5000));
    CHECK(error == "boom");
    CHECK_FALSE(runner.busy());
}
