// The Records page of the Tables pane (issue #19) in the real frame, driven
// like a user: View > Show records with a flow selected, type a cell, paste
// rows from the clipboard, Add row, Delete rows, undo. Figures from the CARE
// sample: flow f7 (org1 -> expA, 173.8 t) has twelve monthly records
// f7-2025-01 .. f7-2025-12 (13.5 t in January, 15.3 t in December); the
// sample has 60 records on f7..f11; the assessment period is 2025.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/clipbrd.h>
#include <wx/grid.h>

#include <cmath>
#include <filesystem>
#include <numeric>

#include "chain_canvas.h"
#include "edit_label.h"
#include "labels.h"
#include "tables_fixture.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
namespace fs = std::filesystem;

namespace {

enum RecordCol { kRecordId = 0, kRecordFlow = 1, kRecordDate = 2, kRecordTonnes = 3, kRecordEvidence = 4, kRecordDocuments = 5 };

double recordSum(const model::Flow& f) {
    return std::accumulate(f.records.begin(), f.records.end(), 0.0, [](double s, const model::Record& r) { return s + r.tonnes; });
}

// The Records page shown with View > Show records, `flow` selected first (none: every record).
TablePage* showRecords(CareTables& fx, const std::string& flow) {
    if (flow.empty()) fx.frame->selection().clear();
    else fx.frame->selection().set({ItemKind::Flow, flow});
    pump(100);
    fx.menu(ids::ShowRecords);
    TablePage* t = fx.frame->recordTable();
    REQUIRE(waitUntil([&] { return t->IsShownOnScreen(); }, 3000));
    pump(300);
    t->refresh();
    return t;
}

}  // namespace

TEST_CASE("Records - the selected flow's records are listed, and a typed tonnes or date cell is one undo step that moves the flow's total",
          "[gui]") {
    CareTables fx;
    UiDriver ui;
    // Every record when no flow is selected; the scope box then stays clear.
    TablePage* t = showRecords(fx, "");
    CHECK(t->rowCount() == 60);
    REQUIRE(t->scopeBox());
    CHECK_FALSE(t->scopeBox()->GetValue());

    t = showRecords(fx, "f7");
    CHECK(t->scopeBox()->GetValue());
    REQUIRE(t->rowCount() == 12);
    wxGrid* g = t->grid();
    const int jan = rowOf(t, "f7-2025-01");
    REQUIRE(jan >= 0);
    CHECK(g->GetCellValue(jan, kRecordFlow) == "f7");
    CHECK(g->GetCellValue(jan, kRecordDate) == "2025-01-28");
    CHECK(g->GetCellValue(jan, kRecordDocuments).Contains(": FE-O1-001"));
    const double before = fx.project().findFlow("f7")->tonnes;
    CHECK(before == Approx(173.8));

    // January's 13.5 t become 20 t: the flow's total follows, one undo step.
    typeInCell(ui, g, jan, kRecordTonnes, spanishRun() ? "20,0" : "20.0");
    REQUIRE(waitUntil([&] { return fx.project().findFlow("f7")->records.front().tonnes == 20; }, 3000));
    const model::Flow& f7 = *fx.project().findFlow("f7");
    CHECK(f7.tonnes == Approx(recordSum(f7)).epsilon(1e-12));
    CHECK(f7.tonnes == Approx(before + 6.5));
    CHECK(fx.frame->document().undoLabel() == recordEditLabel(_("Tonnes"), "f7-2025-01"));
    fx.undo();
    CHECK(fx.project().findFlow("f7")->tonnes == Approx(before).epsilon(1e-12));
    CHECK(fx.project().findFlow("f7")->records.front().tonnes == 13.5);

    // A date typed day first is read; a date outside 2025 and an ambiguous one are refused, naming the row and column.
    typeInCell(ui, g, jan, kRecordDate, "15/01/2025");
    CHECK(fx.project().findFlow("f7")->records.front().date == "2025-01-15");
    CHECK(t->errorText().empty());
    typeInCell(ui, g, jan, kRecordDate, "2026-01-15");
    CHECK(fx.project().findFlow("f7")->records.front().date == "2025-01-15");
    const wxString where = wxString::Format(_("row %d, column %s"), jan + 1, _("Date"));
    CAPTURE(t->errorText());
    CHECK(t->errorText().StartsWith(where));
    typeInCell(ui, g, jan, kRecordDate, "03/04/2025");
    CHECK(fx.project().findFlow("f7")->records.front().date == "2025-01-15");
    CHECK(t->errorText().StartsWith(where));

    // A record's row selects its flow on the canvas; the scope box clear shows every record again.
    fx.frame->selection().set({ItemKind::Flow, "f9"});
    REQUIRE(waitUntil([&] { return t->rowCount() == 12 && t->idAt(0).rfind("f9-", 0) == 0; }, 3000));
    t->setScoped(false);
    CHECK(t->rowCount() == 60);
    ui.click(cellOnScreen(g, rowOf(t, "f10-2025-06"), kRecordTonnes));
    REQUIRE(waitUntil([&] { return fx.frame->selection().primary() == ItemRef{ItemKind::Flow, "f10"}; }, 3000));
    CHECK(fx.errors.empty());
}

TEST_CASE("Records - rows pasted from a spreadsheet add records to the selected flow as one undo step, and so do Add row and Delete rows",
          "[gui]") {
    CareTables fx;
    UiDriver ui;
    TablePage* t = showRecords(fx, "f9");
    wxGrid* g = t->grid();
    const model::Flow before = *fx.project().findFlow("f9");
    REQUIRE(before.records.size() == 12);

    // Two receipts pasted as whole rows from a Spanish or English spreadsheet: id (empty: new), flow, date,
    // tonnes, evidence, documents. Rows put at the ID column are matched by ID wherever the cursor is.
    const char* documented = spanishRun() ? "Documentado" : "Documented";
    const wxString pasted = wxString::Format("\tf9\t30/12/2025\t%s\t%s\tdelivery_receipt: R-1\n\t\t31/12/2025\t%s\t%s\t\n",
                                             spanishRun() ? "0,25" : "0.25", documented, spanishRun() ? "0,5" : "0.5", documented);
    {
        wxClipboardLocker lock;
        REQUIRE_FALSE(!lock);
        wxTheClipboard->SetData(new wxTextDataObject(pasted));
    }
    ui.click(cellOnScreen(g, 3, kRecordId));
    REQUIRE(waitUntil([&] { return g->GetGridCursorRow() == 3 && g->GetGridCursorCol() == kRecordId; }, 3000));
    ui.key('V', wxMOD_CONTROL);
    CAPTURE(t->errorText());
    REQUIRE(waitUntil([&] { return fx.project().findFlow("f9")->records.size() == 14; }, 5000));
    const model::Flow& f9 = *fx.project().findFlow("f9");
    CHECK(f9.records[12].date == "2025-12-30");
    CHECK(f9.records[12].tonnes == 0.25);
    REQUIRE(f9.records[12].documents.size() == 1);
    CHECK(f9.records[12].documents[0].number == "R-1");
    CHECK(f9.records[13].date == "2025-12-31");
    CHECK(f9.tonnes == Approx(before.tonnes + 0.75).epsilon(1e-12));
    CHECK(fx.frame->document().undoLabel() == "Paste rows");
    fx.undo();
    CHECK(*fx.project().findFlow("f9") == before);

    // Add row: a copy of the last month with its document numbers left blank, selected and undoable.
    ui.click(t->addButton()->GetScreenRect().GetPosition() + wxPoint(5, 5));
    REQUIRE(waitUntil([&] { return fx.project().findFlow("f9")->records.size() == 13; }, 3000));
    const model::Record& added = fx.project().findFlow("f9")->records.back();
    CHECK(added.date == before.records.back().date);
    CHECK(added.tonnes == before.records.back().tonnes);
    for (const model::RecordDocument& d : added.documents) CHECK(d.number.empty());
    CHECK(t->idAt(g->GetGridCursorRow()) == added.id);
    fx.undo();
    CHECK(*fx.project().findFlow("f9") == before);

    // Delete rows: three months selected, one undo step.
    g->SelectRow(0);
    g->SelectRow(1, true);
    g->SelectRow(2, true);
    pump(100);
    ui.click(t->deleteButton()->GetScreenRect().GetPosition() + wxPoint(5, 5));
    REQUIRE(waitUntil([&] { return fx.project().findFlow("f9")->records.size() == 9; }, 3000));
    CHECK(fx.project().findFlow("f9")->tonnes == Approx(recordSum(*fx.project().findFlow("f9"))).epsilon(1e-12));
    CHECK(fx.frame->document().undoLabel() == "Delete rows");
    fx.undo();
    CHECK(*fx.project().findFlow("f9") == before);
    CHECK(fx.errors.empty());
}

TEST_CASE("Records - screenshot of the records of one flow beside the canvas", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    CareTables fx;
    showRecords(fx, "f7");
    fx.frame->canvas()->fitToWindow();
    pump(600);
    const fs::path png = out / (std::string("tables-records") + (spanishRun() ? "-es" : "") + ".png");
    fs::remove(png);
    REQUIRE(screenshot(fx.frame->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);
    CHECK(fx.errors.empty());
}
