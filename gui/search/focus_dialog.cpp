#include "focus_dialog.h"

#include <wx/choice.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>

#include "labels.h"

namespace traza::gui {
namespace {
enum Show { Upstream, Downstream, Both, Rule };
}  // namespace

FocusDialog::FocusDialog(wxWindow* parent, bool actorsSelected, const std::vector<std::pair<std::string, wxString>>& rules)
    : wxDialog(parent, wxID_ANY, _("Focus"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE) {
    SetName("focus-dialog");
    const wxString choices[] = {_("Upstream of the selected actors: who supplies them"),
                                _("Downstream of the selected actors: whom they supply"), _("Both ways"),
                                _("The actors of one red-flag rule")};
    m_show = new wxRadioBox(this, wxID_ANY, _("Show"), wxDefaultPosition, wxDefaultSize, 4, choices, 1);
    m_show->SetName("focus-show");
    auto* hopsRow = new wxBoxSizer(wxHORIZONTAL);
    hopsRow->Add(new wxStaticText(this, wxID_ANY, _("Steps along the flows (0: all):")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    m_hops = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 50, 1);
    m_hops->SetName("focus-hops");
    hopsRow->Add(m_hops, 0);
    auto* ruleRow = new wxBoxSizer(wxHORIZONTAL);
    ruleRow->Add(new wxStaticText(this, wxID_ANY, _("Rule:")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(6));
    m_rule = new wxChoice(this, wxID_ANY);
    m_rule->SetName("focus-rule");
    for (const auto& [id, label] : rules) {
        m_ruleIds.push_back(id);
        m_rule->Append(label);
    }
    if (!rules.empty()) m_rule->SetSelection(0);
    ruleRow->Add(m_rule, 1);

    // Without selected actors only a rule can be focused on; without flags, only actors.
    m_show->Enable(Upstream, actorsSelected);
    m_show->Enable(Downstream, actorsSelected);
    m_show->Enable(Both, actorsSelected);
    m_show->Enable(Rule, !rules.empty());
    m_show->SetSelection(actorsSelected ? Both : Rule);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(8);
    sizer->Add(m_show, 0, wxEXPAND | wxALL, gap);
    sizer->Add(hopsRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    sizer->Add(ruleRow, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, gap);
    SetSizerAndFit(sizer);
    m_show->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { updateEnabled(); });
    updateEnabled();
    if (!actorsSelected && rules.empty()) FindWindow(wxID_OK)->Disable();
}

void FocusDialog::updateEnabled() {
    const bool rule = m_show->GetSelection() == Rule;
    m_hops->Enable(!rule);
    m_rule->Enable(rule);
}

FocusRequest FocusDialog::request() const {
    FocusRequest r;
    const int show = m_show->GetSelection();
    r.byRule = show == Rule;
    r.direction = show == Upstream ? FocusDirection::Upstream : show == Downstream ? FocusDirection::Downstream : FocusDirection::Both;
    r.hops = m_hops->GetValue();
    const int rule = m_rule->GetSelection();
    if (rule != wxNOT_FOUND) r.rule = m_ruleIds[static_cast<std::size_t>(rule)];
    return r;
}

std::vector<std::pair<std::string, wxString>> focusRuleChoices(const model::Project& p, const risk::Analysis& a) {
    std::map<std::string, int> counts;
    for (const risk::RedFlag& f : a.redFlags) ++counts[f.rule];
    std::vector<std::pair<std::string, int>> ordered(counts.begin(), counts.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
    std::vector<std::pair<std::string, wxString>> out;
    for (const auto& [id, n] : ordered) {
        const model::RedFlagRule* rule = p.catalogue.redFlagRule(id);
        const wxString name = rule ? localText(rule->name) : toWx(id);
        out.emplace_back(id, wxString::Format(wxPLURAL("%s (%d flag)", "%s (%d flags)", n), name, n));
    }
    return out;
}

}  // namespace traza::gui
