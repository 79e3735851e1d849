// The findings register in the real frame (issue 16), driven like a user: a red
// flag of the CARE sample becomes a finding from the Analysis pane, its
// corrective action and closing evidence are typed into the grid, the Close
// button closes it, the re-run analysis says the flag recurs, and undo takes
// every step back. A screenshot of the page is kept for review.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/datetime.h>
#include <wx/grid.h>

#include <cstdlib>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "findings/finding_commands.h"
#include "findings/flag_findings.h"
#include "findings_editor.h"
#include "gui_test_support.h"
#include "tables_fixture.h"
#include "labels.h"
#include "main_frame.h"
#include "table_view.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

const int kAction = static_cast<int>(FindingColumn::Action);
const int kEvidence = static_cast<int>(FindingColumn::Evidence);
const int kDue = static_cast<int>(FindingColumn::Due);
const int kStatus = static_cast<int>(FindingColumn::Status);

struct FindingsFrame : TestFrame {
    MainFrame* frame = f;
    FindingsFrame() : TestFrame(wxSize(1600, 1000)) {
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        frame->showDueDiligence(frame->findingsEditor());
        pump(300);
    }
    void undo() {
        wxCommandEvent e(wxEVT_MENU, wxID_UNDO);
        frame->ProcessWindowEvent(e);
        pump(200);
    }
    void press(wxButton* b) {
        wxCommandEvent e(wxEVT_BUTTON, b->GetId());
        e.SetEventObject(b);
        b->GetEventHandler()->ProcessEvent(e);
        pump(200);
    }
    // Chooses row `row` of the red-flags table as a click would.
    void chooseFlag(long row) {
        TableView* flags = frame->analysisPanel()->redFlags();
        flags->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
        pump(100);
    }
};

}  // namespace

TEST_CASE("FindingsEditor - a red flag becomes a finding, is closed with its evidence, recurs in the analysis, and undo takes it all back", "[gui]") {
    FindingsFrame care;
    MainFrame* f = care.frame;
    FindingsEditor* ed = f->findingsEditor();
    wxGrid* g = ed->grid();
    UiDriver ui;
    REQUIRE(g->GetNumberRows() == 0);

    // The first red flag of the table, made a finding with the Analysis pane's button.
    care.chooseFlag(0);
    const risk::RedFlag* chosen = f->analysisPanel()->chosenRedFlag();
    REQUIRE(chosen);
    const risk::RedFlag flag = *chosen;
    care.press(f->analysisPanel()->addFindingButton());
    const model::Project& p = f->document().project();
    REQUIRE(p.findings.size() == 1);
    CHECK(p.findings[0].id == "F1");
    CHECK(p.findings[0].source == model::FindingSource::RedFlag);
    CHECK(p.findings[0].rule == flag.rule);
    CHECK(p.findings[0].subject == risk::flagSubject(flag));
    CHECK(p.findings[0].severity == flag.severity);
    REQUIRE(g->GetNumberRows() == 1);
    CHECK(g->GetCellValue(0, 0) == "F1");
    // The same flag again chooses the finding that answers it, no duplicate.
    care.press(f->analysisPanel()->addFindingButton());
    CHECK(p.findings.size() == 1);
    CHECK(ed->errorText().Contains("F1"));

    typeInCell(ui, g, 0, kAction, "Weigh on a calibrated scale");
    CHECK(p.findings[0].action == "Weigh on a calibrated scale");
    typeInCell(ui, g, 0, kDue, "2000-01-31");
    CHECK(p.findings[0].due == "2000-01-31");
    REQUIRE(waitUntil([&] { return ed->summaryText().Contains("overdue: 1"); }, 3000));
    typeInCell(ui, g, 0, kDue, "2000-02-30");  // no such day: refused, nothing changes
    CHECK(ed->errorText().Contains("2000-02-30"));
    CHECK(p.findings[0].due == "2000-01-31");

    // Close without evidence: refused and said why.
    g->SetGridCursor(0, kAction);
    care.press(ed->closeButton());
    CHECK_FALSE(p.findings[0].isClosed());
    CHECK(ed->errorText().Contains("evidence"));
    typeInCell(ui, g, 0, kEvidence, "Scale certificate 77");
    g->SetGridCursor(0, kAction);
    care.press(ed->closeButton());
    const std::string today = toUtf8(wxDateTime::Today().FormatISODate());
    REQUIRE(p.findings[0].isClosed());
    CHECK(p.findings[0].closedOn == today);
    CHECK(g->GetCellValue(0, kStatus) == _("Closed"));
    CHECK(f->document().undoLabel() == "Close finding");

    // The analysis re-runs: the flag is still raised, so it recurs after F1.
    REQUIRE(waitUntil([&] {
        const auto a = f->analysis();
        if (!a || f->analysisRunner().busy()) return false;
        for (const risk::RedFlag& rf : a->redFlags)
            if (rf.finding == "F1" && !rf.recurrence.empty()) return true;
        return false;
    }, 5000));
    TableView* flags = f->analysisPanel()->redFlags();
    bool shown = false;
    for (std::size_t i = 0; i < flags->rowCount(); ++i) {
        const TableView::Row row = flags->row(i);
        if (row.cells.back() == "F1") shown = row.cells.at(3).Contains("Recurs after finding F1 was closed on " + toWx(today));
    }
    CHECK(shown);

    // Undo: close, evidence, due, action, add.
    for (int i = 0; i < 5; ++i) care.undo();
    CHECK(p.findings.empty());
    REQUIRE(waitUntil([&] { return g->GetNumberRows() == 0; }, 3000));
    CHECK(care.errors.empty());
}

TEST_CASE("FindingsEditor - screenshot of the findings page", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    FindingsFrame care;
    MainFrame* f = care.frame;
    // Two findings: one from the first red flag, overdue, and one of the assessor's own.
    care.chooseFlag(0);
    care.press(f->analysisPanel()->addFindingButton());
    model::Finding first = f->document().project().findings.at(0);
    first.owner = "Equipo DD";
    first.action = "Weigh every delivery on a calibrated scale";
    first.due = "2026-01-31";
    first.status = model::FindingStatus::InProgress;
    f->document().execute(std::make_unique<model::UpdateFinding>("F1", first));
    f->findingsEditor()->addFinding();
    model::Finding second = f->document().project().findings.at(1);
    second.action = "Obtain the export licence of Exporter B";
    second.due = "2030-06-30";
    second.response = model::FindingResponse::Suspend;
    f->document().execute(std::make_unique<model::UpdateFinding>("F2", second));
    pump(500);
    const fs::path png = out / "due-diligence-findings.png";
    fs::remove(png);
    REQUIRE(screenshot(f->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);
    CHECK(care.errors.empty());
}
