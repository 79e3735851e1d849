// File > Import spreadsheet… in the real window under Xvfb: a CSV pair with
// Spanish headers previewed with the meaning of each column, a column the user
// maps by hand, the import into the open project as one undo step, a sheet
// with a bad cell that lists the problem with its cell and imports nothing,
// Cancel in the progress dialog, a workbook Traza wrote read back, and the template.
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/progdlg.h>
#include <wx/radiobox.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "chain_json.h"
#include "chain_workbook.h"
#include "command_ids.h"
#include "gui_test_support.h"
#include "import/import_controller.h"
#include "import/import_dialog.h"
#include "import/sheet_preview.h"
#include "labels.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;
using model::SheetKind;

namespace {

struct ImportFrame : TestFrame {
    ImportFrame() : TestFrame(wxSize(1400, 900)) {}
};

void write(const fs::path& p, const char* text) { std::ofstream(p, std::ios::binary) << text; }

// As a Spanish Excel saves CSV: semicolons.
const char* const kActors =
    "Código;Nombre;Tipo de actor;Formalidad;Número de personas\n"
    "imp-org;Asociación Ñandú;Organización de recicladores;Semiformal;45\n"
    "imp-exp;Exportadora del Sur;Exportador;formal;\n"
    "imp-ref;Refinería Andina;Refinador o refundidor;;\n";
// "Kilos entregados" is no header Traza knows: the user maps it to tonnes ÷1000.
const char* const kFlows =
    "Código;Origen;Destino;Kilos entregados;Nivel de evidencia;Pago\n"
    "imp-f1;imp-org;imp-exp;120500;Autodeclarada;Efectivo\n"
    "imp-f2;imp-exp;imp-ref;118000;Autodeclarada;Crédito\n";

// The meaning shown above column `col` of a preview.
wxString meaningShown(SpreadsheetImportDialog& d, SheetKind kind, int col) {
    return d.preview(kind)->grid()->GetCellValue(SheetPreview::kMeaningRow, col);
}

// What a user's choice in a grid cell does: the value typed or picked, then the grid's change event.
void editCell(SpreadsheetImportDialog& d, SheetKind kind, int row, int col, const wxString& value) {
    wxGrid* grid = d.preview(kind)->grid();
    grid->SetCellValue(row, col, value);
    wxGridEvent changed(grid->GetId(), wxEVT_GRID_CELL_CHANGED, grid, row, col);
    grid->GetEventHandler()->ProcessEvent(changed);
    pump(100);
}

void clickButton(wxButton* b) {
    UiDriver ui;
    ui.click(UiDriver::onScreen(b, wxPoint(b->GetSize().x / 2, b->GetSize().y / 2)));
}

}  // namespace

TEST_CASE("SpreadsheetImport - a Spanish CSV pair is previewed, a column mapped by hand, imported into the open project in one undo step",
          "[gui][import]") {
    TempDir dir;
    write(dir / "actores.csv", kActors);
    write(dir / "flujos.csv", kFlows);
    ImportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    Document& doc = fx.f->document();
    const std::size_t actorsBefore = doc.project().actors.size(), flowsBefore = doc.project().flows.size();
    ImportController& imports = fx.f->imports();
    // The user picks the flows file first: the names put the actors first anyway.
    imports.setUnattended(true, {dir / "flujos.csv", dir / "actores.csv"});

    bool driven = false;
    imports.onDialogShown = [&](SpreadsheetImportDialog& d) {
        pump(300);
        CHECK(d.sheetChoice(SheetKind::Actors)->GetStringSelection() == "actores.csv");
        CHECK(d.sheetChoice(SheetKind::Flows)->GetStringSelection() == "flujos.csv");
        // The detected meanings, above each column.
        CHECK(meaningShown(d, SheetKind::Actors, 0) == d.preview(SheetKind::Actors)->choiceText("id"));
        CHECK(meaningShown(d, SheetKind::Actors, 2) == d.preview(SheetKind::Actors)->choiceText("kind"));
        CHECK(meaningShown(d, SheetKind::Flows, 1) == d.preview(SheetKind::Flows)->choiceText("from"));
        CHECK(d.meanings(SheetKind::Flows).at(3).problem.find("Kilos entregados") != std::string::npos);
        // The unknown column is a header problem named by its cell; Import waits.
        REQUIRE(d.problemList()->GetItemCount() == 1);
        CHECK(d.problemList()->GetItemText(0, 0) == "flujos.csv:1:4");
        CHECK_FALSE(d.importButton()->IsEnabled());

        // The user says what the column is: tonnes, in kilograms.
        editCell(d, SheetKind::Flows, SheetPreview::kMeaningRow, 3, d.preview(SheetKind::Flows)->choiceText("tonnes"));
        CHECK(d.meanings(SheetKind::Flows).at(3).field == "tonnes");
        CHECK(d.meanings(SheetKind::Flows).at(3).source == model::ColumnMeaning::Source::Mapping);
        CHECK(d.preview(SheetKind::Flows)->grid()->GetCellValue(SheetPreview::kFactorRow, 3) == wxString::FromUTF8("×1"));
        editCell(d, SheetKind::Flows, SheetPreview::kFactorRow, 3, wxString::FromUTF8("÷1000"));
        CHECK(d.meanings(SheetKind::Flows).at(3).factor == Approx(0.001));
        CHECK(d.mapping().toText().find("Kilos entregados=tonnes/1000") != std::string::npos);
        CHECK(d.headerProblems() == 0);
        CHECK(d.problemList()->GetItemCount() == 0);
        CHECK(d.importButton()->IsEnabled());
        CHECK(d.modeBox()->GetSelection() == 1);  // into the open project, which has a chain

        pump(300);
        CHECK(screenshot(d.GetScreenRect(), screenshotDir() / "spreadsheet-import.png"));
        driven = true;
        clickButton(d.importButton());
    };
    fx.menu(ids::ImportSpreadsheet);
    REQUIRE(driven);
    const model::Project& p = doc.project();
    REQUIRE(p.actors.size() == actorsBefore + 3);
    REQUIRE(p.flows.size() == flowsBefore + 2);
    REQUIRE(p.findFlow("imp-f1"));
    CHECK(p.findFlow("imp-f1")->tonnes == Approx(120.5));
    CHECK(p.findActor("imp-org")->name == "Asociación Ñandú");
    CHECK(p.findActor("imp-org")->headcount == 45);
    CHECK(imports.lastSummary().Contains("Kilos entregados=tonnes/1000"));
    CHECK(imports.lastSummary().Contains("3 actors"));
    CHECK(doc.undoLabel() == "Import spreadsheet");
    pump(500);
    CHECK(screenshot(fx.f->GetScreenRect(), screenshotDir() / "spreadsheet-import-merged.png"));
    CHECK(p.importRules.toText() == "Kilos entregados=tonnes/1000\n");  // for the next import

    // One step: undo removes every imported actor and flow, redo brings them back.
    fx.menu(wxID_UNDO);
    CHECK(p.actors.size() == actorsBefore);
    CHECK(p.flows.size() == flowsBefore);
    CHECK_FALSE(p.findActor("imp-org"));
    fx.menu(wxID_REDO);
    CHECK(p.actors.size() == actorsBefore + 3);
    CHECK(p.flows.size() == flowsBefore + 2);

    // The same files again: the project's rule reads the kilograms at once; every id
    // is a conflict, listed, and nothing is added.
    bool conflicted = false;
    imports.onDialogShown = [&](SpreadsheetImportDialog& d) {
        pump(200);
        CHECK(d.headerProblems() == 0);
        CHECK(d.meanings(SheetKind::Flows).at(3).factor == Approx(0.001));
        CHECK_FALSE(d.runImport());
        CHECK(d.problemList()->GetItemCount() == 5);
        CHECK(d.problemList()->GetItemText(0, 0) == "imp-org");
        conflicted = true;
        d.EndModal(wxID_CANCEL);
    };
    fx.menu(ids::ImportSpreadsheet);
    CHECK(conflicted);
    CHECK(p.actors.size() == actorsBefore + 3);
    CHECK(doc.undoLabel() == "Import spreadsheet");
    CHECK(fx.errors.empty());
}

TEST_CASE("SpreadsheetImport - a bad cell is listed with its place, double-click shows it, and nothing is imported", "[gui][import]") {
    TempDir dir;
    write(dir / "actores.csv", kActors);
    write(dir / "flujos.csv",
          "Código;Origen;Destino;Toneladas;Nivel de evidencia\n"
          "imp-f1;imp-org;imp-exp;120,5;Autodeclarada\n"
          "imp-f2;imp-exp;imp-ref;mucho;Autodeclarada\n");
    ImportFrame fx;
    Document& doc = fx.f->document();
    ImportController& imports = fx.f->imports();
    imports.setUnattended(true, {dir / "actores.csv", dir / "flujos.csv"});
    bool driven = false;
    imports.onDialogShown = [&](SpreadsheetImportDialog& d) {
        pump(300);
        CHECK(d.modeBox()->GetSelection() == 0);  // an empty window: a new project
        REQUIRE(d.importButton()->IsEnabled());
        clickButton(d.importButton());
        REQUIRE(waitUntil([&] { return d.problemList()->GetItemCount() > 0; }, 10000));
        CHECK(d.IsModal());
        CHECK(d.problemList()->GetItemText(0, 0) == "flujos.csv:3:4");
        CHECK(d.problemList()->GetItemText(0, 1).Contains("mucho"));
        // Double-click the problem: its cell is selected in the flows preview.
        wxRect row;
        REQUIRE(d.problemList()->GetItemRect(0, row));
        UiDriver ui;
        ui.doubleClick(UiDriver::onScreen(d.problemList(), wxPoint(row.x + 60, row.y + row.height / 2)));
        wxGrid* grid = d.preview(SheetKind::Flows)->grid();
        CHECK(grid->GetGridCursorRow() == SheetPreview::kHeaderRow + 2);
        CHECK(grid->GetGridCursorCol() == 3);
        pump(300);
        CHECK(screenshot(d.GetScreenRect(), screenshotDir() / "spreadsheet-import-problems.png"));
        driven = true;
        d.EndModal(wxID_CANCEL);
    };
    fx.menu(ids::ImportSpreadsheet);
    REQUIRE(driven);
    CHECK(doc.project().actors.empty());
    CHECK(doc.project().flows.empty());
    CHECK_FALSE(doc.canUndo());
    CHECK(fx.errors.empty());
}

TEST_CASE("SpreadsheetImport - Cancel while the files are read shows no dialog and imports nothing", "[gui][import]") {
    TempDir dir;
    write(dir / "actores.csv", kActors);
    write(dir / "flujos.csv", kFlows);
    ImportFrame fx;
    ImportController& imports = fx.f->imports();
    imports.setUnattended(true, {dir / "actores.csv", dir / "flujos.csv"});
    // A slow reader, so that the progress dialog shows and the click lands mid-way.
    imports.tasks().workerHook = [] { std::this_thread::sleep_for(std::chrono::seconds(3)); };
    bool dialogShown = false;
    imports.onDialogShown = [&](SpreadsheetImportDialog& d) {
        dialogShown = true;
        d.EndModal(wxID_CANCEL);
    };
    bool pressed = false;
    imports.tasks().onProgressShown = [&](wxGenericProgressDialog& progress) {
        auto* cancel = dynamic_cast<wxButton*>(progress.FindWindow(wxID_CANCEL));
        REQUIRE(cancel);
        pump(300);
        CHECK(screenshot(progress.GetScreenRect(), screenshotDir() / "spreadsheet-import-progress.png"));
        clickButton(cancel);
        pressed = true;
    };
    const auto start = std::chrono::steady_clock::now();
    fx.menu(ids::ImportSpreadsheet);
    const auto waited = std::chrono::steady_clock::now() - start;
    CHECK(pressed);
    CHECK_FALSE(dialogShown);
    CHECK(waited < std::chrono::milliseconds(2500));  // back before the reader finished
    CHECK(imports.tasks().dialog() == nullptr);
    CHECK(fx.f->document().project().actors.empty());
    CHECK_FALSE(fx.f->document().canUndo());
    CHECK(fx.errors.empty());
}

TEST_CASE("SpreadsheetImport - a workbook Traza wrote comes back through the dialog as a new project with the same chain", "[gui][import]") {
    TempDir dir;
    const model::Project sample = model::readProjectJson(careSample(), model::Catalogue::installed());
    reports::writeChainWorkbook(dir / "cadena.xlsx", sample, "es");
    ImportFrame fx;
    REQUIRE(fx.f->files().openPath(careSample()));
    ImportController& imports = fx.f->imports();
    imports.setUnattended(true, {dir / "cadena.xlsx"});
    bool driven = false;
    imports.onDialogShown = [&](SpreadsheetImportDialog& d) {
        pump(200);
        // The workbook's sheets, with the actors and flows ones chosen by their Spanish names.
        CHECK(d.sheetChoice(SheetKind::Actors)->GetCount() >= 2);
        CHECK(d.sheetChoice(SheetKind::Actors)->GetStringSelection() == "Actores");
        CHECK(d.sheetChoice(SheetKind::Flows)->GetStringSelection() == "Flujos");
        CHECK(d.headerProblems() == 0);
        d.modeBox()->SetSelection(0);  // as a new project
        driven = true;
        clickButton(d.importButton());
    };
    fx.menu(ids::ImportSpreadsheet);
    REQUIRE(driven);
    const model::Project& p = fx.f->document().project();
    CHECK(p.actors.size() == sample.actors.size());
    CHECK(p.flows.size() == sample.flows.size());
    // The workbook carries actors and flows (not the assessment, checklists, goals).
    CHECK(p.flows == sample.flows);
    for (std::size_t i = 0; i < p.actors.size() && i < sample.actors.size(); ++i) {
        INFO(sample.actors[i].id);
        CHECK(p.actors[i].sameData(sample.actors[i]));
    }
    CHECK(fx.f->document().displayName() == "cadena");
    CHECK(fx.f->document().undoLabel() != "Import spreadsheet");  // a new document, not an edit of the open one
    CHECK(fx.errors.empty());
}

TEST_CASE("SpreadsheetImport - File > Save template writes the empty workbook, which the dialog then reads", "[gui][import]") {
    TempDir dir;
    ImportFrame fx;
    ImportController& imports = fx.f->imports();
    imports.setUnattended(true, {dir / "plantilla.xlsx"}, dir / "plantilla.xlsx");
    CHECK(fx.f->GetMenuBar()->IsEnabled(ids::SaveTemplate));
    fx.menu(ids::SaveTemplate);
    REQUIRE(fs::exists(dir / "plantilla.xlsx"));
    bool driven = false;
    imports.onDialogShown = [&](SpreadsheetImportDialog& d) {
        pump(200);
        CHECK(d.headerProblems() == 0);  // every header of the template is one Traza knows
        CHECK(d.meanings(SheetKind::Flows).size() >= 4);
        driven = true;
        d.EndModal(wxID_CANCEL);
    };
    fx.menu(ids::ImportSpreadsheet);
    CHECK(driven);
    CHECK(fx.errors.empty());
}
