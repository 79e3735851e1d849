#include "plan_page.h"

#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/splitter.h>
#include <wx/stattext.h>

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "labels.h"
#include "table_view.h"
#include "what_if_panel.h"

namespace traza::gui {
namespace {

// "f12: Exporter A → Refiner" for the plan's and the next flows, found in one
// pass over the flows and one over the actors: findFlow and findActor are
// linear, and a hundred lookups in a national chain took 26 ms of each analysis shown.
class FlowLabels {
public:
    FlowLabels(const model::Project& p, const risk::Analysis& a) {
        if (a.plan)
            for (const risk::PlanStep& s : a.plan->steps) m_ends.try_emplace(s.flow);
        for (const risk::TraceLevel& l : a.traceability.levels)
            for (const risk::NextFlow& nf : l.nextFlows) m_ends.try_emplace(nf.flow);
        if (m_ends.empty()) return;
        for (const model::Flow& f : p.flows)
            if (auto it = m_ends.find(f.id); it != m_ends.end()) {
                it->second = {f.from, f.to};
                m_names.try_emplace(f.from);
                m_names.try_emplace(f.to);
            }
        for (const model::Actor& actor : p.actors)
            if (auto it = m_names.find(actor.id); it != m_names.end() && !actor.name.empty()) it->second = actor.name;
    }
    wxString operator()(const std::string& id) const {
        const auto it = m_ends.find(id);
        if (it == m_ends.end() || it->second.first.empty()) return toWx(id);
        return wxString::Format(_("%s: %s → %s"), toWx(id), name(it->second.first), name(it->second.second));
    }

private:
    wxString name(const std::string& actor) const {
        const auto it = m_names.find(actor);
        return toWx(it == m_names.end() || it->second.empty() ? actor : it->second);
    }
    std::unordered_map<std::string, std::pair<std::string, std::string>> m_ends;  ///< flow id -> from, to
    std::unordered_map<std::string, std::string> m_names;                        ///< actor id -> name
};

// The levels a plan can be made for, in the order of model::Evidence (none excluded).
constexpr int kFirstLevel = static_cast<int>(model::Evidence::SelfDeclared);

}  // namespace

PlanPage::PlanPage(wxWindow* parent, const Document& doc, Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    SetName("plan-page");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* controls = new wxBoxSizer(wxHORIZONTAL);
    auto label = [&](const wxString& text) {
        controls->Add(new wxStaticText(this, wxID_ANY, text), 0, wxALIGN_CENTER_VERTICAL | wxLEFT | wxRIGHT, FromDIP(4));
    };
    label(_("Evidence at least"));
    m_level = new wxChoice(this, wxID_ANY);
    m_level->SetName("plan-level");
    for (int i = kFirstLevel; i <= static_cast<int>(model::Evidence::Verified); ++i)
        m_level->Append(evidenceLabel(static_cast<model::Evidence>(i)));
    m_level->SetSelection(static_cast<int>(model::Evidence::Documented) - kFirstLevel);
    controls->Add(m_level, 0, wxALIGN_CENTER_VERTICAL);
    label(_("to stage"));
    m_stage = new wxSpinCtrl(this, wxID_ANY, "1", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 9, 1);
    m_stage->SetName("plan-stage");
    m_stage->SetToolTip(_("Traced back to which stage: 1 = the waste pickers."));
    controls->Add(m_stage, 0, wxALIGN_CENTER_VERTICAL);
    label(_("target (%)"));
    m_target = new wxSpinCtrl(this, wxID_ANY, "80", wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1, 100, 80);
    m_target->SetName("plan-target");
    m_target->SetToolTip(_("The traced share θ the plan should reach."));
    controls->Add(m_target, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(controls, 0, wxALL, FromDIP(3));
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetName("plan-summary");
    sizer->Add(m_summary, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(4));

    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    m_steps = new TableView(split, "plan-steps");
    m_steps->setColumns({{_("Step"), 40, true}, {_("Flow"), 195}, {_("To document"), 90, true}, {_("Adds"), 80, true},
                         {_("Traced after"), 90, true}});
    m_steps->onItemChosen = [this](const ItemRef& r) {
        if (onShowFlow && r.kind == ItemKind::Flow) onShowFlow(r.id);
        else m_selection.set(r);
    };
    m_whatIf = new WhatIfPanel(split, doc, sel);
    split->SetMinimumPaneSize(FromDIP(200));
    split->SetSashGravity(0.0);  // the steps keep their width; the what-if takes what the pane gains
    split->SplitVertically(m_steps, m_whatIf, FromDIP(500));
    sizer->Add(split, 1, wxEXPAND);
    SetSizer(sizer);

    m_level->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { choiceChanged(); });
    m_stage->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { choiceChanged(); });
    m_target->Bind(wxEVT_SPINCTRL, [this](wxSpinEvent&) { choiceChanged(); });
}

PlanChoice PlanPage::choice() const {
    PlanChoice c;
    c.level = static_cast<model::Evidence>(std::max(0, m_level->GetSelection()) + kFirstLevel);
    c.stage = m_stage->GetValue();
    c.target = m_target->GetValue() / 100.0;
    return c;
}

wxString PlanPage::summaryText() const { return m_summary->GetLabel(); }

void PlanPage::choiceChanged() {
    m_summary->SetLabel(_("Planning…"));
    m_whatIf->setContext(m_analysis, choice().level);
    if (onChoiceChanged) onChoiceChanged(choice());
}

void PlanPage::setActive(bool active) {
    if (active == m_active) return;
    m_active = active;
    if (active && onChoiceChanged && !(m_analysis && m_analysis->plan)) {
        m_summary->SetLabel(_("Planning…"));
        onChoiceChanged(choice());  // the first look at the page asks for a plan
    }
    publishMarks();
}

PlanMarks PlanPage::marks() const {
    PlanMarks marks;
    if (!m_analysis || !m_analysis->plan) return marks;
    int step = 0;
    for (const risk::PlanStep& s : m_analysis->plan->steps) marks[s.flow] = {++step, s.gain};
    return marks;
}

void PlanPage::publishMarks() {
    if (onMarksChanged) onMarksChanged(m_active ? marks() : PlanMarks{});
}

void PlanPage::clear() {
    m_analysis.reset();
    m_steps->setRows({});
    m_summary->SetLabel(wxString());
    m_whatIf->clear();
    publishMarks();
}

void PlanPage::show(std::shared_ptr<const risk::Analysis> result, const model::Project& p) {
    m_analysis = std::move(result);
    const risk::Analysis& a = *m_analysis;
    const PlanChoice c = choice();
    std::vector<TableView::Row> rows;
    std::vector<WhatIfPanel::Candidate> candidates;
    std::unordered_set<std::string> offered;
    const FlowLabels flowLabel(p, a);
    if (a.plan) {
        const risk::DocumentationPlan& plan = *a.plan;
        const int steps = static_cast<int>(plan.steps.size());
        wxString text = wxString::Format(_("Evidence at least %s, traced to stage %d: %s today."), evidenceLabel(plan.level),
                                         plan.stage, formatShare(plan.start));
        text << " ";
        if (steps == 0 && plan.reached) text << wxString::Format(_("The target of %s is reached: nothing to document."), formatShare(plan.target, 0));
        else if (steps == 0) text << _("No flow's documentation would raise it.");
        else if (plan.reached)
            text << wxString::Format(wxPLURAL("Documenting %d flow (%s) reaches the target of %s.",
                                              "Documenting %d flows (%s) reaches the target of %s.", steps),
                                     steps, formatTonnes(plan.tonnes), formatShare(plan.target, 0));
        else
            text << wxString::Format(_("The target of %s cannot be reached: documenting every flow that adds something gets to %s."),
                                     formatShare(plan.target, 0), formatShare(plan.steps.back().traced));
        m_summary->SetLabel(text);
        int n = 0;
        for (const risk::PlanStep& s : plan.steps) {
            rows.push_back({{wxString::Format("%d", ++n), flowLabel(s.flow), formatTonnes(s.tonnes), formatPoints(s.gain),
                             formatShare(s.traced)},
                            ItemRef{ItemKind::Flow, s.flow}});
            if (offered.insert(s.flow).second) candidates.push_back({s.flow, flowLabel(s.flow)});
        }
    } else if (onChoiceChanged && m_active) {
        int last = 0;
        for (const risk::TraceLevel& l : a.traceability.levels)
            for (const auto& [stage, v] : l.byStage) last = std::max(last, stage);
        m_summary->SetLabel(c.stage > last && last > 0
                                ? wxString::Format(_("This chain is traced to stages 1 to %d: choose one of them."), last)
                                : wxString(_("Planning…")));
    }
    // The best next flows at the level (for stage K) are offered to the what-if too.
    for (const risk::TraceLevel& l : a.traceability.levels)
        if (l.level == c.level)
            for (const risk::NextFlow& nf : l.nextFlows)
                if (offered.insert(nf.flow).second) candidates.push_back({nf.flow, flowLabel(nf.flow)});
    m_steps->setRows(std::move(rows));
    m_whatIf->setCandidates(std::move(candidates));
    m_whatIf->setContext(m_analysis, c.level);
    publishMarks();
}

}  // namespace traza::gui
