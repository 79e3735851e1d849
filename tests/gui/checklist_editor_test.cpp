// The OECD checklist editor in the real frame, driven like a user: choose a
// supplier on the canvas selection, pick an item in the list, set its status
// and type its evidence and due date. Numbers are hand-worked from the CARE
// sample (data/samples/care-pilot-2025.json): Exporter A's supplier steps 2-4
// hold 13 template items, 2 not applicable, so 11 count; its items score
// 3.5 (2 done, 3 in progress) before the edit and 4.5 after item 2.4 is done.
#include <catch2/catch.hpp>
#include <wx/treectrl.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <cstdlib>

#include "analysis.h"
#include "analysis_panel.h"
#include "analysis_runner.h"
#include "checklist_completion.h"
#include "checklist_editor.h"
#include "checklist_item_list.h"
#include "item_status_buttons.h"
#include "document_commands.h"
#include "error.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "outline_panel.h"
#include "table_view.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

/// The CARE sample open in a real frame, its due-diligence pane showing.
struct ChecklistFrame : TestFrame {
    MainFrame* frame = f;
    ChecklistFrame() : TestFrame(wxSize(1600, 1000)) {
        // The Spanish run (TRAZA_TEST_LANGUAGE=es) must really show Spanish.
        if (const char* lang = std::getenv("TRAZA_TEST_LANGUAGE"); lang && std::string(lang) == "es")
            REQUIRE(_("Goals and supports") == wxString::FromUTF8("Metas y apoyos"));
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        settle();
        frame->showDueDiligence(frame->checklistEditor());
        pump(300);
    }
    /// Wait for the analysis of the current document.
    void settle() {
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        pump(100);
    }
    const risk::ActorResult& result(const std::string& id) const {
        for (const risk::ActorResult& r : frame->analysis()->actors)
            if (r.id == id) return r;
        FAIL("no analysis result for " << id);
        static const risk::ActorResult none;
        return none;
    }
    /// The "Residual" cell of the analysis pane's actor table.
    wxString residualShown(const std::string& id) const {
        TableView* t = frame->analysisPanel()->actors();
        for (std::size_t i = 0; i < t->rowCount(); ++i)
            if (t->row(i).item && t->row(i).item->id == id) return t->row(i).cells.at(6);
        return {};
    }
    void undo() {
        wxCommandEvent e(wxEVT_MENU, wxID_UNDO);
        frame->ProcessWindowEvent(e);
        pump(200);
    }
};

// The texts the editor shows, in the interface language of the run.
wxString stepLabel(int step, int done, int of) { return wxString::Format(_("Step %d: %d/%d done"), step, done, of); }
wxString overallLabel(int done, int of) { return wxString::Format(_("Overall: %d/%d done"), done, of); }

wxPoint centreOf(wxWindow* w) { return w->GetScreenRect().GetPosition() + wxPoint(w->GetSize().x / 2, w->GetSize().y / 2); }

// Click into a text field, replace its text by typing, press Enter.
void typeInto(UiDriver& ui, wxTextCtrl* field, const char* text) {
    ui.click(centreOf(field));
    REQUIRE(waitUntil([&] { return wxWindow::FindFocus() == field; }, 3000));
    field->SelectAll();
    ui.type(text);
    ui.key(WXK_RETURN);
    pump(200);
}

// Click the list row of item `id`.
void clickItem(UiDriver& ui, ChecklistItemList* list, const std::string& id) {
    for (long row = 0; row < list->GetItemCount(); ++row)
        if (list->GetItemText(row).StartsWith(wxString::FromUTF8(id) + " ")) {
            list->EnsureVisible(row);
            pump(100);
            wxRect r;
            REQUIRE(list->GetItemRect(row, r));
            ui.click(list->ClientToScreen(r.GetPosition() + wxPoint(40, r.height / 2)));
            return;
        }
    FAIL("no row for item " << id);
}

// Choose a status with one click on its button. The form wraps its texts after
// an item is chosen (a deferred layout that moves the buttons), so the click
// aims where the button is once that has run, as a person's eye would.
void chooseStatus(ItemStatusButtons* buttons, model::ItemStatus s) {
    pump(150);
    UiDriver ui;
    ui.click(centreOf(buttons->button(s)));
    REQUIRE(waitUntil([&] { return buttons->shown() == s; }, 3000));
    pump(100);
}

}  // namespace

TEST_CASE("ChecklistEditor - a supplier item's status and evidence reach the model, the step count and the risk, and undo restores them",
          "[gui]") {
    ChecklistFrame care;
    MainFrame* f = care.frame;
    ChecklistEditor* ed = f->checklistEditor();
    UiDriver ui;

    // Selecting the exporter on the canvas shows its checklist.
    f->selection().set({ItemKind::Actor, "expA"});
    pump(200);
    CHECK(ed->scope() == "expA");
    CHECK(ed->scopeChoice()->GetStringSelection().Contains("Exporter A"));
    // Step 2 of Exporter A: 2.2 done; 2.1, 2.3 in progress; 2.4 not started; 2.5 not applicable.
    CHECK(ed->stepText(1) == stepLabel(2, 1, 4));
    CHECK(ed->stepGaugeValue(1) == 25);
    // 2 done of 11 applicable: the supplier steps 2-4 hold 13 of the template's 23 items, 2 not applicable.
    CHECK(ed->overallText() == overallLabel(2, 11));
    const risk::ActorResult before = care.result("expA");
    CHECK(before.risk.mitigation == Approx(3.5 / 11));
    const wxString residualBefore = care.residualShown("expA");

    clickItem(ui, ed->itemList(), "2.4");
    REQUIRE(ed->item() == "2.4");
    const model::ChecklistItem original = checklistItemOf(f->document().project(), "expA", "2.4");
    CHECK(original.status == model::ItemStatus::NotStarted);
    CHECK(ed->evidenceField()->GetValue() == wxString::FromUTF8(original.evidence));
    const auto revision = f->document().revision();
    chooseStatus(ed->statusButtons(), model::ItemStatus::Done);
    typeInto(ui, ed->evidenceField(), "Site visit 2025-11-04, photos on file");
    typeInto(ui, ed->documentsField(), "visit-report-expA.pdf; photos.zip");
    CHECK(f->document().revision() == revision + 3);  // one command per edited field

    const model::ChecklistItem item = checklistItemOf(f->document().project(), "expA", "2.4");
    CHECK(item.status == model::ItemStatus::Done);
    CHECK(item.evidence == "Site visit 2025-11-04, photos on file");
    CHECK(item.documents == std::vector<std::string>{"visit-report-expA.pdf", "photos.zip"});
    REQUIRE(waitUntil([&] { return ed->stepText(1) == stepLabel(2, 2, 4); }, 3000));
    CHECK(ed->stepGaugeValue(1) == 50);
    CHECK(ed->overallText() == overallLabel(3, 11));

    // The analysis re-ran: mitigation 4.5 / 11, residual risk lower, the pane shows it.
    care.settle();
    const risk::ActorResult after = care.result("expA");
    CHECK(after.risk.mitigation == Approx(4.5 / 11));
    CHECK(after.risk.inherent == Approx(before.risk.inherent));
    CHECK(after.risk.residual < before.risk.residual);
    CHECK(care.residualShown("expA") != residualBefore);

    // Three edits, three undo steps: back to where the sample was.
    care.undo();
    care.undo();
    care.undo();
    CHECK(checklistItemOf(f->document().project(), "expA", "2.4") == original);
    REQUIRE(waitUntil([&] { return ed->stepText(1) == stepLabel(2, 1, 4); }, 3000));
    CHECK(ed->statusButtons()->shown() == model::ItemStatus::NotStarted);
    CHECK(ed->statusButtons()->button(model::ItemStatus::NotStarted)->GetValue());
    CHECK_FALSE(ed->statusButtons()->button(model::ItemStatus::Done)->GetValue());
    CHECK(ed->evidenceField()->GetValue() == wxString::FromUTF8(original.evidence));
    care.settle();
    CHECK(care.result("expA").risk.residual == Approx(before.risk.residual));
    CHECK(care.residualShown("expA") == residualBefore);
    CHECK(care.errors.empty());
}

TEST_CASE("ChecklistEditor - a due date that is no date is refused with a message and changes nothing", "[gui]") {
    ChecklistFrame care;
    MainFrame* f = care.frame;
    ChecklistEditor* ed = f->checklistEditor();
    UiDriver ui;
    ed->showScope("org3");
    clickItem(ui, ed->itemList(), "4.4");
    const model::Project before = f->document().project();
    const auto revision = f->document().revision();

    typeInto(ui, ed->dueField(), "2026-02-30");  // February has no 30th
    CHECK(ed->errorText().Contains(_("Due date")));
    CHECK(ed->errorText().Contains("2026-02-30"));
    CHECK(f->document().revision() == revision);
    CHECK(*f->document().project().findChecklist("org3") == *before.findChecklist("org3"));

    typeInto(ui, ed->dueField(), "31/03/2026");
    CHECK(ed->errorText().Contains("31/03/2026"));
    CHECK(f->document().revision() == revision);

    // A real date is taken, and clears the message.
    typeInto(ui, ed->dueField(), "2026-03-31");
    CHECK(checklistItemOf(f->document().project(), "org3", "4.4").due == "2026-03-31");
    CHECK(ed->errorText().empty());
    CHECK(f->document().revision() == revision + 1);

    // The command refuses a bad date on its own too (the CLI and tests use it directly).
    model::ChecklistItem bad{"4.4", model::ItemStatus::Done, "", {}, "", "2025-13-01"};
    CHECK_THROWS_AS(f->document().execute(std::make_unique<model::SetChecklistItem>("org3", bad)), InvalidInput);
    CHECK(f->document().revision() == revision + 1);
}

TEST_CASE("ChecklistEditor - the scope list marks suppliers with a checklist, and a first item creates one that undo removes",
          "[gui]") {
    ChecklistFrame care;
    MainFrame* f = care.frame;
    ChecklistEditor* ed = f->checklistEditor();
    wxChoice* scopes = ed->scopeChoice();
    auto labelOf = [&](const std::string& name) {
        for (unsigned i = 0; i < scopes->GetCount(); ++i)
            if (scopes->GetString(i).AfterFirst(' ').Trim(false) == wxString::FromUTF8(name)) return scopes->GetString(i);
        return wxString();
    };
    CHECK(labelOf("Organisation 1").StartsWith(wxString::FromUTF8("✓")));
    CHECK_FALSE(labelOf("Intermediary (cash buyer)").StartsWith(wxString::FromUTF8("✓")));
    // The assessment's own checklist: steps 1, 5 and 6 filled in the sample.
    ed->showScope("assessment");
    pump(100);
    CHECK(scopes->GetSelection() == 0);
    CHECK(ed->stepText(0) == stepLabel(1, 1, 4));
    CHECK(ed->stepText(4) == stepLabel(5, 2, 3));

    f->selection().set({ItemKind::Actor, "int1"});
    pump(200);
    CHECK(ed->scope() == "int1");
    CHECK(ed->overallText() == overallLabel(0, 13));  // a supplier: its 13 items of steps 2-4
    ed->selectItem("2.1");
    chooseStatus(ed->statusButtons(), model::ItemStatus::InProgress);
    REQUIRE(f->document().project().findChecklist("int1"));
    REQUIRE(waitUntil([&] { return labelOf("Intermediary (cash buyer)").StartsWith(wxString::FromUTF8("✓")); }, 3000));
    care.undo();
    CHECK_FALSE(f->document().project().findChecklist("int1"));
    REQUIRE(waitUntil([&] { return !labelOf("Intermediary (cash buyer)").StartsWith(wxString::FromUTF8("✓")); }, 3000));
}

TEST_CASE("ChecklistEditor - screenshot of the due-diligence pane", "[gui][screenshot]") {
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path out = outDir ? fs::path(outDir) : fs::temp_directory_path();
    ChecklistFrame care;
    care.frame->selection().set({ItemKind::Actor, "org1"});
    care.frame->checklistEditor()->selectItem("2.4");
    pump(500);
    const fs::path png = out / "due-diligence-checklist.png";
    fs::remove(png);
    REQUIRE(screenshot(care.frame->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);
}

TEST_CASE("ChecklistEditor - choosing the Minerals template for a supplier shows its five steps and references, and undo restores the six",
          "[gui]") {
    ChecklistFrame care;
    MainFrame* f = care.frame;
    ChecklistEditor* ed = f->checklistEditor();
    f->selection().set({ItemKind::Actor, "expB"});
    pump(200);
    REQUIRE(ed->scope() == "expB");
    const model::Checklist before = *f->document().project().findChecklist("expB");
    wxChoice* templates = ed->templateChoice();
    REQUIRE(templates->GetCount() == 2);  // oecd_rbc and oecd_minerals, as installed
    CHECK(templates->GetSelection() == 0);
    CHECK(ed->itemList()->GetItemCount() == 23);
    CHECK_FALSE(ed->stepText(5).empty());  // six steps

    const auto revision = f->document().revision();
    templates->SetSelection(1);
    wxCommandEvent e(wxEVT_CHOICE, templates->GetId());
    e.SetEventObject(templates);
    e.SetInt(1);
    templates->ProcessWindowEvent(e);
    pump(200);
    CHECK(f->document().revision() == revision + 1);  // one undoable command
    const model::Checklist* now = f->document().project().findChecklist("expB");
    REQUIRE(now);
    CHECK(now->templateId == "oecd_minerals");
    CHECK(now->items.empty());  // the sample's items are all RBC items

    // Five steps, 19 items, none done; the chosen item's reference shows in its form.
    REQUIRE(waitUntil([&] { return ed->itemList()->GetItemCount() == 19; }, 3000));
    CHECK(ed->stepText(5).empty());
    CHECK(ed->stepText(3) == stepLabel(4, 0, 3));
    CHECK(ed->overallText() == overallLabel(0, 11));  // the supplier steps of the 19 items
    CHECK(ed->itemList()->GetItemText(0).StartsWith("1.a "));
    ed->selectItem("1.a");
    CHECK(ed->referenceLabel()->GetLabel().Contains("OECD MG Annex I step 1.A"));
    // An item of the new template is edited as usual.
    ed->selectItem("2.c");
    chooseStatus(ed->statusButtons(), model::ItemStatus::Done);
    CHECK(checklistItemOf(f->document().project(), "expB", "2.c").status == model::ItemStatus::Done);

    care.undo();
    care.undo();
    CHECK(*f->document().project().findChecklist("expB") == before);
    REQUIRE(waitUntil([&] { return ed->itemList()->GetItemCount() == 23; }, 3000));
    CHECK(templates->GetSelection() == 0);
    CHECK_FALSE(ed->stepText(5).empty());
    CHECK(care.errors.empty());
}

// Issue #17: the Outline said "2 of 10" and the pane "2/23" for the same checklist.
TEST_CASE("ChecklistEditor - the Outline and the pane count the same items for the assessment and for suppliers", "[gui]") {
    ChecklistFrame care;
    MainFrame* f = care.frame;
    ChecklistEditor* ed = f->checklistEditor();
    wxTreeCtrl* tree = f->outline()->tree();
    f->outline()->rebuild();
    // The Outline's line for a checklist, found by the name it starts with.
    auto outlineLine = [&](const wxString& who) {
        std::vector<wxTreeItemId> todo{tree->GetRootItem()};
        while (!todo.empty()) {
            const wxTreeItemId item = todo.back();
            todo.pop_back();
            if (tree->GetItemText(item).StartsWith(who + wxString::FromUTF8(" — "))) return tree->GetItemText(item);
            wxTreeItemIdValue cookie;
            for (wxTreeItemId c = tree->GetFirstChild(item, cookie); c.IsOk(); c = tree->GetNextChild(item, cookie))
                todo.push_back(c);
        }
        return wxString();
    };
    const struct {
        const char* scope;
        const char* who;
    } cases[] = {{"assessment", "Assessment"}, {"expA", "Exporter A"}, {"org1", "Organisation 1"}};
    for (const auto& c : cases) {
        INFO(c.scope);
        ed->showScope(c.scope);
        pump(100);
        const ChecklistCompletion counts = checklistCompletion(f->document().project(), c.scope);
        CHECK(ed->overallText() == overallLabel(counts.overall.done, counts.overall.applicable));
        CHECK(outlineLine(_(c.who)) ==
              wxString::Format(_("%s — %d of %d done"), _(c.who), counts.overall.done, counts.overall.applicable));
        // Only the scope's own steps count: a supplier's are the template's supplier steps.
        int applicable = 0;
        for (const StepCompletion& s : counts.steps) applicable += s.applies ? s.applicable : 0;
        CHECK(counts.overall.applicable == applicable);
        CHECK(counts.overall.applicable < 23);
    }
}

// Issue #17: at 1600×1000 the item texts and the Owner column were cut, the
// heading ran past the pane, step 5 and 6 were hidden and the status took a
// choice box. Checked on the widths and places the window really has.
TEST_CASE("ChecklistEditor - at 1600x1000 the columns fit the pane, the heading wraps inside it, all six steps show, and one click sets a status",
          "[gui]") {
    ChecklistFrame care;
    MainFrame* f = care.frame;
    ChecklistEditor* ed = f->checklistEditor();
    f->selection().set({ItemKind::Actor, "org1"});
    pump(300);
    REQUIRE(ed->scope() == "org1");
    ChecklistItemList* list = ed->itemList();
    REQUIRE(list->GetItemCount() == 23);
    const wxRect pane = ed->GetScreenRect();
    auto inside = [&](const wxRect& r) { return pane.Contains(r.GetTopLeft()) && pane.Contains(r.GetBottomRight()); };

    // Every column in the list's width; every owner and due date whole in its column.
    int columns = 0;
    for (int c = 0; c < list->GetColumnCount(); ++c) columns += list->GetColumnWidth(c);
    CHECK(columns <= list->GetClientSize().x);
    CHECK(inside(list->GetScreenRect()));
    for (long row = 0; row < list->GetItemCount(); ++row) {
        CAPTURE(row);
        CHECK(list->GetTextExtent(list->GetItemText(row, ChecklistItemList::ColOwner)).x < list->GetColumnWidth(ChecklistItemList::ColOwner));
        CHECK(list->GetTextExtent(list->GetItemText(row, ChecklistItemList::ColStatus)).x < list->GetColumnWidth(ChecklistItemList::ColStatus));
    }
    CHECK(list->GetTextExtent(wxString::FromUTF8("CEMPRE Colombia")).x < list->GetColumnWidth(ChecklistItemList::ColOwner));

    // The longest item text: whole in its column, or whole under the mouse.
    long longest = 0;
    for (long row = 1; row < list->GetItemCount(); ++row)
        if (list->GetTextExtent(list->GetItemText(row)).x > list->GetTextExtent(list->GetItemText(longest)).x) longest = row;
    const wxString longText = list->GetItemText(longest);
    INFO(longText.utf8_string());
    if (list->GetTextExtent(longText).x >= list->GetColumnWidth(ChecklistItemList::ColItem)) {
        list->EnsureVisible(longest);
        pump(100);
        wxRect r;
        REQUIRE(list->GetItemRect(longest, r));
        UiDriver ui;
        ui.moveTo(list->ClientToScreen(r.GetPosition() + wxPoint(30, r.height / 2)));
        CHECK(waitUntil([&] { return list->toolTipShown().StartsWith(longText); }, 3000));
    }

    // Chosen, its heading shows the whole text, wrapped inside the pane.
    const std::string longestId = longText.BeforeFirst(' ').utf8_string();
    ed->selectItem(longestId);
    pump(300);
    wxString shown = ed->itemTitle()->GetLabel();
    shown.Replace("\n", " ");
    CHECK(ed->itemTitleText().StartsWith(longText));
    CHECK(shown == ed->itemTitleText());
    CHECK(inside(ed->itemTitle()->GetScreenRect()));
    for (const wxString& line : wxSplit(ed->itemTitle()->GetLabel(), '\n'))
        CHECK(ed->itemTitle()->GetTextExtent(line).x <= ed->itemTitle()->GetSize().x);
    CHECK(ed->itemTitle()->GetBestSize().y <= ed->itemTitle()->GetSize().y + 1);  // every line has room

    // All six steps in the pane, step 5 and 6 too.
    for (std::size_t i = 0; i < 6; ++i) {
        CAPTURE(i);
        REQUIRE(ed->stepName(i));
        CHECK(ed->stepName(i)->IsShownOnScreen());
        CHECK(inside(ed->stepName(i)->GetScreenRect()));
        CHECK(ed->stepName(i)->GetScreenRect().GetBottom() <= ed->stepsPanel()->GetScreenRect().GetBottom());
    }

    // One click on "Done" sets item 2.5's status (in progress): one undoable command, shown in the list.
    ed->selectItem("2.5");
    pump(100);
    const model::ChecklistItem before = checklistItemOf(f->document().project(), "org1", "2.5");
    REQUIRE(before.status != model::ItemStatus::Done);
    CHECK(inside(ed->statusButtons()->button(model::ItemStatus::NotApplicable)->GetScreenRect()));
    const auto revision = f->document().revision();
    UiDriver ui;
    ui.click(centreOf(ed->statusButtons()->button(model::ItemStatus::Done)));
    REQUIRE(waitUntil([&] { return f->document().revision() == revision + 1; }, 3000));
    CHECK(checklistItemOf(f->document().project(), "org1", "2.5").status == model::ItemStatus::Done);
    long row25 = -1;
    for (long row = 0; row < list->GetItemCount(); ++row)
        if (list->GetItemText(row).StartsWith("2.5 ")) row25 = row;
    REQUIRE(row25 >= 0);
    CHECK(waitUntil([&] { return list->GetItemText(row25, ChecklistItemList::ColStatus) == itemStatusLabel(model::ItemStatus::Done); }, 3000));
    care.undo();
    CHECK(checklistItemOf(f->document().project(), "org1", "2.5") == before);
    CHECK(waitUntil([&] { return ed->statusButtons()->shown() == before.status; }, 3000));

    ed->selectItem(longestId);  // the picture shows the longest heading wrapped
    pump(300);
    const char* outDir = std::getenv("TRAZA_SCREENSHOT_DIR");
    const fs::path png = (outDir ? fs::path(outDir) : fs::temp_directory_path()) /
                         (spanishRun() ? "due-diligence-checklist-pane-es.png" : "due-diligence-checklist-pane.png");
    fs::remove(png);
    REQUIRE(screenshot(pane, png));
    CHECK(care.errors.empty());
}
