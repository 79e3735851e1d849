// The Progress pane (issue #19) in the real frame: View > Show progress on the
// CARE sample shows the twelve months of its records: five organisations'
// cumulative tonnes with their goals (dashed), the documented share at four
// levels, every point drawn; the series are the analysis's, and the screenshot
// is kept for the user guide. The Spanish run (TRAZA_TEST_LANGUAGE=es, in
// dd_es_cases) checks every text the pane draws is Spanish, numbers included.
#include <catch2/catch.hpp>
#include <wx/aui/framemanager.h>
#include <wx/dcmemory.h>
#include <wx/graphics.h>
#include <wx/settings.h>

#include <cstdlib>
#include <memory>

#include "analysis_runner.h"
#include "command_ids.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "progress_pane.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {


wxString utf8(const char* s) { return wxString::FromUTF8(s); }

}  // namespace

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
    // Every text the pane draws, in the interface's language and number convention.
    const bool es = spanishRun();
    CHECK(frame->panes().GetPane("progress").caption == (es ? utf8("Avance") : utf8("Progress")));
    CHECK(tonnes.title == (es ? utf8("Toneladas acumuladas por organización por mes, frente a su meta (discontinua)")
                              : utf8("Cumulative tonnes per organisation by month, against its goal (dashed)")));
    CHECK(shares.title == (es ? utf8("Proporción documentada de los registros en cada nivel de evidencia")
                              : utf8("Documented share of the records at each evidence level")));
    CHECK(tonnes.lines[1].label == (es ? utf8("Organisation 1: meta") : utf8("Organisation 1: goal")));
    CHECK(shares.lines[0].label == (es ? utf8("autodeclarado") : utf8("self-declared")));
    // The language's marks whatever the C locale (this machine has no es_ES).
    const wxString mark = es ? "," : ".", thousands = es ? "." : ",";
    CHECK(yTickLabel(tonnes, 12.5) == wxString("12") + mark + "5 t");
    // Thousands grouped only where the C locale groups them (C: not at all), with the language's mark.
    const wxString big = yTickLabel(tonnes, 1250);
    CHECK((big == "1250 t" || big == wxString("1") + thousands + "250 t"));
    CHECK(yTickLabel(shares, 0.75) == utf8("75 %"));
    // Titles too wide for the pane wrap at spaces instead of running past its edge.
    wxBitmap bitmap(8, 8);
    wxMemoryDC memory(bitmap);
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(memory));
    REQUIRE(gc);
    gc->SetFont(wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT), *wxBLACK);
    const double width = pane->GetClientSize().x - 8;
    for (const wxString& title : {tonnes.title, shares.title, pane->note()}) {
        const std::vector<wxString> lines = wrapText(*gc, title, width);
        CHECK(wxJoin(wxArrayString(lines.size(), lines.data()), ' ', 0) == title);
        for (const wxString& line : lines) {
            wxDouble w = 0, h = 0;
            gc->GetTextExtent(line, &w, &h);
            CHECK(w <= width);
        }
    }
    // The CARE sample's flows without records (the first mile and beyond f11) are named in tonnes.
    CHECK(pane->note().StartsWith(es ? utf8("Solo cuentan los registros fechados") : utf8("Only dated records count")));
    CHECK(pane->note().Contains(formatTonnes(s.undatedT)));

    const fs::path png = out / (es ? "progress-pane-es.png" : "progress-pane.png");
    fs::remove(png);
    REQUIRE(screenshot(pane->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 10000);
    CHECK(t.errors.empty());
}
