// The Actors and Flows tables in the real frame, driven like a user: click a
// cell and type, click a column header, type a filter, paste from the
// clipboard with Ctrl+V, press the buttons, undo. Figures from the CARE sample
// (data/samples/care-pilot-2025.json): 14 actors, 13 flows; f9 is the lightest
// flow (4.1 t), f12 the heaviest (217.4 t); four actors are in Bogotá
// (pickers-org2, pickers-org5, org2, org5).
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/clipbrd.h>
#include <wx/grid.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/numformatter.h>
#include <wx/textctrl.h>
#include <wx/treectrl.h>

#include <cmath>
#include <cstdlib>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "chain_commands.h"
#include "chain_canvas.h"
#include "command_ids.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "outline_panel.h"
#include "table_page.h"
#include "table_view.h"
#include "tables_fixture.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

enum FlowCol { kId = 0, kFrom = 1, kTo = 2, kTonnes = 4, kDocumented = 5, kEvidence = 6, kPrice = 9 };

}  // namespace

TEST_CASE("Tables - a tonnes cell typed in the Flows table is one undoable step, and a refused one names its row and column", "[gui]") {
    CareTables fx;
    TablePage* t = fx.flows();
    wxGrid* g = t->grid();
    UiDriver ui;
    REQUIRE(t->rowCount() == 13);
    const int row = rowOf(t, "f1");
    REQUIRE(row >= 0);
    CHECK(g->GetCellValue(row, kFrom) == "Waste pickers of Organisation 1");
    CHECK(g->GetCellValue(row, kTo) == "Organisation 1");
    const double before = fx.project().findFlow("f1")->tonnes;
    REQUIRE(before == Approx(173.8));

    // 180 t typed (the decimal mark of the interface: both "180" and "180,5"/"180.5" read).
    typeInCell(ui, g, row, kTonnes, spanishRun() ? "180,5" : "180.5");
    REQUIRE(waitUntil([&] { return std::abs(fx.project().findFlow("f1")->tonnes - 180.5) < 1e-9; }, 3000));
    CHECK(t->errorText().empty());
    // Enter moved the cursor a row down, as in a spreadsheet: the selection follows the cursor.
    CHECK(g->GetGridCursorRow() == row + 1);
    CHECK(fx.frame->selection().primary() == ItemRef{ItemKind::Flow, t->idAt(row + 1)});
    const wxString undoLabel = fx.frame->GetMenuBar()->FindItem(wxID_UNDO)->GetItemLabelText();
    // Undo names the field and the flow (issue #17).
    CHECK(undoLabel.Contains(wxString::Format(_("%s of %s"), _("Tonnes").Lower(), wxString::FromUTF8("Waste pickers of Organisation 1 → Organisation 1"))));

    // Not a number: refused, the row and the column named, nothing changed.
    const auto revision = fx.frame->document().revision();
    typeInCell(ui, g, row, kTonnes, "lots");
    CHECK(fx.frame->document().revision() == revision);
    CHECK(fx.project().findFlow("f1")->tonnes == Approx(180.5));
    const wxString error = t->errorText();
    CHECK(error.Contains(wxString::Format(_("row %d, column %s"), row + 1, _("Tonnes"))));
    CHECK(error.Contains("lots"));
    // A documented amount above the tonnes is refused by the model's own rule, also named.
    typeInCell(ui, g, row, kDocumented, "999");
    CHECK(fx.project().findFlow("f1")->documentedT == Approx(8.69));
    CHECK(t->errorText().Contains(wxString::Format(_("row %d, column %s"), row + 1, _("Documented (t)"))));

    fx.undo();
    CHECK(fx.project().findFlow("f1")->tonnes == Approx(before));
    CHECK(g->GetCellValue(row, kTonnes) == (spanishRun() ? "173,8" : "173.8"));  // the language's decimal mark
    CHECK(fx.errors.empty());
}

TEST_CASE("Tables - a click on a column header sorts by it both ways, and the filter narrows by column", "[gui]") {
    CareTables fx;
    UiDriver ui;
    TablePage* flows = fx.flows();
    wxGrid* g = flows->grid();
    clickHeader(ui, g, kTonnes);
    REQUIRE(waitUntil([&] { return flows->idAt(0) == "f9"; }, 3000));  // 4.1 t, the lightest
    CHECK(flows->idAt(12) == "f12");
    CHECK(g->IsSortingBy(kTonnes));
    clickHeader(ui, g, kTonnes);
    REQUIRE(waitUntil([&] { return flows->idAt(0) == "f12"; }, 3000));  // 217.4 t first now
    CHECK(flows->idAt(12) == "f9");
    CHECK(g->IsSelection() == false);  // a header click selects no column

    TablePage* actors = fx.actors();
    REQUIRE(actors->rowCount() == 14);
    actors->filterColumn()->SetSelection(1 + 5);  // "Region / city" (after "All columns")
    wxCommandEvent choice(wxEVT_CHOICE, actors->filterColumn()->GetId());
    actors->filterColumn()->GetEventHandler()->ProcessEvent(choice);
    actors->filterText()->SetFocus();
    ui.type("bogota");  // no accent typed: "Bogotá" still matches
    REQUIRE(waitUntil([&] { return actors->rowCount() == 4; }, 3000));
    CHECK(actors->countText() == wxString::Format(_("%d of %d rows"), 4, 14));
    for (int r = 0; r < 4; ++r) CHECK(fx.project().findActor(actors->idAt(r))->region == "Bogotá");
    actors->filterText()->SelectAll();
    ui.key(WXK_DELETE);
    REQUIRE(waitUntil([&] { return actors->rowCount() == 14; }, 3000));
    CHECK(fx.errors.empty());
}

TEST_CASE("Tables - rows pasted from a spreadsheet edit and add as one undo step, and a refused cell pastes nothing", "[gui]") {
    CareTables fx;
    TablePage* t = fx.flows();
    wxGrid* g = t->grid();
    UiDriver ui;
    const std::size_t flowsBefore = fx.project().flows.size();
    const int f12 = rowOf(t, "f12");
    REQUIRE(f12 == 11);  // the sample's order: f12, f13 are the last two rows
    // Tonnes and documented tonnes of f12 and f13, then a new flow from Exporter B
    // to the refiner: three rows, from the Tonnes column on.
    ui.click(cellOnScreen(g, f12, kTonnes));
    REQUIRE(waitUntil([&] { return g->GetGridCursorRow() == f12 && g->GetGridCursorCol() == kTonnes; }, 3000));
    const wxString pasted = spanishRun() ? wxString::FromUTF8("220\t200,5\n8\t8\n") : wxString("220\t200.5\n8\t8\n");
    {
        wxClipboardLocker lock;
        REQUIRE_FALSE(!lock);
        wxTheClipboard->SetData(new wxTextDataObject(pasted));
    }
    ui.key('V', wxMOD_CONTROL);
    REQUIRE(waitUntil([&] { return fx.project().findFlow("f12")->tonnes == 220; }, 5000));
    CHECK(fx.project().findFlow("f12")->documentedT == Approx(200.5));
    CHECK(fx.project().findFlow("f13")->tonnes == 8);
    CHECK(fx.project().flows.size() == flowsBefore);
    CHECK(fx.frame->document().undoLabel() == "Paste rows");

    // Rows below the last one add flows: ends by name or id, evidence by label, documents by name.
    const std::string evidence = toUtf8(evidenceLabel(model::Evidence::Documented));
    const std::string invoice = toUtf8(localText(fx.project().catalogue.documentType("electronic_invoice")->name));
    g->SetGridCursor(static_cast<int>(t->rowCount()) - 1, kFrom);
    const std::string row14 = "Exporter B\tref\tUBC\t5\t5\t" + evidence + "\t" + invoice;
    REQUIRE(t->pasteText(toWx("Exporter B\tref\n" + row14 + "\n")));  // row 13 (f13) is Exporter B -> ref already
    REQUIRE(fx.project().flows.size() == flowsBefore + 1);
    const model::Flow& added = fx.project().flows.back();
    CHECK(added.from == "expB");
    CHECK(added.to == "ref");
    CHECK(added.tonnes == 5);
    CHECK(added.evidence == model::Evidence::Documented);
    CHECK(added.documents == std::vector<std::string>{"electronic_invoice"});
    CHECK(fx.frame->document().undoLabel() == "Paste rows");
    fx.undo();
    CHECK(fx.project().flows.size() == flowsBefore);

    // One bad cell in the third row: nothing of the paste is applied, the row and column named.
    const auto revision = fx.frame->document().revision();
    g->SetGridCursor(f12, kTonnes);
    REQUIRE_FALSE(t->pasteText("1\t1\n2\t2\nmany\t3\n"));
    CHECK(fx.frame->document().revision() == revision);
    CHECK(fx.project().findFlow("f12")->tonnes == 220);
    CHECK(fx.project().flows.size() == flowsBefore);
    CHECK(t->errorText().Contains(wxString::Format(_("row %d, column %s"), f12 + 3, _("Tonnes"))));
    fx.undo();  // the first paste, as one step
    CHECK(fx.project().findFlow("f12")->tonnes == Approx(217.4));
    CHECK(fx.project().findFlow("f13")->tonnes == Approx(7.8));
    CHECK(fx.errors.empty());
}

TEST_CASE("Tables - Add row and Delete rows are undoable, and the table and the canvas select together", "[gui]") {
    CareTables fx;
    TablePage* t = fx.actors();
    wxGrid* g = t->grid();
    UiDriver ui;
    // The canvas selects: the table's cursor goes to that actor's row.
    fx.frame->selection().set({ItemKind::Actor, "expB"});
    REQUIRE(waitUntil([&] { return g->GetGridCursorRow() == rowOf(t, "expB"); }, 3000));
    CHECK(g->IsInSelection(rowOf(t, "expB"), 0));
    // The table selects: the canvas selection follows and the canvas centres on it.
    ui.click(cellOnScreen(g, rowOf(t, "org3"), 1));
    REQUIRE(waitUntil([&] { return fx.frame->selection().primary() == ItemRef{ItemKind::Actor, "org3"}; }, 3000));
    const wxPoint centre = *fx.frame->canvas()->actorCentreOnScreen("org3");
    const wxSize size = fx.frame->canvas()->GetClientSize();
    CHECK(std::abs(centre.x - size.x / 2) <= 2);
    CHECK(std::abs(centre.y - size.y / 2) <= 2);

    ui.click(t->addButton()->GetScreenRect().GetPosition() + wxPoint(5, 5));
    REQUIRE(waitUntil([&] { return fx.project().actors.size() == 15; }, 3000));
    const std::string added = fx.project().actors.back().id;
    CHECK(fx.frame->selection().primary() == ItemRef{ItemKind::Actor, added});
    CHECK(g->GetGridCursorRow() == 14);
    CHECK(fx.frame->canvas()->actorCentreOnScreen(added).has_value());
    typeInCell(ui, g, 14, 1, "Scrap yard");
    CHECK(fx.project().actors.back().name == "Scrap yard");

    // Two rows selected with the row labels (click, Shift+click), then Delete rows.
    const int org4 = rowOf(t, "org4"), org5 = rowOf(t, "org5");
    REQUIRE(org5 == org4 + 1);
    g->SelectRow(org4);
    g->SelectRow(org5, true);
    pump(100);
    CHECK(fx.frame->selection().actors() == std::set<std::string>{"org4", "org5"});
    const std::size_t flows = fx.project().flows.size();
    ui.click(t->deleteButton()->GetScreenRect().GetPosition() + wxPoint(5, 5));
    REQUIRE(waitUntil([&] { return fx.project().actors.size() == 13; }, 3000));
    CHECK(fx.project().flows.size() == flows - 4);  // f4, f5 (from their pickers), f10, f11 (to the exporters)
    CHECK(fx.frame->document().undoLabel() == "Delete rows");
    fx.undo();
    CHECK(fx.project().actors.size() == 15);
    CHECK(fx.project().flows.size() == flows);
    fx.undo();
    fx.undo();
    CHECK(fx.project().actors.size() == 14);
    CHECK(fx.errors.empty());
}

TEST_CASE("Tables - a click in the outline or on an analysis row selects and centres the canvas on it", "[gui]") {
    CareTables fx;
    UiDriver ui;
    ChainCanvas* canvas = fx.frame->canvas();
    auto centred = [&](const std::string& id) {
        const auto c = canvas->actorCentreOnScreen(id);
        const wxSize size = canvas->GetClientSize();
        return c && std::abs(c->x - size.x / 2) <= 2 && std::abs(c->y - size.y / 2) <= 2;
    };
    canvas->fitToWindow();
    pump(200);
    REQUIRE_FALSE(centred("ref"));
    // The outline: one click on the refiner's item.
    wxTreeCtrl* tree = fx.frame->outline()->tree();
    wxTreeItemId found;
    std::function<void(const wxTreeItemId&)> find = [&](const wxTreeItemId& item) {
        if (found.IsOk()) return;
        if (tree->GetItemText(item) == toWx(fx.project().findActor("ref")->name)) found = item;
        wxTreeItemIdValue cookie;
        for (wxTreeItemId c = tree->GetFirstChild(item, cookie); c.IsOk(); c = tree->GetNextChild(item, cookie)) find(c);
    };
    find(tree->GetRootItem());
    REQUIRE(found.IsOk());
    tree->EnsureVisible(found);
    pump(100);
    wxRect box;
    REQUIRE(tree->GetBoundingRect(found, box, true));
    ui.click(tree->ClientToScreen(box.GetPosition() + wxPoint(box.width / 2, box.height / 2)));
    REQUIRE(waitUntil([&] { return fx.frame->selection().primary() == ItemRef{ItemKind::Actor, "ref"}; }, 3000));
    CHECK(centred("ref"));

    // The analysis: the first choke point's row.
    TableView* choke = fx.frame->analysisPanel()->chokePoints();
    fx.frame->analysisPanel()->showPage(choke);
    pump(200);
    REQUIRE(choke->rowCount() > 0);
    const ItemRef first = *choke->row(0).item;
    REQUIRE(first.kind == ItemKind::Actor);
    if (first.id != "ref") canvas->centreOn("ref");
    wxRect rowBox;
    REQUIRE(choke->GetItemRect(0, rowBox));
    ui.click(choke->ClientToScreen(rowBox.GetPosition() + wxPoint(40, rowBox.height / 2)));
    REQUIRE(waitUntil([&] { return fx.frame->selection().primary() == first; }, 3000));
    CHECK(centred(first.id));
    CHECK(fx.errors.empty());
}

TEST_CASE("Tables - a national chain's 66 000 actors and 85 000 flows fill the tables, sort and filter in moments", "[gui][scale]") {
    // 2 000 organisations of 32 picker groups: 66 106 actors; 42 extra flows per organisation
    // (a second delivery of each of its groups, 10 of them twice) bring the flows to 86 105.
    model::Project p = nationalChain(2000, 32);
    int extra = 0;
    for (int o = 0; o < 2000; ++o)
        for (int k = 0; k < 42; ++k) {
            const std::string org = "org" + std::to_string(o);
            p.flows.push_back(flow("x" + std::to_string(++extra), org + "-p" + std::to_string(k % 32), org, 0.25));
        }
    REQUIRE(p.actors.size() >= 66000);
    REQUIRE(p.flows.size() >= 85000);
    TestFrame fx(wxSize(1600, 1000));
    fx.f->document().replace(std::move(p), {}, "national", true);
    fx.menu(ids::ShowTables);
    fx.f->showTables(fx.f->flowTable());
    TablePage* t = fx.f->flowTable();
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(waitUntil([&] { return t->rowCount() == fx.f->document().project().flows.size(); }, 60000));
    wxGridEvent sort(t->grid()->GetId(), wxEVT_GRID_COL_SORT, t->grid(), -1, kTonnes);
    t->grid()->ProcessWindowEvent(sort);
    CHECK(t->idAt(0).rfind("x", 0) == 0);  // 0.25 t, the lightest
    t->filterText()->SetValue("org1999-p31");
    wxCommandEvent enter(wxEVT_TEXT_ENTER, t->filterText()->GetId());
    t->filterText()->GetEventHandler()->ProcessEvent(enter);
    CHECK(t->rowCount() == 2);  // its flow to org1999 and its second delivery (k = 31; 31 + 32 is past 41)
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN("tables of a national chain: " << seconds << " s");
    CHECK(seconds < 30);
}

TEST_CASE("Workbench - Undo and Redo select the actor or flow they change and centre the canvas on it", "[gui]") {
    CareTables fx;
    Document& doc = fx.frame->document();
    ChainCanvas* canvas = fx.frame->canvas();
    auto centred = [&](const std::string& id) {
        const auto c = canvas->actorCentreOnScreen(id);
        const wxSize size = canvas->GetClientSize();
        return c && std::abs(c->x - size.x / 2) <= 2 && std::abs(c->y - size.y / 2) <= 2;
    };
    model::Actor org5 = *fx.project().findActor("org5");
    org5.notes = "visited";
    doc.execute(std::make_unique<model::UpdateActor>("org5", org5));
    model::Flow f1 = *fx.project().findFlow("f1");
    f1.tonnes = 180;
    doc.execute(std::make_unique<model::UpdateFlow>("f1", f1));
    fx.frame->selection().clear();
    canvas->centreOn("ref");
    pump(100);
    REQUIRE_FALSE(centred("org5"));

    fx.undo();  // the flow's tonnes
    CHECK(fx.project().findFlow("f1")->tonnes == Approx(173.8));
    CHECK(fx.frame->selection().primary() == ItemRef{ItemKind::Flow, "f1"});
    fx.undo();  // the organisation's notes
    CHECK(fx.project().findActor("org5")->notes != "visited");
    CHECK(fx.frame->selection().primary() == ItemRef{ItemKind::Actor, "org5"});
    CHECK(centred("org5"));
    canvas->centreOn("ref");
    fx.menu(wxID_REDO);
    pump(200);
    CHECK(fx.project().findActor("org5")->notes == "visited");
    CHECK(fx.frame->selection().primary() == ItemRef{ItemKind::Actor, "org5"});
    CHECK(centred("org5"));
    fx.menu(wxID_REDO);
    pump(200);
    CHECK(fx.frame->selection().primary() == ItemRef{ItemKind::Flow, "f1"});
    CHECK(fx.errors.empty());
}
