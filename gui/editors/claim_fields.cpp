#include "claim_fields.h"

#include <wx/propgrid/propgrid.h>

#include <algorithm>
#include <cmath>

#include "claim_profiles.h"
#include "error.h"
#include "property_fields.h"

namespace traza::gui::claim_fields {
namespace {

// The claim fields' undo labels (the model's labels are English; these are translated when shown).
[[maybe_unused]] const char* const kLabels[] = {wxTRANSLATE("Edit makes claims"), wxTRANSLATE("Edit claim yield"),
                                                wxTRANSLATE("Edit claim profile"), wxTRANSLATE("Edit claimed tonnes")};

[[noreturn]] void refuse(const char* field, const wxString& reason) { throw InvalidInput(field, toUtf8(reason)); }

// A number typed in the grid; an emptied cell is 0 ("not set").
double numberOf(const wxVariant& v) { return v.IsNull() ? 0.0 : fields::asDouble(v); }

}  // namespace

std::string commandLabelFor(const wxString& name) {
    if (name == "makes_claims") return "Edit makes claims";
    if (name == "claim_yield") return "Edit claim yield";
    if (name == "claim_profile") return "Edit claim profile";
    if (name == "claimed_t") return "Edit claimed tonnes";
    return {};
}

ActorClaims::ActorClaims(const model::Project& p) : m_project(&p) {
    // A profile reads as its name, the catalogue id in brackets after it; "not set"
    // names the profile it stands for (the name says the period already).
    wxString defaultName = toWx(model::kDefaultClaimProfile);
    std::vector<wxString> labels;
    try {
        for (const model::ClaimProfileEntry& e : model::claimProfiles(p.catalogue)) {
            labels.push_back(wxString::Format("%s (%s)", localText(e.name), toWx(e.id)));
            m_profileIds.push_back(e.id);
            if (e.id == model::kDefaultClaimProfile) defaultName = localText(e.name);
        }
    } catch (const InvalidInput&) {  // a damaged catalogue text: only "not set" can be chosen
        labels.clear();
        m_profileIds.clear();
    }
    m_profileLabels.push_back(wxString::Format(_("(not set: %s)"), defaultName));
    m_profileIds.insert(m_profileIds.begin(), "");
    for (const wxString& l : labels) m_profileLabels.push_back(l);
}

void ActorClaims::append(wxPropertyGrid& g) const {
    using namespace fields;
    wxArrayString makes;
    makes.push_back(_("By kind (refiners do)"));
    makes.push_back(_("Yes"));
    makes.push_back(_("No"));
    g.Append(new wxPropertyCategory(_("Claims")));
    g.Append(choice(_("Makes claims"), "makes_claims", makes,
                    _("Whether the actor keeps a chain-of-custody claim account (mass balance, credit method). "
                      "By kind: refiners do, other actors do not.")));
    g.Append(number(_("Claim yield"), "claim_yield",
                    _("Output per tonne of eligible input (conversion factor), more than 0 and at most 1. "
                      "Empty or 0: not set, taken as 1.")));
    g.Append(choice(_("Claim profile"), "claim_profile", m_profileLabels,
                    _("The catalogue's claim profile: accounting period, carry-over and the rule that makes input eligible.")));
}

void ActorClaims::show(wxPropertyGrid& g, const model::Actor& a) const {
    g.SetPropertyValue("makes_claims", !a.makesClaims ? 0 : (*a.makesClaims ? 1 : 2));
    if (a.claimYield == 0) g.GetPropertyByName("claim_yield")->SetValueToUnspecified();
    else g.SetPropertyValue("claim_yield", a.claimYield);
    const auto at = std::find(m_profileIds.begin(), m_profileIds.end(), a.claimProfile);
    g.SetPropertyValue("claim_profile", at == m_profileIds.end() ? 0 : static_cast<int>(at - m_profileIds.begin()));
    const bool claims = a.keepsClaimAccount();
    g.EnableProperty("claim_yield", claims);
    g.EnableProperty("claim_profile", claims);
}

bool ActorClaims::apply(model::Actor& a, const wxString& name, const wxVariant& v) const {
    if (name == "makes_claims") {
        const int i = fields::asInt(v);
        a.makesClaims = i == 1 ? std::optional<bool>(true) : i == 2 ? std::optional<bool>(false) : std::nullopt;
        // Claims already made on its flows need an account: say which one stands in the way.
        if (!a.keepsClaimAccount())
            for (const model::Flow& f : m_project->flows)
                if (f.from == a.id && f.claimedT > 0)
                    refuse("makes_claims", wxString::Format(_("flow %s carries a claim of %s: set its claimed tonnes to 0 first"),
                                                            toWx(f.id), formatTonnes(f.claimedT, 3)));
        return true;
    }
    if (name == "claim_yield") {
        const double y = numberOf(v);
        if (!std::isfinite(y) || y < 0 || y > 1)
            refuse("claim_yield", _("the yield is output per tonne of eligible input: more than 0 and at most 1 (empty: not set)"));
        a.claimYield = y;
        return true;
    }
    if (name == "claim_profile") {
        const int i = fields::asInt(v);
        a.claimProfile = i >= 0 && static_cast<std::size_t>(i) < m_profileIds.size() ? m_profileIds[static_cast<std::size_t>(i)] : "";
        return true;
    }
    return false;
}

void appendFlow(wxPropertyGrid& g) {
    g.Append(new wxPropertyCategory(_("Claims")));
    g.Append(fields::number(_("Claimed (t)"), "claimed_t",
                            _("Tonnes of this flow its sender sells with a chain-of-custody claim (0 = none). "
                              "The sender must make claims.")));
}

void showFlow(wxPropertyGrid& g, const model::Flow& f) {
    g.SetPropertyValue("claimed_t", f.claimedT);
    g.EnableProperty("claimed_t", !f.tonnesUnknown);
}

bool applyFlow(model::Flow& f, const wxString& name, const wxVariant& v, const model::Project& p) {
    if (name != "claimed_t") return false;
    const double t = numberOf(v);
    if (!std::isfinite(t) || t < 0) refuse("claimed_t", _("type the tonnes claimed, 0 or more"));
    if (t > 0 && f.tonnesUnknown) refuse("claimed_t", _("the amount of this flow is unknown: nothing can be claimed on it"));
    if (t > f.tonnes) refuse("claimed_t", wxString::Format(_("cannot be more than the flow's %s"), formatTonnes(f.tonnes, 3)));
    const model::Actor* sender = p.findActor(f.from);
    if (t > 0 && sender && !sender->keepsClaimAccount())
        refuse("claimed_t", wxString::Format(_("%s makes no claims: set Makes claims to Yes on the actor first"),
                                             toWx(sender->name.empty() ? sender->id : sender->name)));
    f.claimedT = t;
    return true;
}

}  // namespace traza::gui::claim_fields
