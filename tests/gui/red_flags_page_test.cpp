// The Red flags page (issue #17): flags most severe first and grouped by rule,
// filtered by rule and severity, an empty list that says why, and the
// Analysis pane's numbers in the interface language's decimal convention.
// Expected rows are counted from the analysis itself, independently of the page.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <wx/choice.h>
#include <wx/frame.h>
#include <wx/numformatter.h>

#include <map>
#include <set>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "catalogue.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "red_flags_page.h"
#include "table_view.h"
#include "test_frame.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

void choose(wxChoice* choice, int index) {
    choice->SetSelection(index);
    wxCommandEvent e(wxEVT_CHOICE, choice->GetId());
    e.SetInt(index);
    e.SetEventObject(choice);
    choice->GetEventHandler()->ProcessEvent(e);
    pump(100);
}

int severityRank(const wxString& label) {
    const wxString order[] = {_("critical"), _("high"), _("medium"), _("low")};
    for (int i = 0; i < 4; ++i)
        if (label == order[i]) return i;
    return 4;
}

}  // namespace

TEST_CASE("RedFlags - most severe first and grouped by rule, filtered by rule and severity, and an empty list says why", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    const risk::Analysis& a = *f->analysis();
    RedFlagsPage* page = f->analysisPanel()->redFlagsPage();
    TableView* list = page->list();
    REQUIRE(list->rowCount() == a.redFlags.size());
    REQUIRE(a.redFlags.size() >= 3);

    // Severity never rises down the list, and within a severity a rule's rows are together.
    std::map<int, std::set<wxString>> closedRules;
    int lastSeverity = -1;
    wxString lastRule;
    for (std::size_t i = 0; i < list->rowCount(); ++i) {
        const TableView::Row row = list->row(i);
        const int severity = severityRank(row.cells[0]);
        CHECK(severity >= lastSeverity);
        if (severity != lastSeverity) lastRule.clear();
        if (row.cells[1] != lastRule) {
            CHECK_FALSE(closedRules[severity].count(row.cells[1]));
            if (!lastRule.empty()) closedRules[severity].insert(lastRule);
        }
        lastSeverity = severity;
        lastRule = row.cells[1];
    }

    // One rule: as many rows as the analysis has flags of it.
    std::map<std::string, int> perRule;
    for (const risk::RedFlag& flag : a.redFlags) ++perRule[flag.rule];
    wxChoice* rules = page->ruleFilter();
    REQUIRE(rules->GetCount() == perRule.size() + 1);  // "All rules" and one entry per rule raised
    const auto [rule, n] = *perRule.begin();
    choose(rules, 1);  // the first rule by id, as the choice lists them
    CHECK(list->rowCount() == static_cast<std::size_t>(n));
    for (std::size_t i = 0; i < list->rowCount(); ++i) CHECK(page->list()->row(i).item.has_value());
    CHECK(page->countText() == wxString::Format(_("%d of %d red flags"), n, static_cast<int>(a.redFlags.size())));

    // With a severity that rule never has, the list is empty and says so.
    std::set<std::string> severities;
    for (const risk::RedFlag& flag : a.redFlags)
        if (flag.rule == rule) severities.insert(flag.severity);
    const char* all[] = {"critical", "high", "medium", "low"};
    int absent = -1;
    for (int i = 0; i < 4 && absent < 0; ++i)
        if (!severities.count(all[i])) absent = i;
    REQUIRE(absent >= 0);
    choose(page->severityFilter(), absent + 1);
    CHECK(list->rowCount() == 0);
    CHECK(page->countText() == wxString::Format(_("None of the %d red flags has this rule and severity."), static_cast<int>(a.redFlags.size())));
    choose(rules, 0);
    choose(page->severityFilter(), 0);
    CHECK(list->rowCount() == a.redFlags.size());

    // A chain where no rule fires.
    page->show(std::make_shared<const risk::Analysis>(), [](const std::string& id) { return wxString(id); }, f->document().project());
    CHECK(list->rowCount() == 0);
    CHECK(page->countText() == _("No red flag: none of the catalogue's rules found anything in this chain."));
    CHECK(fx.errors.empty());
}

TEST_CASE("AnalysisPanel - shares and scores are written in the interface language's decimal convention", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    TableView* chokes = f->analysisPanel()->chokePoints();
    REQUIRE(chokes->rowCount() >= 1);
    const TableView::Row first = chokes->row(0);
    // The interface language's mark, whatever the C locale (this machine has no
    // es_ES): one convention for every number, as in the analysis sentences.
    const bool es = spanishRun();
    if (es) REQUIRE(_("No match") == wxString::FromUTF8("Sin resultados"));
    const wxChar mark = es ? ',' : '.';
    CHECK(first.cells[5].Contains(wxString("96") + mark + "5"));  // the sentence beside the cells
    // Exporter A: 96.5 % of destination input, score 0.65 (the CARE figures).
    CHECK(first.cells[3] == wxString("96") + mark + "5 %");
    CHECK(first.cells[4] == wxString("0") + mark + "65");
    // Thousands grouped in the language's way even where the C locale groups
    // nothing (it wrote "801836,7 t" in Spanish); editable cells keep exact text.
    CHECK(formatTonnes(801836.7) == (es ? wxString::FromUTF8("801.836,7 t") : wxString("801,836.7 t")));
    CHECK(formatTonnes(-1234567) == (es ? wxString("-1.234.567 t") : wxString("-1,234,567 t")));
    CHECK(formatTonnes(999.5) == wxString("999") + mark + "5 t");
    CHECK(editableNumber("19.2; 25.6; 32") == (es ? wxString("19,2; 25,6; 32") : wxString("19.2; 25.6; 32")));
    CHECK(withNumberMarks("801836.7", '.', ',', '.') == "801.836,7");
    CHECK(withNumberMarks("-100000", '.', '.', ',') == "-100,000");
    CHECK(withNumberMarks("12.50", '.', ',', 0) == "12,50");
    CHECK(fx.errors.empty());
}

TEST_CASE("AnalysisPanel - a reason too long for its column shows in full under the mouse, a short cell shows no tooltip", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    TableView* chokes = f->analysisPanel()->chokePoints();
    f->analysisPanel()->showPage(chokes);
    pump(300);
    const wxString why = chokes->row(0).cells[5];
    REQUIRE(chokes->GetTextExtent(why).x > chokes->GetColumnWidth(5));  // the CARE reason is cut at this width

    // A point of the first row (the list's coordinates): x from the column widths, y where the list finds row 0.
    int firstRowY = -1;
    for (int y = 0; y < 80 && firstRowY < 0; ++y) {
        int flags = 0;
        if (chokes->HitTest(wxPoint(5, y), flags) == 0) firstRowY = y + 4;
    }
    REQUIRE(firstRowY >= 0);
    auto at = [&](int column, int dx) {
        int x = 0;
        for (int c = 0; c < column; ++c) x += chokes->GetColumnWidth(c);
        return wxPoint(x + dx, firstRowY);
    };
    CHECK(chokes->fullTextAt(at(5, 20)) == why);
    CHECK(chokes->fullTextAt(at(0, 10)).empty());
    // The mouse over the cut cell: its tooltip is the whole reason.
    UiDriver ui;
    ui.moveTo(chokes->ClientToScreen(at(5, 20)));
    REQUIRE(waitUntil([&] { return chokes->rowsWindow() && chokes->rowsWindow()->GetToolTipText() == why; }, 3000));
    CHECK(fx.errors.empty());
}

TEST_CASE("AnalysisPanel - every heading of the analysis tables shows whole, in either language", "[gui]") {
    TestFrame fx(wxSize(1600, 1000));
    MainFrame* f = fx.f;
    if (spanishRun()) REQUIRE(_("No match") == wxString::FromUTF8("Sin resultados"));
    REQUIRE(f->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
    REQUIRE(waitUntil([&] { return f->analysis() && !f->analysisRunner().busy(); }));
    AnalysisPanel* panel = f->analysisPanel();
    // The Spanish traceability headings ("hasta eslabón 1", "hasta eslabón 2", ...) were cut
    // to the same "hasta eslabó" at the English widths, and "Participación" to "Participaciór".
    for (TableView* table : {panel->chokePoints(), panel->traceability(), panel->redFlags(), panel->warnings(), panel->actors()}) {
        if (!table) continue;
        panel->showPage(table);
        pump(100);
        for (int c = 0; c < table->GetColumnCount(); ++c) {
            wxListItem heading;
            heading.SetMask(wxLIST_MASK_TEXT);
            REQUIRE(table->GetColumn(c, heading));
            INFO(heading.GetText().utf8_string());
            // The text and the header's padding on both sides.
            CHECK(table->GetTextExtent(heading.GetText()).x + table->FromDIP(16) <= table->GetColumnWidth(c));
        }
    }
    CHECK(fx.errors.empty());
}
