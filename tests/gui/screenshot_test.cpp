// Screenshots of the main window for review and the docs: the CARE sample with
// an organisation selected, and the analysis pane on the traceability matrix.
// Written to $TRAZA_SCREENSHOT_DIR (the test's build directory).
#include <catch2/catch.hpp>
#include <wx/notebook.h>

#include <cstdlib>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "table_view.h"
#include "chain_canvas.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "main_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

TEST_CASE("Workbench - screenshots of the CARE sample", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    std::vector<wxString> errors;
    setErrorSink([&](const wxString& t, const wxString& m) { errors.push_back(t + ": " + m); });
    auto* f = new MainFrame;
    f->files().setUnattended(true);
    f->SetSize(0, 0, 1600, 1000);
    f->Show();
    pump(300);
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    f->selection().set({ItemKind::Actor, "org1"});
    pump(500);
    const fs::path main = out / "workbench-care-pilot.png";
    fs::remove(main);
    REQUIRE(screenshot(f->GetScreenRect(), main));
    CHECK(fs::file_size(main) > 20000);

    // The traceability page with the limits statement.
    auto* book = dynamic_cast<wxNotebook*>(f->analysisPanel()->traceability()->GetGrandParent());
    REQUIRE(book);
    book->SetSelection(1);
    f->selection().clear();
    pump(500);
    const fs::path trace = out / "workbench-traceability.png";
    REQUIRE(screenshot(f->GetScreenRect(), trace));
    CHECK(fs::file_size(trace) > 20000);
    CHECK(errors.empty());
    f->Destroy();
    pump(100);
    setErrorSink({});
}
