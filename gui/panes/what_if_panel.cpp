#include "what_if_panel.h"

#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "claims/documentation_what_if.h"
#include "labels.h"
#include "table_view.h"

namespace traza::gui {

WhatIfPanel::WhatIfPanel(wxWindow* parent, const Document& doc, const Selection& sel)
    : wxPanel(parent, wxID_ANY), m_doc(doc), m_selection(sel) {
    SetName("what-if");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_heading = new wxStaticText(this, wxID_ANY, _("What if these flows were documented?"));
    m_heading->SetFont(m_heading->GetFont().Bold());
    sizer->Add(m_heading, 0, wxALL, FromDIP(3));
    // The ticked flows on the left; the shares with the buttons under them on the right.
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_flows = new wxCheckListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(200, 80)));
    m_flows->SetName("what-if-flows");
    m_flows->SetToolTip(_("Tick flows to see the traced share as if they were documented at the plan's level. "
                          "The project does not change."));
    row->Add(m_flows, 1, wxEXPAND | wxRIGHT, FromDIP(4));
    auto* right = new wxBoxSizer(wxVERTICAL);
    m_shares = new TableView(this, "what-if-shares");
    m_shares->setColumns({{_("Stage"), 100}, {_("Today"), 72, true}, {_("If documented"), 92, true}, {_("Change"), 82, true}});
    m_shares->SetMinSize(FromDIP(wxSize(350, 60)));
    right->Add(m_shares, 1, wxEXPAND);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_addSelected = new wxButton(this, wxID_ANY, _("Add selected flow"));
    m_addSelected->SetToolTip(_("Offer the flow selected on the canvas for ticking."));
    m_reset = new wxButton(this, wxID_ANY, _("Reset"));
    m_reset->SetToolTip(_("Untick every flow: back to the figures of today."));
    buttons->Add(m_addSelected, 0, wxRIGHT, FromDIP(4));
    buttons->Add(m_reset, 0);
    right->Add(buttons, 0, wxTOP, FromDIP(3));
    row->Add(right, 0, wxEXPAND);
    sizer->Add(row, 1, wxEXPAND);
    SetSizer(sizer);

    m_flows->Bind(wxEVT_CHECKLISTBOX, [this](wxCommandEvent& e) {
        const int i = e.GetInt();
        if (i < 0 || static_cast<std::size_t>(i) >= m_candidates.size()) return;
        const std::string& id = m_candidates[static_cast<std::size_t>(i)].flow;
        std::erase(m_ticked, id);
        if (m_flows->IsChecked(static_cast<unsigned>(i))) m_ticked.push_back(id);
        recompute();
    });
    m_reset->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reset(); });
    m_addSelected->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addSelectedFlow(); });
}

void WhatIfPanel::setCandidates(std::vector<Candidate> candidates) {
    m_candidates = std::move(candidates);
    // A ticked flow stays offered (and ticked) while the project still has it.
    for (const std::string& id : m_ticked)
        if (std::none_of(m_candidates.begin(), m_candidates.end(), [&](const Candidate& c) { return c.flow == id; }) &&
            m_doc.project().findFlow(id))
            m_candidates.push_back({id, toWx(id)});
    std::erase_if(m_ticked, [&](const std::string& id) { return !m_doc.project().findFlow(id); });
    wxArrayString labels;
    for (const Candidate& c : m_candidates) labels.push_back(c.label);
    m_flows->Set(labels);
    for (std::size_t i = 0; i < m_candidates.size(); ++i)
        if (std::find(m_ticked.begin(), m_ticked.end(), m_candidates[i].flow) != m_ticked.end()) m_flows->Check(static_cast<unsigned>(i));
}

void WhatIfPanel::setContext(std::shared_ptr<const risk::Analysis> analysis, model::Evidence level) {
    m_analysis = std::move(analysis);
    m_level = level;
    recompute();
}

void WhatIfPanel::clear() {
    m_analysis.reset();
    m_candidates.clear();
    m_flows->Clear();
    m_shares->setRows({});
}

void WhatIfPanel::reset() {
    m_ticked.clear();
    for (unsigned i = 0; i < m_flows->GetCount(); ++i) m_flows->Check(i, false);
    recompute();
}

std::vector<std::string> WhatIfPanel::tickedFlows() const { return m_ticked; }

void WhatIfPanel::addSelectedFlow() {
    const auto primary = m_selection.primary();
    if (!primary || primary->kind != ItemKind::Flow || !m_doc.project().findFlow(primary->id)) return;
    const auto at = std::find_if(m_candidates.begin(), m_candidates.end(), [&](const Candidate& c) { return c.flow == primary->id; });
    if (at == m_candidates.end()) {
        m_candidates.push_back({primary->id, toWx(primary->id)});
        m_flows->Append(toWx(primary->id));
    }
    m_flows->SetSelection(static_cast<int>(at == m_candidates.end() ? m_candidates.size() - 1 : at - m_candidates.begin()));
}

void WhatIfPanel::recompute() {
    if (!m_analysis) {
        m_shares->setRows({});
        return;
    }
    const risk::TraceLevel* today = nullptr;
    for (const risk::TraceLevel& l : m_analysis->traceability.levels)
        if (l.level == m_level) today = &l;
    if (!today) {
        m_shares->setRows({});
        return;
    }
    // The what-if on a copy of the project as it is now (the library documents the
    // flows there); with nothing ticked it is today's analysis, and a national chain
    // is not copied and analysed again on every result.
    risk::Traceability after;
    if (!m_ticked.empty()) {
        risk::AnalysisOptions options;
        options.language = uiLanguage();
        try {
            after = risk::traceabilityIfDocumented(m_doc.project(), m_ticked, m_level, options);
        } catch (const std::exception&) {
            m_shares->setRows({});
            return;
        }
    }
    const risk::TraceLevel* then = m_ticked.empty() ? today : nullptr;
    for (const risk::TraceLevel& l : after.levels)
        if (l.level == m_level) then = &l;
    std::vector<TableView::Row> rows;
    for (const auto& [stage, share] : today->byStage) {
        TableView::Row row;
        row.cells.push_back(wxString::Format("%d · %s", stage, stageName(stage)));
        row.cells.push_back(formatShare(share));
        const auto it = then ? then->byStage.find(stage) : decltype(then->byStage)::const_iterator{};
        if (then && it != then->byStage.end()) {
            row.cells.push_back(formatShare(it->second));
            row.cells.push_back(formatPoints(it->second - share));
        } else {
            row.cells.push_back(wxString::FromUTF8("–"));
            row.cells.push_back(wxString::FromUTF8("–"));
        }
        rows.push_back(std::move(row));
    }
    m_shares->setRows(std::move(rows));
}

}  // namespace traza::gui
