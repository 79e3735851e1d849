#include "analysis_panel.h"

#include <wx/button.h>

#include <wx/notebook.h>
#include <wx/numformatter.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <mutex>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "claims_page.h"
#include "labels.h"
#include "plan_page.h"
#include "reconciliation_page.h"
#include "red_flags_page.h"
#include "table_view.h"

namespace traza::gui {
namespace {

// Numbers in the interface's convention: "96,5 %" and "0,65" in Spanish (issue #17).
wxString percent(double share) { return formatNumber(share * 100, 1) + " %"; }
wxString score(double x) { return formatNumber(x, 2); }

wxString joined(const std::vector<std::string>& parts, const char* sep = "; ") {
    wxString s;
    for (std::size_t i = 0; i < parts.size(); ++i) s << (i ? sep : "") << toWx(parts[i]);
    return s;
}

}  // namespace

// Actor names for one result, copied from the project it was made for (the
// tables outlive later edits of the project until the next result comes), in
// the order of the result's actors. The actors table and the choke points ask
// by position; the red flags by id, and the index by id is made when one of
// their rows is first shown (66 000 ids of a national chain: 10-15 ms that
// showing a result no longer waits for).
struct AnalysisPanel::Names {
    Names(std::shared_ptr<const risk::Analysis> a, const model::Project& p) : analysis(std::move(a)) {
        const auto& results = analysis->actors;
        byPosition.reserve(results.size());
        // The analysis lists the actors in the project's order unless the
        // project changed since: then each is found by id.
        const bool sameOrder = results.size() == p.actors.size() &&
                               std::equal(results.begin(), results.end(), p.actors.begin(),
                                          [](const risk::ActorResult& r, const model::Actor& actor) { return r.id == actor.id; });
        if (sameOrder) {
            for (const model::Actor& actor : p.actors) byPosition.push_back(actor.name);
            return;
        }
        std::unordered_map<std::string_view, const model::Actor*> actorOf;
        actorOf.reserve(p.actors.size());
        for (const model::Actor& actor : p.actors) actorOf.emplace(actor.id, &actor);
        for (const risk::ActorResult& r : results) {
            auto it = actorOf.find(r.id);
            byPosition.push_back(it == actorOf.end() ? std::string() : it->second->name);
        }
    }
    /// The name of the result's actor at `position` (its id if it has none).
    wxString at(std::size_t position) const {
        const std::string& name = byPosition[position];
        return name.empty() ? toWx(analysis->actors[position].id) : toWx(name);
    }
    wxString operator()(const std::string& id) const {
        std::call_once(indexed, [this] {
            positionOf.reserve(analysis->actors.size());
            for (std::size_t i = 0; i < analysis->actors.size(); ++i) positionOf.emplace(analysis->actors[i].id, i);
        });
        auto it = positionOf.find(id);
        return it == positionOf.end() ? toWx(id) : at(it->second);
    }

    std::shared_ptr<const risk::Analysis> analysis;  ///< the index's keys view its ids
    std::vector<std::string> byPosition;
    mutable std::once_flag indexed;
    mutable std::unordered_map<std::string_view, std::size_t> positionOf;
};

AnalysisPanel::AnalysisPanel(wxWindow* parent, const Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_selection(sel) {
    SetName("analysis-panel");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_summary = new wxStaticText(this, wxID_ANY, _("Not analysed yet."));
    sizer->Add(m_summary, 0, wxEXPAND | wxALL, FromDIP(4));
    m_book = new wxNotebook(this, wxID_ANY);
    sizer->Add(m_book, 1, wxEXPAND);
    SetSizer(sizer);

    auto choose = [this](const ItemRef& r) {
        m_selection.set(r);
        if (onItemShown) onItemShown(r);
    };
    m_choke = new TableView(m_book, "choke-points");
    m_choke->setColumns({{_("Rank"), 50, true}, {_("Actor"), 220}, {_("Stage"), 55, true}, {_("Flow share"), 85, true},
                         {_("Score"), 60, true}, {_("Why"), 520}});
    m_choke->onItemChosen = choose;
    m_book->AddPage(m_choke, _("Choke points"));

    // Traceability: the matrix on the left, the limits statement beside it.
    auto* split = new wxSplitterWindow(m_book, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_trace = new TableView(split, "traceability");
    m_statement = new wxTextCtrl(split, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                 wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
    m_statement->SetName("limits-statement");
    split->SetMinimumPaneSize(FromDIP(120));
    split->SetSashGravity(1.0);  // the matrix takes what the window gains; the statement keeps its width
    split->SplitVertically(m_trace, m_statement, -FromDIP(340));
    m_book->AddPage(split, _("Traceability"));
    m_plan = new PlanPage(m_book, doc, m_selection);
    m_book->AddPage(m_plan, _("What to document next"));

    m_flags = new RedFlagsPage(m_book);
    m_flags->onItemChosen = choose;
    m_flags->onAddFinding = [this](const risk::RedFlag& flag) {
        if (onAddFinding) onAddFinding(flag);
    };
    m_book->AddPage(m_flags, _("Red flags"));

    m_warnings = new TableView(m_book, "warnings");
    m_warnings->setColumns({{_("Warning"), 900}});
    m_book->AddPage(m_warnings, _("Warnings"));

    m_actors = new TableView(m_book, "actor-results");
    m_actors->setColumns({{_("Actor"), 220}, {_("Stage"), 55, true}, {_("In"), 80, true}, {_("Out"), 80, true},
                          {_("Flow share"), 85, true}, {_("Risk"), 75}, {_("Residual"), 70, true},
                          {_("Mass-balance gap"), 120, true}});
    m_actors->onItemChosen = choose;
    m_book->AddPage(m_actors, _("Actors"));

    m_reconciliation = new ReconciliationPage(m_book, m_selection);
    m_book->AddPage(m_reconciliation, _("Reconciliation"));
    m_claims = new ClaimsPage(m_book, m_selection);
    m_book->AddPage(m_claims, _("Claims"));
    // Their rows, too, select and centre the canvas on what they are about.
    m_reconciliation->figures()->onItemChosen = choose;
    m_claims->periods()->onItemChosen = choose;
    // The plan's flows are marked on the canvas while its page is in front.
    m_book->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        m_plan->setActive(m_book->GetPage(static_cast<std::size_t>(e.GetSelection())) == m_plan);
    });
}

void AnalysisPanel::showPage(wxWindow* page) {
    const int at = m_book->FindPage(page);
    if (at != wxNOT_FOUND) m_book->SetSelection(static_cast<std::size_t>(at));
    m_plan->setActive(page == m_plan);  // SetSelection may not tell when the page was already in front
}

const risk::RedFlag* AnalysisPanel::chosenRedFlag() const { return m_flags->chosen(); }
TableView* AnalysisPanel::redFlags() const { return m_flags->list(); }
wxButton* AnalysisPanel::addFindingButton() const { return m_flags->addFindingButton(); }

wxString AnalysisPanel::statementText() const { return m_statement->GetValue(); }
wxString AnalysisPanel::summaryText() const { return m_summary->GetLabel(); }

void AnalysisPanel::showBusy() { m_summary->SetLabel(m_summary->GetLabel().BeforeFirst('(').Trim() + " " + _("(analysing…)")); }

void AnalysisPanel::showPending() {
    m_summary->SetLabel(_("Analysing…"));
    for (TableView* t : {m_choke, m_trace, m_warnings, m_actors}) t->setRows({});
    m_flags->clear();
    m_statement->ChangeValue(wxString());
    m_reconciliation->clear();
    m_plan->clear();
    m_claims->clear();
}

void AnalysisPanel::showFailure(const wxString& reason) {
    m_summary->SetLabel(wxString::Format(_("The analysis failed: %s"), reason));
}

void AnalysisPanel::showAnalysis(std::shared_ptr<const risk::Analysis> result, const model::Project& p) {
    const risk::Analysis& a = *result;
    auto names = std::make_shared<const Names>(result, p);
    const auto chokes = std::count_if(a.actors.begin(), a.actors.end(), [](const risk::ActorResult& r) { return r.chokePoint; });
    const int destinations = static_cast<int>(a.destinations.size());
    const int flags = static_cast<int>(a.redFlags.size()), warningCount = static_cast<int>(a.warnings.size());
    const int chokeCount = static_cast<int>(chokes);
    m_summary->SetLabel(
        wxString::Format(wxPLURAL("%s reach %d destination", "%s reach %d destinations", destinations), formatTonnes(a.totalT),
                         destinations) +
        " · " + wxString::Format(wxPLURAL("%d choke point", "%d choke points", chokeCount), chokeCount) + " · " +
        wxString::Format(wxPLURAL("%d red flag", "%d red flags", flags), flags) + " · " +
        wxString::Format(wxPLURAL("%d warning", "%d warnings", warningCount), warningCount));
    fillChokePoints(a, *names);
    fillTraceability(a);
    m_flags->show(result, [names](const std::string& id) { return (*names)(id); }, p);
    std::vector<TableView::Row> warnings;
    for (const std::string& w : a.warnings) warnings.push_back({{toWx(w)}, std::nullopt});
    m_warnings->setRows(std::move(warnings));
    fillActors(result, names);
    m_reconciliation->show(result, p);
    m_plan->show(result, p);
    m_claims->show(result, p);
    wxString statement;
    for (const std::string& s : a.statement) statement << toWx(s) << "\n\n";
    m_statement->ChangeValue(statement.Trim());
}

void AnalysisPanel::fillChokePoints(const risk::Analysis& a, const Names& names) {
    std::vector<const risk::ActorResult*> chokes;
    for (const risk::ActorResult& r : a.actors)
        if (r.chokePoint) chokes.push_back(&r);
    std::sort(chokes.begin(), chokes.end(), [](auto* x, auto* y) { return x->chokeRank < y->chokeRank; });
    std::vector<TableView::Row> rows;
    for (const risk::ActorResult* r : chokes)
        rows.push_back({{wxString::Format("%d", r->chokeRank), names.at(static_cast<std::size_t>(r - a.actors.data())),
                         wxString::Format("%d", r->stage),
                         percent(r->flowShare), score(r->chokeScore), joined(risk::texts(r->chokeReasons))},
                        ItemRef{ItemKind::Actor, r->id}});
    m_choke->setRows(std::move(rows));
}

void AnalysisPanel::fillTraceability(const risk::Analysis& a) {
    int maxStage = 0;
    for (const risk::TraceLevel& l : a.traceability.levels)
        for (const auto& [stage, v] : l.byStage) maxStage = std::max(maxStage, stage);
    std::vector<TableView::Column> cols{{_("Evidence at least"), 140}};
    for (int k = 1; k <= maxStage; ++k) cols.push_back({wxString::Format(_("to stage %d"), k), 90, true});
    cols.push_back({wxString::Format(_("Horizon (≥ %.0f %%)"), a.traceability.threshold * 100), 130, true});
    // The credit method (mass balance) beside it: what can be claimed, not what is physically there.
    for (int k = 1; k <= maxStage; ++k) cols.push_back({wxString::Format(_("credit, stage %d"), k), 100, true});
    m_trace->setColumns(cols);
    std::vector<TableView::Row> rows;
    for (const risk::TraceLevel& l : a.traceability.levels) {
        TableView::Row row;
        row.cells.push_back(evidenceLabel(l.level));
        for (int k = 1; k <= maxStage; ++k) {
            auto it = l.byStage.find(k);
            row.cells.push_back(it == l.byStage.end() ? wxString("–") : percent(it->second));
        }
        row.cells.push_back(l.horizon ? wxString::Format(_("stage %d"), *l.horizon) : wxString(_("none")));
        for (int k = 1; k <= maxStage; ++k) {
            auto it = l.byStageCredit.find(k);
            row.cells.push_back(it == l.byStageCredit.end() ? wxString("–") : percent(it->second));
        }
        rows.push_back(std::move(row));
    }
    m_trace->setRows(std::move(rows));
}

void AnalysisPanel::fillActors(std::shared_ptr<const risk::Analysis> a, std::shared_ptr<const Names> names) {
    const std::size_t count = a->actors.size();
    m_actors->setRowSource(count, [a, names](std::size_t i) {
        const risk::ActorResult& r = a->actors[i];
        return TableView::Row{{names->at(i), wxString::Format("%d", r.stage), formatTonnes(r.inT), formatTonnes(r.outT),
                               percent(r.flowShare), riskLevelLabel(r.risk.level), score(r.risk.residual),
                               r.massBalanceApplies ? formatTonnes(r.massBalanceGapT) + (r.massBalanceFlag ? " ⚠" : "") : wxString("–")},
                              ItemRef{ItemKind::Actor, r.id}};
    });
}

}  // namespace traza::gui
