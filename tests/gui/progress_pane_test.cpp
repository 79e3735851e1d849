// The Progress pane (issue #19) in the real frame: View > Show progress on the
// CARE sample shows the twelve months of its records: five organisations'
// cumulative tonnes with their goals (dashed), the documented share at four
// levels, every point drawn; the series are the analysis's, and the screenshot
// is kept for the user guide.
#include <catch2/catch.hpp>
#include <wx/aui/framemanager.h>

#include <cstdlib>

#include "analysis_runner.h"
#include "command_ids.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "main_frame.h"
#include "progress_pane.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

TEST_CASE("ProgressPane - the CARE sample's months are drawn as cumulative tonnes against goals and documented shares", "[gui][screenshot]") {
    TestFrame t(wxSize(1600, 1000));
    MainFrame* frame = t.f;
    ProgressPane* pane = frame->progressPane();
    REQUIRE(pane);
    CHECK_FALSE(frame->panes().GetPane("progress").IsShown());  // on demand only
    REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
    wxCommandEvent show(wxEVT_MENU, ids::ShowProgress);
    frame->ProcessWindowEvent(show);
    pump(500);
    REQUIRE(frame->panes().GetPane("progress").IsShown());
    REQUIRE(pane->hasSeries());

    const risk::Series& s = *frame->analysis()->series;
    const LineChart& tonnes = pane->tonnesChart();
    REQUIRE(tonnes.categories.size() == 12);
    CHECK(tonnes.categories.front() == "2025-01");
    CHECK(tonnes.categories.back() == "2025-12");
    REQUIRE(tonnes.lines.size() == 10);  // five organisations, each with its goal
    CHECK(tonnes.lines[0].label == "Organisation 1");
    CHECK_FALSE(tonnes.lines[0].dashed);
    CHECK(tonnes.lines[1].dashed);
    CHECK(tonnes.lines[1].values == std::vector<double>(12, 150.0));  // Organisation 1's goal, 150 t
    for (std::size_t i = 0; i < 12; ++i) CHECK(tonnes.lines[0].values[i] == s.goals[0].periods[i].cumulativeT);
    CHECK(tonnes.lines[0].values.back() == Approx(173.8).margin(1e-9));
    const LineChart& shares = pane->sharesChart();
    REQUIRE(shares.lines.size() == 4);
    CHECK(shares.shares);
    for (std::size_t i = 0; i < 12; ++i) {
        CHECK(shares.lines[2].values[i] == s.evidence[i].documentedShare[3]);  // documented
        CHECK(shares.lines[3].values[i] == 0.0);                             // nothing verified
    }
    pane->Refresh();
    pane->Update();
    pump(300);
    CHECK(pane->pointsDrawn() == 14 * 12);  // every line, every month

    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    const fs::path png = out / "progress-pane.png";
    fs::remove(png);
    REQUIRE(screenshot(pane->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 10000);
    CHECK(t.errors.empty());
}
