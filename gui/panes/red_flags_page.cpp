#include "red_flags_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "labels.h"

namespace traza::gui {
namespace {

const char* const kSeverities[] = {"critical", "high", "medium", "low"};

int severityOrder(const std::string& s) {
    for (int i = 0; i < 4; ++i)
        if (s == kSeverities[i]) return i;
    return 4;
}

}  // namespace

wxString severityLabel(const std::string& s) {
    if (s == "low") return _("low");
    if (s == "medium") return _("medium");
    if (s == "high") return _("high");
    if (s == "critical") return _("critical");
    return toWx(s);
}

RedFlagsPage::RedFlagsPage(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("red-flags-page");
    const int gap = FromDIP(4);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Rule:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_rule = new wxChoice(this, wxID_ANY);
    m_rule->SetName("red-flags-rule");
    bar->Add(m_rule, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3 * gap);
    bar->Add(new wxStaticText(this, wxID_ANY, _("Severity:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    m_severity = new wxChoice(this, wxID_ANY);
    m_severity->SetName("red-flags-severity");
    m_severity->Append(_("All severities"));
    for (const char* s : kSeverities) m_severity->Append(severityLabel(s));
    m_severity->SetSelection(0);
    bar->Add(m_severity, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3 * gap);
    m_count = new wxStaticText(this, wxID_ANY, wxString());
    m_count->SetName("red-flags-count");
    bar->Add(m_count, 1, wxALIGN_CENTER_VERTICAL);

    m_list = new TableView(this, "red-flags");
    m_list->setColumns({{_("Severity"), 75}, {_("Rule"), 220}, {_("About"), 220}, {_("Detail"), 560}, {_("Finding"), 60}});
    m_list->onItemChosen = [this](const ItemRef& r) {
        if (onItemChosen) onItemChosen(r);
    };
    m_addFinding = new wxButton(this, wxID_ANY, _("Add finding from this red flag"));
    m_addFinding->SetToolTip(_("Record the chosen red flag in the findings register (Due diligence pane, Findings)."));
    m_addFinding->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (const risk::RedFlag* flag = chosen(); flag && onAddFinding) onAddFinding(*flag);
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND | wxALL, gap);
    sizer->Add(m_list, 1, wxEXPAND);
    sizer->Add(m_addFinding, 0, wxALL, gap);
    SetSizer(sizer);
    m_rule->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refill(); });
    m_severity->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { refill(); });
    clear();
}

void RedFlagsPage::clear() {
    m_analysis.reset();
    m_order.reset();
    m_rule->Clear();
    m_rule->Append(_("All rules"));
    m_rule->SetSelection(0);
    m_ruleIds.clear();
    m_list->setRows({});
    m_count->SetLabel(wxString());
}

void RedFlagsPage::show(std::shared_ptr<const risk::Analysis> a, NameOf nameOf, const model::Project& p) {
    m_analysis = std::move(a);
    m_nameOf = std::move(nameOf);
    fillChoices(p);
    refill();
}

void RedFlagsPage::fillChoices(const model::Project& p) {
    // The rule chosen before stays chosen if it still raises flags.
    const std::string before = m_rule->GetSelection() > 0 ? m_ruleIds[static_cast<std::size_t>(m_rule->GetSelection() - 1)] : "";
    m_ruleNames = std::make_shared<std::unordered_map<std::string, wxString>>();
    m_ruleRank = std::make_shared<std::unordered_map<std::string, int>>();
    m_flowEnds = std::make_shared<FlowEnds>();
    // A rule's flags come one after another: its counter is looked up once per run.
    std::unordered_map<std::string_view, int> perRule;
    int* count = nullptr;
    std::string_view counted;
    m_flowEnds->reserve(m_analysis->redFlags.size());
    for (const risk::RedFlag& f : m_analysis->redFlags) {
        if (!count || f.rule != counted) count = &perRule[counted = f.rule];
        ++*count;
        if (!f.flow.empty()) m_flowEnds->try_emplace(f.flow);
    }
    // One pass over the flows for the flagged ones' ends (findFlow is linear).
    if (!m_flowEnds->empty())
        for (const model::Flow& f : p.flows)
            if (const auto it = m_flowEnds->find(f.id); it != m_flowEnds->end()) it->second = {f.from, f.to};
    const std::map<std::string, int> counts(perRule.begin(), perRule.end());  // the choice lists rules by id
    std::vector<std::string> byName;
    for (const auto& [id, n] : counts) {
        const model::RedFlagRule* rule = p.catalogue.redFlagRule(id);
        m_ruleNames->emplace(id, rule ? localText(rule->name) : toWx(id));
        byName.push_back(id);
    }
    std::stable_sort(byName.begin(), byName.end(),
                     [&](const std::string& x, const std::string& y) { return m_ruleNames->at(x).CmpNoCase(m_ruleNames->at(y)) < 0; });
    for (std::size_t i = 0, rank = 0; i < byName.size(); ++i) {  // rules of the same name share a place
        if (i > 0 && m_ruleNames->at(byName[i - 1]).CmpNoCase(m_ruleNames->at(byName[i])) != 0) rank = i;
        m_ruleRank->emplace(byName[i], static_cast<int>(rank));
    }
    m_rule->Clear();
    m_rule->Append(_("All rules"));
    m_ruleIds.clear();
    int chosen = 0;
    for (const auto& [id, n] : counts) {
        m_ruleIds.push_back(id);
        m_rule->Append(wxString::Format("%s (%d)", m_ruleNames->at(id), n));
        if (id == before) chosen = static_cast<int>(m_ruleIds.size());
    }
    m_rule->SetSelection(chosen);
}

void RedFlagsPage::setFilter(const std::string& rule, const std::string& severity) {
    const auto r = std::find(m_ruleIds.begin(), m_ruleIds.end(), rule);
    m_rule->SetSelection(rule.empty() || r == m_ruleIds.end() ? 0 : static_cast<int>(r - m_ruleIds.begin()) + 1);
    int s = 0;
    for (int i = 0; i < 4; ++i)
        if (severity == kSeverities[i]) s = i + 1;
    m_severity->SetSelection(s);
    refill();
}

void RedFlagsPage::refill() {
    if (!m_analysis) return;
    const auto& flags = m_analysis->redFlags;
    const std::string rule = m_rule->GetSelection() > 0 ? m_ruleIds[static_cast<std::size_t>(m_rule->GetSelection() - 1)] : "";
    const std::string severity = m_severity->GetSelection() > 0 ? kSeverities[m_severity->GetSelection() - 1] : "";
    // Most severe first; within a severity, one rule's flags together (by the rule's name).
    auto order = std::make_shared<std::vector<std::size_t>>();
    for (std::size_t i = 0; i < flags.size(); ++i)
        if ((rule.empty() || flags[i].rule == rule) && (severity.empty() || flags[i].severity == severity)) order->push_back(i);
    const auto names = m_ruleNames;
    // The sort key once per flag, not per comparison (53 000 flags).
    std::vector<std::pair<int, int>> key(flags.size());
    const std::string* ranked = nullptr;  // a rule's flags come together: its rank is looked up once per run
    int rank = 0;
    for (std::size_t i : *order) {
        if (!ranked || flags[i].rule != *ranked) rank = m_ruleRank->at(*(ranked = &flags[i].rule));
        key[i] = {severityOrder(flags[i].severity), rank};
    }
    std::stable_sort(order->begin(), order->end(), [&](std::size_t x, std::size_t y) { return key[x] < key[y]; });
    m_order = order;
    const auto a = m_analysis;
    const auto flowEnds = m_flowEnds;
    const NameOf nameOf = m_nameOf;
    m_list->setRowSource(order->size(), [a, order, names, flowEnds, nameOf](std::size_t i) {
        const risk::RedFlag& f = a->redFlags[(*order)[i]];
        TableView::Row row;
        // A flag raised again after its finding was closed says so.
        const std::string detail = f.recurrence.empty() ? f.detail.text() : f.detail.text() + " " + f.recurrence;
        wxString about;
        if (!f.actor.empty()) about = nameOf(f.actor);
        else if (auto it = flowEnds->find(f.flow); it != flowEnds->end() && !it->second.first.empty())
            about = nameOf(it->second.first) + " → " + nameOf(it->second.second) + " [" + toWx(f.flow) + "]";
        else about = toWx(f.flow);
        row.cells = {severityLabel(f.severity), names->at(f.rule), about, toWx(detail), toWx(f.finding)};
        if (!f.actor.empty()) row.item = ItemRef{ItemKind::Actor, f.actor};
        else if (!f.flow.empty()) row.item = ItemRef{ItemKind::Flow, f.flow};
        return row;
    });
    // An empty list says why: no rule raised anything, or the filter hides them all.
    if (flags.empty())
        m_count->SetLabel(_("No red flag: none of the catalogue's rules found anything in this chain."));
    else if (order->empty())
        m_count->SetLabel(wxString::Format(_("None of the %d red flags has this rule and severity."), static_cast<int>(flags.size())));
    else
        m_count->SetLabel(wxString::Format(_("%d of %d red flags"), static_cast<int>(order->size()), static_cast<int>(flags.size())));
    Layout();
}

wxString RedFlagsPage::countText() const { return m_count->GetLabel(); }

const risk::RedFlag* RedFlagsPage::chosen() const {
    const long row = m_list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (row < 0 || !m_analysis || !m_order || static_cast<std::size_t>(row) >= m_order->size()) return nullptr;
    return &m_analysis->redFlags[(*m_order)[static_cast<std::size_t>(row)]];
}

}  // namespace traza::gui
