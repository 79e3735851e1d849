// Edit > Catalogues… in the real frame on the CARE sample, driven like a user:
// the weight of a risk factor changed in the entry editor moves the actors'
// risk, a new risk factor is added with its Spanish name, retiring a factor in
// use names the actors that still carry it, a bad weight is refused in the
// editor with the field named, and Edit > Undo takes each step back.
#include <catch2/catch.hpp>
#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/textctrl.h>

#include <cstdlib>

#include "catalogue_dialog.h"
#include "analysis_runner.h"
#include "catalogue_entry_dialog.h"
#include "gui_test_support.h"
#include "labels.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

struct CatalogueFrame : TestFrame {
    MainFrame* frame = f;
    CatalogueFrame() : TestFrame(wxSize(1600, 1000)) {
        if (const char* lang = std::getenv("TRAZA_TEST_LANGUAGE"); lang && std::string(lang) == "es")
            REQUIRE(_("Risk factors") == wxString::FromUTF8("Factores de riesgo"));
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        settle();
    }
    void settle() {
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        pump(100);
    }
    double residualOf(const std::string& actor) {
        for (const risk::ActorResult& a : frame->analysis()->actors)
            if (a.id == actor) return a.risk.residual;
        FAIL("no actor " << actor);
        return 0;
    }
    const model::RiskFactor* factor(const std::string& id) { return frame->document().project().catalogue.riskFactor(id); }
    void undo() {
        menu(wxID_UNDO);
        pump(200);
    }
};

// Runs `fill` on the entry editor once it is shown (the editor is modal), then presses OK.
void whenEditorOpens(wxWindow* owner, std::function<void(CatalogueEntryDialog&)> fill) {
    owner->CallAfter([fill] {
        auto* editor = dynamic_cast<CatalogueEntryDialog*>(wxWindow::FindWindowByName("traza-catalogue-entry"));
        REQUIRE(editor);
        fill(*editor);
        pump(100);
        INFO(toUtf8(editor->problem()));
        CHECK(editor->accept());
        editor->EndModal(editor->problem().empty() ? wxID_OK : wxID_CANCEL);
    });
}

void typeInto(CatalogueEntryDialog& editor, const std::string& key, const char* text) {
    auto* field = dynamic_cast<wxTextCtrl*>(editor.control(key));
    REQUIRE(field);
    field->SetFocus();
    field->SelectAll();
    UiDriver ui;
    ui.type(text);
    pump(100);
}

}  // namespace

TEST_CASE("CatalogueDialog - a risk factor's weight edited, a factor added and one retired in use, each one undo step",
          "[gui][catalogue]") {
    CatalogueFrame care;
    const double weightBefore = care.factor("informal_status")->weight;
    const double riskBefore = care.residualOf("pickers-org1");

    auto* shown = new CatalogueDialog(care.frame, care.frame->document());
    CatalogueDialog& dialog = *shown;
    dialog.Show();
    pump(200);
    dialog.showList("risk_factors");
    wxListView* list = dialog.listView("risk_factors");
    REQUIRE(list->GetItemCount() == static_cast<int>(care.frame->document().project().catalogue.riskFactors.size()));
    // The "Used by" column counts the actors carrying each factor (5 picker groups in the sample).
    REQUIRE(dialog.selectEntry("below_living_income"));
    CHECK(list->GetItemText(list->GetFirstSelected(), 3) == "5");

    // Edit…: the weight typed with a decimal comma, as a Spanish keyboard gives it.
    REQUIRE(dialog.selectEntry("informal_status"));
    whenEditorOpens(&dialog, [](CatalogueEntryDialog& e) { typeInto(e, "weight", "0,35"); });
    dialog.editEntry();
    care.settle();
    CHECK(care.factor("informal_status")->weight == Approx(0.35));
    CHECK(weightBefore != Approx(0.35));
    CHECK(care.residualOf("pickers-org1") != Approx(riskBefore));
    CHECK(care.frame->document().undoLabel() == "Edit catalogue entry");

    // A weight above 1 is refused inside the editor, naming the field; nothing changes.
    REQUIRE(dialog.selectEntry("informal_status"));
    auto refused = std::make_shared<wxString>();
    dialog.CallAfter([refused] {
        auto* e = dynamic_cast<CatalogueEntryDialog*>(wxWindow::FindWindowByName("traza-catalogue-entry"));
        REQUIRE(e);
        typeInto(*e, "weight", "1.5");
        CHECK_FALSE(e->accept());
        *refused = e->problem();
        e->EndModal(wxID_CANCEL);
    });
    dialog.editEntry();
    CHECK(refused->Contains("weight"));
    CHECK(care.factor("informal_status")->weight == Approx(0.35));

    // Add…: a living-income factor of the user's own, with both names.
    const std::size_t factorsBefore = care.frame->document().project().catalogue.riskFactors.size();
    whenEditorOpens(&dialog, [](CatalogueEntryDialog& e) {
        typeInto(e, "id", "no_living_income_plan");
        typeInto(e, "name.en", "No living-income plan");
        typeInto(e, "name.es", "Sin plan de ingreso digno");
        typeInto(e, "weight", "0.2");
    });
    dialog.addEntry();
    care.settle();
    REQUIRE(care.frame->document().project().catalogue.riskFactors.size() == factorsBefore + 1);
    const model::RiskFactor* added = care.factor("no_living_income_plan");
    REQUIRE(added);
    CHECK(added->name.es == "Sin plan de ingreso digno");
    CHECK(added->weight == Approx(0.2));
    CHECK(list->GetItemCount() == static_cast<int>(factorsBefore + 1));

    // Retire: a factor five picker groups carry; the dialog says which.
    REQUIRE(dialog.selectEntry("below_living_income"));
    dialog.toggleRetired();
    care.settle();
    CHECK(care.factor("below_living_income")->retired);
    CHECK(dialog.status().Contains("pickers-org1"));
    CHECK(dialog.status().Contains("below_living_income"));
    CHECK(list->GetItemText(list->GetFirstSelected(), 4) != "");

    {
        const char* dir = std::getenv("TRAZA_SCREENSHOT_DIR");
        const char* lang = std::getenv("TRAZA_TEST_LANGUAGE");
        pump(300);
        screenshot(dialog.GetScreenRect(), (dir ? fs::path(dir) : fs::temp_directory_path()) /
                                               (std::string("catalogue-dialog") + (lang ? std::string("-") + lang : "") + ".png"));
    }
    dialog.Destroy();
    pump(100);

    // Undo: retire, add, edit, in that order; the analysis follows.
    care.undo();
    CHECK_FALSE(care.factor("below_living_income")->retired);
    care.undo();
    CHECK(care.factor("no_living_income_plan") == nullptr);
    care.undo();
    care.settle();
    CHECK(care.factor("informal_status")->weight == Approx(weightBefore));
    CHECK(care.residualOf("pickers-org1") == Approx(riskBefore));
    CHECK(care.errors.empty());
}
