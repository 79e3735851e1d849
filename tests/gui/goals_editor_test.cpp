// The goals and supports editor in the real frame, driven like a user: type
// into the grids' cells, press the buttons, undo. Hand-worked numbers from the
// CARE sample (data/samples/care-pilot-2025.json): Organisation 5 delivered
// 7.8 t (flow f11 to Exporter B) against thresholds 6 / 8 / 10 t: 78%, one
// threshold reached; all goals: 225.2 t of 215 t, 105%. Raising its goal to
// 12 t gives 7.8 / 12 = 65% and a total of 225.2 / 217 = 103.8%, shown 104%.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/combobox.h>
#include <wx/dcclient.h>
#include <wx/grid.h>
#include <wx/stattext.h>

#include <cstdlib>

#include "analysis_runner.h"
#include "chain_commands.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "goals_editor.h"
#include "goals_editor_fields.h"
#include "gui_test_support.h"
#include "tables_fixture.h"
#include "labels.h"
#include "main_frame.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

constexpr int kOrg5 = 4;  // the fifth goal of the sample
const int kThresholds = static_cast<int>(GoalColumn::Thresholds);
const int kDelivered = static_cast<int>(GoalColumn::Delivered);
const int kCompliance = static_cast<int>(GoalColumn::Compliance);
const int kReached = static_cast<int>(GoalColumn::Reached);
const int kCount = static_cast<int>(SupportColumn::Count);

/// The CARE sample open in a real frame, its due-diligence pane showing.
struct GoalsFrame : TestFrame {
    MainFrame* frame = f;
    GoalsFrame() : TestFrame(wxSize(1600, 1000)) {
        // The Spanish run (TRAZA_TEST_LANGUAGE=es) must really show Spanish.
        if (const char* lang = std::getenv("TRAZA_TEST_LANGUAGE"); lang && std::string(lang) == "es")
            REQUIRE(_("Goals and supports") == wxString::FromUTF8("Metas y apoyos"));
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        frame->showDueDiligence(frame->goalsEditor());
        pump(300);
    }
    void undo() {
        wxCommandEvent e(wxEVT_MENU, wxID_UNDO);
        frame->ProcessWindowEvent(e);
        pump(200);
    }
};

}  // namespace

TEST_CASE("GoalsEditor - a goal's thresholds typed in the table recompute compliance from the flows, live and undoable", "[gui]") {
    GoalsFrame care;
    MainFrame* f = care.frame;
    GoalsEditor* ed = f->goalsEditor();
    wxGrid* g = ed->goalsGrid();
    UiDriver ui;
    REQUIRE(g->GetNumberRows() == 5);
    CHECK(g->GetCellValue(kOrg5, 0) == "Organisation 5");
    CHECK(g->GetCellValue(kOrg5, 1) == "Exporter B");
    CHECK(g->GetCellValue(kOrg5, kThresholds) == "6; 8; 10");
    CHECK(g->GetCellValue(kOrg5, kDelivered) == wxString("7") + decimalMark() + "8");  // "7,8" in Spanish, as the total
    CHECK(g->GetCellValue(kOrg5, kCompliance) == "78%");
    CHECK(g->GetCellValue(kOrg5, kReached) == "1 / 3");
    CHECK(g->GetCellValue(0, kCompliance) == "116%");  // 173.8 / 150
    CHECK(g->GetCellValue(3, kCompliance) == "78%");   // 9.3 / 12 = 77.5%
    CHECK(ed->totalText() == wxString::Format(_("Total: %s delivered of %s (%d%%)"), formatTonnes(225.2), formatTonnes(215), 105));

    typeInCell(ui, g, kOrg5, kThresholds, "6; 8; 12");
    CHECK(f->document().project().goals[kOrg5].thresholdsT == std::vector<double>{6, 8, 12});
    REQUIRE(waitUntil([&] { return g->GetCellValue(kOrg5, kCompliance) == "65%"; }, 3000));
    CHECK(g->GetCellValue(kOrg5, kReached) == "1 / 3");
    CHECK(ed->totalText() == wxString::Format(_("Total: %s delivered of %s (%d%%)"), formatTonnes(225.2), formatTonnes(217), 104));
    CHECK(ed->errorText().empty());

    // The delivered column follows the flows: 9 t now reach Exporter B (9 / 12 = 75%, two thresholds).
    model::Flow f11 = *f->document().project().findFlow("f11");
    f11.records.clear();  // the sample's illustrative monthly records: the flow is edited as a whole
    f11.tonnes = 9;
    f11.documentedT = 9;
    f->document().execute(std::make_unique<model::UpdateFlow>("f11", f11));
    REQUIRE(waitUntil([&] { return g->GetCellValue(kOrg5, kCompliance) == "75%"; }, 3000));
    CHECK(g->GetCellValue(kOrg5, kDelivered) == wxString("9") + decimalMark() + "0");
    CHECK(g->GetCellValue(kOrg5, kReached) == "2 / 3");

    care.undo();  // the flow
    REQUIRE(waitUntil([&] { return g->GetCellValue(kOrg5, kCompliance) == "65%"; }, 3000));
    care.undo();  // the thresholds
    REQUIRE(waitUntil([&] { return g->GetCellValue(kOrg5, kCompliance) == "78%"; }, 3000));
    CHECK(g->GetCellValue(kOrg5, kThresholds) == "6; 8; 10");
    CHECK(f->document().project().goals[kOrg5].thresholdsT == std::vector<double>{6, 8, 10});
    CHECK(care.errors.empty());
}

TEST_CASE("GoalsEditor - descending thresholds and a negative count are refused with the field named", "[gui]") {
    GoalsFrame care;
    MainFrame* f = care.frame;
    GoalsEditor* ed = f->goalsEditor();
    UiDriver ui;
    const auto revision = f->document().revision();

    typeInCell(ui, ed->goalsGrid(), kOrg5, kThresholds, "10; 8; 12");
    CHECK(ed->errorText().Contains(_("Thresholds (t)")));
    CHECK(ed->errorText().Contains("must not decrease"));
    CHECK(f->document().revision() == revision);
    CHECK(ed->goalsGrid()->GetCellValue(kOrg5, kThresholds) == "6; 8; 10");

    typeInCell(ui, ed->goalsGrid(), kOrg5, kThresholds, "6; eight");
    CHECK(ed->errorText().Contains("eight"));
    CHECK(f->document().revision() == revision);

    typeInCell(ui, ed->supportsGrid(), 1, kCount, "-5");
    CHECK(ed->errorText().Contains(_("Count")));
    CHECK(ed->errorText().Contains("must not be negative"));
    CHECK(f->document().revision() == revision);
    CHECK(ed->supportsGrid()->GetCellValue(1, kCount) == "31");
    CHECK(f->document().project().supports[1].count == 31);
}

TEST_CASE("GoalsEditor - a support row is added with the button, filled in, and undone", "[gui]") {
    GoalsFrame care;
    MainFrame* f = care.frame;
    GoalsEditor* ed = f->goalsEditor();
    wxGrid* s = ed->supportsGrid();
    UiDriver ui;
    REQUIRE(s->GetNumberRows() == 6);
    CHECK(s->GetCellValue(0, kCount) == "117");

    f->selection().set({ItemKind::Actor, "org5"});
    pump(100);
    ui.click(ed->addSupportButton()->GetScreenRect().GetPosition() + wxPoint(10, 8));
    REQUIRE(waitUntil([&] { return s->GetNumberRows() == 7; }, 3000));
    REQUIRE(f->document().project().supports.size() == 7);
    CHECK(f->document().project().supports[6].actor == "org5");
    CHECK(f->document().project().supports[6].region == "Bogotá");
    typeInCell(ui, s, 6, kCount, "40");
    CHECK(f->document().project().supports[6].count == 40);
    CHECK(s->GetCellValue(6, kCount) == "40");

    care.undo();
    REQUIRE(waitUntil([&] { return s->GetCellValue(6, kCount) == "0"; }, 3000));
    care.undo();
    REQUIRE(waitUntil([&] { return s->GetNumberRows() == 6; }, 3000));
    CHECK(f->document().project().supports.size() == 6);
    CHECK(care.errors.empty());
}

TEST_CASE("GoalsEditor - screenshot of the goals and supports page", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    GoalsFrame care;
    pump(300);
    const fs::path png = out / "due-diligence-goals.png";
    fs::remove(png);
    REQUIRE(screenshot(care.frame->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);
}

TEST_CASE("GoalsEditor - Add goal is for an organisation, asks for its thresholds, and its buyer is one the organisation sells to", "[gui]") {
    GoalsFrame care;
    MainFrame* f = care.frame;
    GoalsEditor* ed = f->goalsEditor();
    const model::Project& p = f->document().project();
    UiDriver ui;
    // The Organisation column offers the five picker organisations only.
    wxArrayString organisations;
    for (const model::Actor& a : p.actors)
        if (a.kind == model::ActorKind::PickerOrganisation) organisations.push_back(toWx(a.name));
    REQUIRE(organisations.size() == 5);
    CHECK(ed->organisationChoices() == organisations);

    wxString asked;
    std::optional<wxString> answer;
    ed->askThresholds = [&](const wxString& organisation) {
        asked = organisation;
        return answer;
    };
    f->selection().set({ItemKind::Actor, "org3"});
    pump(100);
    auto press = [&] {
        ui.click(ed->addGoalButton()->GetScreenRect().GetPosition() + wxPoint(10, 8));
        pump(300);
    };
    // Cancelled: nothing is added; a text that is no threshold: refused, nothing added.
    press();
    CHECK(asked == "Organisation 3");
    CHECK(p.goals.size() == 5);
    answer = wxString("lots");
    press();
    CHECK(p.goals.size() == 5);
    // "5; 9": a goal of 9 t with a first threshold at 5 t, for org3, any buyer.
    answer = wxString("5; 9");
    press();
    REQUIRE(p.goals.size() == 6);
    CHECK(p.goals.back().actor == "org3");
    CHECK(p.goals.back().thresholdsT == std::vector<double>{5, 9});
    CHECK(p.goals.back().buyer.empty());
    // Its Buyer cell offers what org3 sells to (f6 to the intermediary, f9 to Exporter A), or any.
    const wxArrayString buyers = ed->buyerChoices(p.goals.back());
    CHECK(buyers.size() == 3);
    CHECK(buyers.Index(toWx(p.findActor("int1")->name)) != wxNOT_FOUND);
    CHECK(buyers.Index(toWx(p.findActor("expA")->name)) != wxNOT_FOUND);
    CHECK(buyers.Index(toWx(p.findActor("expB")->name)) == wxNOT_FOUND);
    care.undo();
    CHECK(p.goals.size() == 5);
    CHECK(care.errors.empty());
}

TEST_CASE("GoalsEditor - support types read in the interface language and are kept as their codes, and every heading shows whole",
          "[gui]") {
    GoalsFrame care;
    MainFrame* f = care.frame;
    GoalsEditor* ed = f->goalsEditor();
    wxGrid* s = ed->supportsGrid();
    const int kType = static_cast<int>(SupportColumn::Type);
    // The sample stores codes ("equipment"); the table showed them as they are, in English in a Spanish window.
    REQUIRE(f->document().project().supports[1].type == "equipment");
    CHECK(s->GetCellValue(0, kType) == _("Equipment"));
    CHECK(s->GetCellValue(2, kType) == _("Family welfare voucher"));
    CHECK(s->GetCellValue(4, kType) == _("Experiential outing"));

    UiDriver ui;
    // F2 opens the type's editor (a combo box that also takes other text); the label goes in whole.
    s->MakeCellVisible(1, kType);
    pump(100);
    const wxRect r = s->CellToRect(1, kType);
    ui.click(s->GetGridWindow()->ClientToScreen(s->CalcScrolledPosition(r.GetPosition()) + wxPoint(r.width / 2, r.height / 2)));
    REQUIRE(waitUntil([&] { return s->GetGridCursorRow() == 1 && s->GetGridCursorCol() == kType; }, 3000));
    ui.key(WXK_F2);
    REQUIRE(waitUntil([&] { return s->IsCellEditControlShown(); }, 3000));
    wxGridCellEditor* typeEditor = s->GetCellEditor(1, kType);  // a reference, given back below
    auto* combo = dynamic_cast<wxComboBox*>(typeEditor->GetControl());
    typeEditor->DecRef();
    REQUIRE(combo);
    CHECK(combo->FindString(_("Experiential outing")) != wxNOT_FOUND);  // the labels are offered
    combo->SetValue(_("Experiential outing"));
    ui.key(WXK_RETURN);
    pump(300);
    REQUIRE(waitUntil([&] { return f->document().project().supports[1].type != "equipment"; }, 3000));
    CHECK(f->document().project().supports[1].type == "experiential_outing");
    CHECK(s->GetCellValue(1, kType) == _("Experiential outing"));
    care.undo();
    CHECK(f->document().project().supports[1].type == "equipment");

    // Every column heading of both tables fits its column ("Umbrales alcanzados", "Beneficiarios únicos" were cut).
    for (wxGrid* g : {ed->goalsGrid(), s}) {
        wxClientDC dc(g->GetGridColLabelWindow());
        dc.SetFont(g->GetLabelFont());
        for (int c = 0; c < g->GetNumberCols(); ++c) {
            INFO(g->GetColLabelValue(c).utf8_string());
            CHECK(dc.GetTextExtent(g->GetColLabelValue(c)).x + g->FromDIP(4) <= g->GetColSize(c));
        }
    }
    // And the bold headings over them show whole ("Metas por organización y" lost "comprador").
    for (wxWindow* child : ed->GetChildren())
        if (auto* text = dynamic_cast<wxStaticText*>(child); text && !text->GetLabel().empty()) {
            INFO(text->GetLabel().utf8_string());
            CHECK(text->GetSize().x >= text->GetTextExtent(text->GetLabel()).x);
        }
    CHECK(care.errors.empty());
}
