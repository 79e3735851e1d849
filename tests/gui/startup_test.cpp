// Opening a chain as the workbench does at start-up: the startup trace
// (TRAZA_STARTUP_TRACE, gui/app/startup_trace.h) reports its milestones once each,
// in order; the analysis pane's big tables, whose rows are made only when
// shown, still hold every actor and red flag of the analysis, as text equal to
// what the analysis says, and are emptied while a newly opened chain is analysed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "gui_test_support.h"
#include "labels.h"
#include "startup_trace.h"
#include "table_view.h"
#include "test_frame.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {


bool openSample(MainFrame* f) {
    return f->files().openPath(careSample()) &&
           waitUntil([&] { return f->analysis() != nullptr && !f->analysisRunner().busy(); });
}

// Every cell of a row as the list control asks for it (OnGetItemText).
std::vector<wxString> shownRow(TableView* t, long row) {
    std::vector<wxString> cells;
    for (int c = 0; c < t->GetColumnCount(); ++c) cells.push_back(t->GetItemText(row, c));
    return cells;
}

int severityRank(const std::string& s) {
    const std::vector<std::string> order{"critical", "high", "medium", "low"};
    return static_cast<int>(std::find(order.begin(), order.end(), s) - order.begin());
}

}  // namespace

TEST_CASE("Startup - opening the CARE sample traces frame, file, layout, chain painted and analysis in order, once each", "[gui]") {
    std::ostringstream out;
    StartupTrace& trace = StartupTrace::instance();
    trace.reset();
    trace.configure(&out, false);
    struct Silence {  // never leave the trace writing to `out` once it is gone, even after a failed REQUIRE
        ~Silence() { StartupTrace::instance().configure(nullptr, false); }
    } silence;
    {
        TestFrame t(wxSize(1600, 1000));
        CHECK(waitUntil([&] { return trace.reached(Milestone::FrameShown); }));  // the empty canvas painted
        CHECK_FALSE(trace.reached(Milestone::FileRead));
        REQUIRE(openSample(t.f));
        REQUIRE(waitUntil([&] { return trace.reached(Milestone::AnalysisShown); }));
        // A second open reports nothing more: these are start-up milestones.
        REQUIRE(openSample(t.f));
        pump(200);
        CHECK(t.errors.empty());
    }
    trace.configure(nullptr, false);

    std::istringstream lines(out.str());
    std::vector<std::string> names;
    std::vector<long> times;
    std::string prefix, name, unit;
    long ms = 0;
    while (lines >> prefix >> name >> ms >> unit) {
        CHECK(prefix == "traza-startup:");
        CHECK(unit == "ms");
        names.push_back(name);
        times.push_back(ms);
    }
    CHECK(names == std::vector<std::string>{"frame-shown", "file-read", "layout-done", "chain-painted", "analysis-shown"});
    CHECK(std::is_sorted(times.begin(), times.end()));
    CHECK(times.front() > 0);
}

TEST_CASE("AnalysisPanel - the actor and red-flag tables made on demand hold every row of the analysis", "[gui]") {
    TestFrame t(wxSize(1600, 1000));
    // Right after the load (the analysis runs on): the old project's rows are gone.
    REQUIRE(t.f->files().openPath(careSample()));
    CHECK(t.f->analysisPanel()->summaryText() == _("Analysing…"));
    CHECK(t.f->analysisPanel()->actors()->rowCount() == 0);
    CHECK(t.f->analysisPanel()->warnings()->rowCount() == 0);
    REQUIRE(waitUntil([&] { return t.f->analysis() != nullptr && !t.f->analysisRunner().busy(); }));
    CHECK(t.f->analysisPanel()->summaryText().Contains("destination"));
    const auto a = t.f->analysis();
    const model::Project& p = t.f->document().project();
    std::unordered_map<std::string, std::string> nameOf;
    for (const model::Actor& actor : p.actors) nameOf[actor.id] = actor.name.empty() ? actor.id : actor.name;

    // Actors: one row per analysed actor, in the analysis' order.
    TableView* actors = t.f->analysisPanel()->actors();
    REQUIRE(actors->rowCount() == a->actors.size());
    REQUIRE(actors->GetItemCount() == static_cast<long>(a->actors.size()));
    for (std::size_t i = 0; i < a->actors.size(); ++i) {
        const risk::ActorResult& r = a->actors[i];
        const auto cells = shownRow(actors, static_cast<long>(i));
        CHECK(cells.at(0) == toWx(nameOf.at(r.id)));
        CHECK(cells.at(1) == wxString::Format("%d", r.stage));
        CHECK(cells.at(2) == formatTonnes(r.inT));
        CHECK(cells.at(3) == formatTonnes(r.outT));
        CHECK(cells.at(5) == riskLevelLabel(r.risk.level));
        REQUIRE(actors->row(i).item);
        CHECK(actors->row(i).item->id == r.id);
    }

    // Red flags: every flag, most severe first, then grouped by the rule's name, ties in the analysis' order.
    TableView* flags = t.f->analysisPanel()->redFlags();
    REQUIRE(!a->redFlags.empty());  // the sample has undocumented first miles
    std::vector<const risk::RedFlag*> expected;
    for (const risk::RedFlag& f : a->redFlags) expected.push_back(&f);
    auto ruleName = [&](const risk::RedFlag* f) {
        const model::RedFlagRule* rule = p.catalogue.redFlagRule(f->rule);
        return rule ? localText(rule->name) : toWx(f->rule);
    };
    std::stable_sort(expected.begin(), expected.end(), [&](auto* x, auto* y) {
        if (severityRank(x->severity) != severityRank(y->severity)) return severityRank(x->severity) < severityRank(y->severity);
        return ruleName(x).CmpNoCase(ruleName(y)) < 0;
    });
    REQUIRE(flags->rowCount() == expected.size());
    REQUIRE(flags->GetItemCount() == static_cast<long>(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const risk::RedFlag& f = *expected[i];
        const auto cells = shownRow(flags, static_cast<long>(i));
        CHECK(cells.at(0) == toWx(f.severity));  // English labels are the severity words
        const model::RedFlagRule* rule = p.catalogue.redFlagRule(f.rule);
        CHECK(cells.at(1) == (rule ? localText(rule->name) : toWx(f.rule)));
        // A flow is named by its ends, its id in brackets.
        const model::Flow* flow = f.actor.empty() ? p.findFlow(f.flow) : nullptr;
        CHECK(cells.at(2) == (flow ? toWx(nameOf.at(flow->from) + " → " + nameOf.at(flow->to) + " [" + f.flow + "]")
                                   : toWx(nameOf.at(f.actor))));
        CHECK(cells.at(3) == toWx(f.detail.text()));
    }
    // Out of range is an error, not a blank row.
    CHECK_THROWS_AS(flags->row(expected.size()), std::out_of_range);
    CHECK(t.errors.empty());
}
