// File > Export report… and File > Export chain… in the real window under Xvfb:
// the workbook written behind the progress dialog and read back with openpyxl,
// a Cancel pressed mid-way that leaves no file (an existing one unchanged), and
// the chain map and graph written from the window.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/progdlg.h>
#include <wx/radiobox.h>
#include <wx/statusbr.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "analysis_runner.h"
#include "command_ids.h"
#include "error_dialog.h"
#include "export_controller.h"
#include "file_controller.h"
#include "findings/finding_commands.h"
#include "gui_test_support.h"
#include "labels.h"
#include "test_frame.h"
#include "main_frame.h"
#include "share_dialog.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

struct ExportFrame : TestFrame {
    ExportFrame() : TestFrame(wxSize(1400, 900)) {}
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// What a shell command prints ("" when it cannot run).
std::string outputOf(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
        pclose(p);
    }
    return out;
}

// Sheet names of a workbook as openpyxl reads them, one per line ("" when it cannot).
std::string sheetsByOpenpyxl(const fs::path& xlsx) {
    return outputOf("/usr/bin/python3 -c \"import sys, openpyxl; "
                    "print('\\n'.join(openpyxl.load_workbook(sys.argv[1]).sheetnames))\" '" + xlsx.string() + "'");
}

}  // namespace

TEST_CASE("Export - File > Export report writes the workbook behind a progress dialog and openpyxl reads its sheets", "[gui][export]") {
    TempDir dir;
    const fs::path out = dir / "care report.xlsx";
    ExportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    ExportController& exports = fx.f->exports();
    exports.setUnattended(true, out);
    bool sawDialog = false;
    fx.menu(ids::ExportReport);
    REQUIRE(exports.reportRunning());
    sawDialog = exports.progressDialog() != nullptr;
    REQUIRE(waitUntil([&] { return !exports.reportRunning() && exports.lastOutcome() != ExportController::Outcome::None; }, 60000));
    CHECK(sawDialog);
    CHECK(exports.progressDialog() == nullptr);
    CHECK(exports.lastOutcome() == ExportController::Outcome::Written);
    REQUIRE(fs::exists(out));
    const std::string sheets = sheetsByOpenpyxl(out);
    INFO(sheets);
    for (const char* name : {"Summary", "Actors", "Flows", "Choke points", "Traceability", "Mass balance", "Red flags",
                             "Checklist", "Goals and supports", "Methodology"})
        CHECK(sheets.find(std::string(name) + "\n") != std::string::npos);
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);  // no temporary file left
    CHECK(fx.errors.empty());
}

// Python's hashlib and openpyxl, independent of Traza: the file's SHA-256 and
// whether the workbook's Summary shows it.
static std::string pythonOutput(const std::string& script, const fs::path& a, const fs::path& b = {}) {
    return outputOf("/usr/bin/python3 -c \"" + script + "\" '" + a.string() + "' '" + b.string() + "'");
}

TEST_CASE("Export - a report of a saved project carries the file's SHA-256 in its sign-off, an edited one none", "[gui][export]") {
    TempDir dir;
    const fs::path project = dir / "care.traza", out = dir / "signed.xlsx";
    ExportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    fx.f->document().saveAs(project);
    ExportController& exports = fx.f->exports();
    exports.setUnattended(true, out);
    fx.menu(ids::ExportReport);
    REQUIRE(waitUntil([&] { return !exports.reportRunning() && exports.lastOutcome() != ExportController::Outcome::None; }, 60000));
    REQUIRE(exports.lastOutcome() == ExportController::Outcome::Written);
    const std::string sha = pythonOutput("import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest(), end='')", project);
    REQUIRE(sha.size() == 64);
    CHECK(exports.lastProjectSha256() == sha);
    CHECK(fx.f->GetStatusBar()->GetStatusText(0).Contains(toWx(sha)));
    const std::string shown = pythonOutput(
        "import sys, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])['Summary']; "
        "print(any(c.value == sys.argv[2] for row in ws.iter_rows() for c in row), end='')",
        out, fs::path(sha));
    CHECK(shown == "True");

    // After an edit the file no longer holds what the report shows: no SHA-256.
    model::Finding f;
    f.severity = "low";
    fx.f->document().execute(std::make_unique<model::AddFinding>(f));
    fx.menu(ids::ExportReport);
    REQUIRE(waitUntil([&] { return !exports.reportRunning() && exports.lastOutcome() != ExportController::Outcome::None; }, 60000));
    CHECK(exports.lastOutcome() == ExportController::Outcome::Written);
    CHECK(exports.lastProjectSha256().empty());
    CHECK(fx.errors.empty());
}

TEST_CASE("Export - Cancel in the progress dialog leaves no file and an existing file unchanged", "[gui][export]") {
    TempDir dir;
    const fs::path out = dir / "report.xlsx";
    std::ofstream(out) << "the previous report";
    ExportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    ExportController& exports = fx.f->exports();
    exports.setUnattended(true, out);
    // A slow writer, so the click lands mid-way.
    std::atomic<int> steps{0};
    exports.progressHook = [&](double) {
        ++steps;
        std::this_thread::sleep_for(std::chrono::milliseconds(150));
    };
    fx.menu(ids::ExportReport);
    REQUIRE(exports.reportRunning());
    REQUIRE(waitUntil([&] { return steps >= 2; }, 30000));
    wxGenericProgressDialog* dialog = exports.progressDialog();
    REQUIRE(dialog);
    pump(300);
    const fs::path shot = screenshotDir() / "export-progress.png";
    fs::remove(shot);
    CHECK(screenshot(dialog->GetScreenRect(), shot));
    // The user presses Cancel.
    auto* cancel = dynamic_cast<wxButton*>(dialog->FindWindow(wxID_CANCEL));
    REQUIRE(cancel);
    UiDriver ui;
    ui.click(UiDriver::onScreen(cancel, wxPoint(cancel->GetSize().x / 2, cancel->GetSize().y / 2)));
    REQUIRE(waitUntil([&] { return !exports.reportRunning() && exports.lastOutcome() != ExportController::Outcome::None; }, 60000));
    CHECK(exports.lastOutcome() == ExportController::Outcome::Cancelled);
    CHECK(steps < 60);  // stopped long before the end
    CHECK(slurp(out) == "the previous report");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
    CHECK(fx.errors.empty());

    // A second export without the hook completes over the old file.
    exports.progressHook = {};
    fx.menu(ids::ExportReport);
    REQUIRE(waitUntil([&] { return !exports.reportRunning() && exports.lastOutcome() != ExportController::Outcome::None; }, 60000));
    CHECK(exports.lastOutcome() == ExportController::Outcome::Written);
    CHECK(slurp(out).compare(0, 2, "PK") == 0);  // a zip: the workbook
}

TEST_CASE("Export - a report to a folder that does not exist names the file and the reason", "[gui][export]") {
    TempDir dir;
    const fs::path out = dir / "missing" / "report.xlsx";
    ExportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    fx.f->exports().setUnattended(true, out);
    fx.menu(ids::ExportReport);
    REQUIRE(waitUntil([&] { return !fx.f->exports().reportRunning() && fx.f->exports().lastOutcome() != ExportController::Outcome::None; }, 60000));
    CHECK(fx.f->exports().lastOutcome() == ExportController::Outcome::Failed);
    REQUIRE(fx.errors.size() == 1);
    CHECK(fx.errors[0].Contains("report.xlsx"));
    CHECK_FALSE(fs::exists(out));
}

TEST_CASE("Export - File > Export chain writes the map as PNG and SVG and the graph as GraphML and DOT", "[gui][export]") {
    TempDir dir;
    ExportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    for (const char* name : {"map.png", "map.svg", "chain.graphml", "chain.dot"}) {
        INFO(name);
        fx.f->exports().setUnattended(true, {}, dir / name);
        fx.menu(ids::ExportChain);
        REQUIRE(fs::exists(dir / name));
        const std::string text = slurp(dir / name);
        if (std::string(name) == "map.png") CHECK(text.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
        if (std::string(name) == "map.svg") CHECK(text.find("<svg") != std::string::npos);
        if (std::string(name) == "chain.graphml") CHECK(text.find("<graphml") != std::string::npos);
        if (std::string(name) == "chain.dot") CHECK(text.compare(0, 8, "digraph ") == 0);
    }
    CHECK(fx.errors.empty());
}

// Every text of a workbook as openpyxl reads it (sheet names and cell values), one per line.
static std::string cellsByOpenpyxl(const fs::path& xlsx) {
    return outputOf("/usr/bin/python3 -c \"import sys, openpyxl\n"
                    "wb = openpyxl.load_workbook(sys.argv[1])\n"
                    "for ws in wb:\n"
                    "    print(ws.title)\n"
                    "    for row in ws.iter_rows(values_only=True):\n"
                    "        print('\\n'.join(str(v) for v in row if v is not None))\" '" + xlsx.string() + "'");
}

TEST_CASE("Export - File > Share anonymised writes chain JSON and the report with pseudonyms and leaves the project as it was",
          "[gui][export]") {
    TempDir dir;
    ExportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    const model::Project before = fx.f->document().project();
    REQUIRE(before.actors[0].region == "Barranquilla");
    ExportController& exports = fx.f->exports();
    exports.setUnattended(true);
    exports.setUnattendedSharePath(dir / "shared.json");
    bool sawDialog = false;
    fx.f->CallAfter([&] {
        auto* dialog = dynamic_cast<ShareDialog*>(wxWindow::FindWindowByName("share-anonymised"));
        REQUIRE(dialog);
        sawDialog = true;
        auto* format = dynamic_cast<wxRadioBox*>(wxWindow::FindWindowByName("share-format", dialog));
        REQUIRE(format);
        format->SetSelection(1);  // chain JSON
        pump(200);
        screenshot(dialog->GetScreenRect(), screenshotDir() / "share-anonymised-dialog.png");
        dialog->EndModal(wxID_OK);
    });
    fx.menu(ids::ShareAnonymised);
    CHECK(sawDialog);
    REQUIRE(fs::exists(dir / "shared.json"));
    const std::string json = slurp(dir / "shared.json");
    CHECK(json.find("\"org-1\"") != std::string::npos);
    CHECK(json.find("Picker group 1") != std::string::npos);
    for (const char* secret : {"Barranquilla", "Bogotá", "pickers-org1", "Superintendencia", "Refiner (Brazil)"}) {
        INFO(secret);
        CHECK(json.find(secret) == std::string::npos);
    }
    // The window's project keeps its names and is not marked modified.
    CHECK(fx.f->document().project().actors[0].region == "Barranquilla");
    CHECK(fx.f->document().project().sameChain(before));
    CHECK_FALSE(fx.f->document().isModified());

    const fs::path report = dir / "shared.xlsx";
    REQUIRE(exports.shareAnonymisedTo(report, ShareFormat::Report, model::RegionLevel::Country));
    REQUIRE(waitUntil([&] { return !exports.reportRunning() && exports.lastOutcome() != ExportController::Outcome::None; },
                      120000));
    REQUIRE(exports.lastOutcome() == ExportController::Outcome::Written);
    CHECK(exports.lastProjectSha256().empty());  // an anonymised report names no file
    const std::string cells = cellsByOpenpyxl(report);
    CHECK(cells.find("Organisation 3") != std::string::npos);
    // (The Methodology sheet quotes the public CARE sample's ids as worked examples; the
    // CLI test disguises the sample to search for ids.)
    for (const char* secret : {"Barranquilla", "Bogotá", "Superintendencia", "Refiner (Brazil)"}) {
        INFO(secret);
        CHECK(cells.find(secret) == std::string::npos);
    }
    CHECK(fx.errors.empty());
}
