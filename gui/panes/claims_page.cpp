#include "claims_page.h"

#include <wx/sizer.h>
#include <wx/stattext.h>

#include "labels.h"
#include "table_view.h"

namespace traza::gui {

ClaimsPage::ClaimsPage(wxWindow* parent, Selection& sel) : wxPanel(parent, wxID_ANY) {
    SetName("claims-page");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_note = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_note, 0, wxEXPAND | wxALL, FromDIP(4));
    m_periods = new TableView(this, "claim-periods");
    m_periods->setColumns({{_("Actor"), 200}, {_("Profile"), 70}, {_("Period"), 180}, {_("Eligible input"), 100, true},
                           {_("Not eligible"), 90, true}, {_("Claimable"), 90, true}, {_("Claimed"), 80, true},
                           {_("Balance"), 80, true}, {_("Expired"), 80, true}});
    m_periods->onItemChosen = [&sel](const ItemRef& r) { sel.set(r); };
    sizer->Add(m_periods, 1, wxEXPAND);
    SetSizer(sizer);
    clear();
}

void ClaimsPage::clear() {
    m_periods->setRows({});
    m_note->SetLabel(_("No actor makes claims. Mark an actor (Properties, Claims) or enter claimed tonnes on its flows."));
}

void ClaimsPage::show(std::shared_ptr<const risk::Analysis> result, const model::Project& p) {
    if (!result->claims || result->claims->accounts.empty()) {
        clear();
        return;
    }
    m_note->SetLabel(_("Mass balance (credit method): a claim says that enough eligible input was bought, "
                       "not that the output physically contains it."));
    std::vector<TableView::Row> rows;
    for (const risk::ActorClaimAccount& c : result->claims->accounts) {
        const model::Actor* a = p.findActor(c.actor);
        const wxString name = toWx(a && !a->name.empty() ? a->name : c.actor);
        for (const risk::ClaimPeriod& period : c.periods)
            rows.push_back({{name, toWx(c.profile), wxString::Format(_("%s to %s"), toWx(period.start), toWx(period.end)),
                             formatTonnes(period.eligibleInT, 2), formatTonnes(period.nonEligibleInT, 2),
                             formatTonnes(period.claimableT(), 2), formatTonnes(period.claimedT, 2),
                             formatTonnes(period.balanceT, 2), formatTonnes(period.expiredT, 2)},
                            ItemRef{ItemKind::Actor, c.actor}});
    }
    m_periods->setRows(std::move(rows));
}

}  // namespace traza::gui
