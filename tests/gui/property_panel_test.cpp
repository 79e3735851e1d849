// The Properties pane as a user reads it (issue #17): the window starts
// without GTK warnings, the box under the grid describes the field being
// edited, and a flow's documents read as a list ("A; B"), not as quoted
// strings, and a list typed in the cell sets them. CARE sample: flow f1
// (pickers of Organisation 1 -> Organisation 1) is backed by a mass balance
// report only.
#include <catch2/catch.hpp>
#include <wx/propgrid/manager.h>
#include <wx/propgrid/propgrid.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "analysis_runner.h"
#include "catalogue.h"
#include "claim_profiles.h"
#include "file_controller.h"
#include "gtk_warnings.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "property_grid_driver.h"
#include "property_panel.h"
#include "test_frame.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

struct CareProperties : TestFrame {
    CareProperties() : TestFrame(wxSize(1600, 1000)) {
        REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    }
    wxPropertyGrid* showFlow(const std::string& id) {
        f->selection().set({ItemKind::Flow, id});
        wxPropertyGrid* grid = f->properties()->grid();
        REQUIRE(waitUntil([&] { return grid->GetPropertyByName("documents") && grid->GetPropertyValueAsString("id") == toWx(id); }));
        return grid;
    }
    wxString documentName(const std::string& id) { return localText(f->document().project().catalogue.documentType(id)->name); }
};

// Every text the description box under the grid shows.
wxString descriptionTexts(wxWindow* manager) {
    wxString all;
    for (wxWindow* child : manager->GetChildren())
        if (auto* text = dynamic_cast<wxStaticText*>(child)) all << text->GetLabel() << "\n";
    return all;
}

}  // namespace

TEST_CASE("Properties - the window starts on the CARE sample without a GTK warning, and the help box describes the field being edited",
          "[gui]") {
    CareProperties fx;
    pump(500);
    CHECK(gtkWarnings() == 0);
    wxPropertyGrid* grid = fx.showFlow("f1");
    UiDriver ui;
    ui.click(valueCell(grid, "tonnes"));
    REQUIRE(waitUntil([&] { return grid->GetSelection() == grid->GetPropertyByName("tonnes"); }, 3000));
    const wxString help = grid->GetPropertyByName("tonnes")->GetHelpString();
    REQUIRE_FALSE(help.empty());
    wxWindow* manager = grid->GetParent();
    REQUIRE(waitUntil([&] { return descriptionTexts(manager).Contains(help); }, 3000));
    ui.click(valueCell(grid, "price_per_t"));
    const wxString priceHelp = grid->GetPropertyByName("price_per_t")->GetHelpString();
    REQUIRE(waitUntil([&] { return descriptionTexts(manager).Contains(priceHelp); }, 3000));
    CHECK_FALSE(descriptionTexts(manager).Contains(help));
    CHECK(gtkWarnings() == 0);
    CHECK(fx.errors.empty());
}

TEST_CASE("Properties - a flow's documents read as a list without quotes, and a list typed in the cell sets them in one undo step",
          "[gui]") {
    CareProperties fx;
    wxPropertyGrid* grid = fx.showFlow("f1");
    const wxString report = fx.documentName("mass_balance_report");
    const wxString invoice = fx.documentName("electronic_invoice");
    CHECK(grid->GetPropertyValueAsString("documents") == report);

    UiDriver ui;
    ui.click(valueCell(grid, "documents"));
    REQUIRE(waitUntil([&] { return grid->GetEditorControl() != nullptr; }, 3000));
    ui.key('A', wxMOD_CONTROL);
    ui.type(toUtf8(invoice + "; " + report).c_str());
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return fx.f->document().project().findFlow("f1")->documents.size() == 2; }, 3000));
    const auto& docs = fx.f->document().project().findFlow("f1")->documents;
    CHECK(std::count(docs.begin(), docs.end(), "electronic_invoice") == 1);
    CHECK(std::count(docs.begin(), docs.end(), "mass_balance_report") == 1);
    REQUIRE(waitUntil([&] { return grid->GetPropertyValueAsString("documents").Contains("; "); }, 3000));
    CHECK_FALSE(grid->GetPropertyValueAsString("documents").Contains("\""));
    fx.menu(wxID_UNDO);
    pump(200);
    CHECK(fx.f->document().project().findFlow("f1")->documents == std::vector<std::string>{"mass_balance_report"});
    CHECK(fx.errors.empty());
}

TEST_CASE("Properties - the assessment's purpose reads as a label in the interface language, and a typed label is kept as its code",
          "[gui]") {
    CareProperties fx;
    if (spanishRun()) REQUIRE(_("Chain map") == wxString::FromUTF8("Mapa de la cadena"));
    // Nothing selected: the grid shows the assessment, whose purpose the CARE sample stores as "chain_map".
    fx.f->selection().clear();
    wxPropertyGrid* grid = fx.f->properties()->grid();
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("purpose") != nullptr; }));
    REQUIRE(fx.f->document().project().assessment.purpose == "chain_map");
    CHECK(grid->GetPropertyValueAsString("purpose") == _("Chain map"));

    UiDriver ui;
    ui.click(valueCell(grid, "purpose"));
    REQUIRE(waitUntil([&] { return grid->GetEditorControl() != nullptr; }, 3000));
    // The label goes into the cell's editor whole (XTest cannot type the "ó" of "Evaluación").
    auto* editor = dynamic_cast<wxTextCtrl*>(grid->GetEditorControl());
    REQUIRE(editor);
    editor->SetValue(_("Supplier assessment"));
    ui.key(WXK_RETURN);
    REQUIRE(waitUntil([&] { return fx.f->document().project().assessment.purpose != "chain_map"; }, 3000));
    CHECK(fx.f->document().project().assessment.purpose == "supplier_assessment");
    REQUIRE(waitUntil([&] { return grid->GetPropertyValueAsString("purpose") == _("Supplier assessment"); }, 3000));
    fx.f->document().undo();
    REQUIRE(waitUntil([&] { return grid->GetPropertyValueAsString("purpose") == _("Chain map"); }, 3000));
    CHECK(fx.f->document().project().assessment.purpose == "chain_map");
    CHECK(fx.errors.empty());
}

TEST_CASE("Properties - an actor's claim profile reads as the profile's name with its id in brackets, not as a code", "[gui]") {
    CareProperties fx;
    const model::ClaimProfileEntry* asi = nullptr;
    const auto profiles = model::claimProfiles(fx.f->document().project().catalogue);
    for (const model::ClaimProfileEntry& e : profiles)
        if (e.id == model::kDefaultClaimProfile) asi = &e;
    REQUIRE(asi);
    const wxString asiName = localText(asi->name);
    if (spanishRun()) REQUIRE(asiName.StartsWith("Balance de masa"));
    fx.f->selection().set({ItemKind::Actor, "pickers-org2"});
    wxPropertyGrid* grid = fx.f->properties()->grid();
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("claim_profile") && grid->GetPropertyValueAsString("id") == "pickers-org2"; }));
    // The CARE actors name no profile: the cell says which one stands in, by its name (it said "(not set: asi)").
    CHECK(grid->GetPropertyValueAsString("claim_profile") == wxString::Format(_("(not set: %s)"), asiName));
    // Each choice: the name first, the catalogue id in brackets after it.
    const wxPGChoices& choices = grid->GetPropertyByName("claim_profile")->GetChoices();
    REQUIRE(choices.GetCount() == profiles.size() + 1);
    for (std::size_t i = 0; i < profiles.size(); ++i)
        CHECK(choices.GetLabel(static_cast<unsigned>(i + 1)) == localText(profiles[i].name) + " (" + toWx(profiles[i].id) + ")");
    CHECK(fx.errors.empty());
}

namespace {

// The labels of `grid` whose text does not fit the label column: wx needs the
// text, the row's indent, the margin and a gap on each side (as it measures
// when fitting the column).
std::vector<wxString> cutLabels(wxPropertyGrid* grid) {
    std::vector<wxString> cut;
    const int column = grid->GetSplitterPosition();
    for (wxPropertyGridIterator it = grid->GetIterator(wxPG_ITERATE_VISIBLE); !it.AtEnd(); ++it) {
        const wxPGProperty* p = *it;
        if (p->IsCategory()) continue;
        const int indent = (static_cast<int>(p->GetDepth()) - 1) * grid->FromDIP(10);
        const int needed = grid->GetTextExtent(p->GetLabel()).x + indent + grid->GetMarginWidth() + 2 * wxPG_XBEFORETEXT;
        if (needed > column) cut.push_back(p->GetLabel());
    }
    return cut;
}

}  // namespace

TEST_CASE("Properties - at 1600x1000 every label of an actor, a flow and the assessment is readable whole", "[gui]") {
    CareProperties fx;
    if (spanishRun()) REQUIRE(_("Chain-of-custody certification") != "Chain-of-custody certification");
    pump(300);
    wxPropertyGrid* grid = fx.f->properties()->grid();

    fx.f->selection().set({ItemKind::Actor, fx.f->document().project().actors.front().id});
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("id") && !grid->GetPropertyByName("tonnes"); }));
    pump(200);
    CHECK(cutLabels(grid) == std::vector<wxString>{});
    // The values keep room too.
    CHECK(grid->GetClientSize().x - grid->GetSplitterPosition() >= grid->FromDIP(150));

    fx.showFlow("f1");
    pump(200);
    CHECK(cutLabels(grid) == std::vector<wxString>{});

    fx.f->selection().clear();
    REQUIRE(waitUntil([&] { return grid->GetPropertyByName("id") == nullptr; }));
    pump(200);
    CHECK(cutLabels(grid) == std::vector<wxString>{});
    CHECK(fx.errors.empty());
}

// Issue #17: after a new flow is drawn the pane focuses its Tonnes field
// (MainFrame's onFlowCreated calls focusProperty); the hint showed in the
// status bar only, the help box under the grid stayed empty.
TEST_CASE("Properties - the Tonnes field focused for a new flow shows its hint in the help box", "[gui]") {
    CareProperties fx;
    wxPropertyGrid* grid = fx.showFlow("f1");
    fx.f->properties()->focusProperty("tonnes");
    REQUIRE(waitUntil([&] { return grid->GetSelection() == grid->GetPropertyByName("tonnes"); }, 3000));
    pump(100);
    const wxString help = grid->GetPropertyByName("tonnes")->GetHelpString();
    REQUIRE_FALSE(help.empty());
    CHECK(descriptionTexts(grid->GetParent()).Contains(help));
    CHECK(fx.errors.empty());
}
