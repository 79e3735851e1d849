#include "actor_properties.h"

#include <wx/propgrid/propgrid.h>

#include "catalogue_help.h"
#include "property_fields.h"
#include "uncertainty_fields.h"

namespace traza::gui {
namespace {

wxArrayString kindLabels() {
    wxArrayString l;
    for (int k = 0; k <= static_cast<int>(model::ActorKind::Other); ++k) l.push_back(kindLabel(static_cast<model::ActorKind>(k)));
    return l;
}

wxArrayString formalityLabels() {
    wxArrayString l;
    for (int k = 0; k <= static_cast<int>(model::Formality::Formal); ++k) l.push_back(formalityLabel(static_cast<model::Formality>(k)));
    return l;
}

// In the order of model::DueDiligenceStatus.
wxArrayString ddStatusLabels() {
    wxArrayString l;
    l.push_back(_("None known"));
    l.push_back(_("Self-assessed"));
    l.push_back(_("Audited by a third party"));
    return l;
}

}  // namespace

ActorProperties::ActorProperties(const model::Project& p) : m_catalogue(&p.catalogue), m_claims(p) {
    for (const model::RiskFactor& r : p.catalogue.riskFactors) {
        // A retired factor stays a choice (actors keep what they carry) but says it is retired.
        m_riskLabels.push_back(r.retired ? wxString::Format(_("%s (retired)"), localText(r.name)) : localText(r.name));
        m_riskIds.push_back(r.id);
    }
}

void ActorProperties::append(wxPropertyGrid& g) const {
    using namespace fields;
    g.Append(new wxPropertyCategory(_("Actor")));
    g.Append(text(_("ID"), "id", _("Unique id that flows refer to.")));
    g.Append(text(_("Name"), "name", _("Name shown on the canvas and in reports.")));
    g.Append(choice(_("Kind"), "kind", kindLabels(), _("What the actor does in the chain.")));
    g.Append(integer(_("Stage"), "stage", _("Position in the chain, 1 (waste pickers) to 9.")));
    g.Append(text(_("Country"), "country", _("ISO 3166 alpha-2 code, e.g. CO.")));
    g.Append(text(_("Region / city"), "region", _("Region or city where the actor operates.")));
    g.Append(choice(_("Formality"), "formality", formalityLabels(), _("Informal, semi-formal or formal.")));
    g.Append(flag(_("Public-service provider"), "public_service_provider",
                  _("Registered as a provider of the public recycling service.")));
    g.Append(new wxPropertyCategory(_("Quantities")));
    g.Append(integer(_("Headcount"), "headcount", _("People behind a picker group (0 = unknown).")));
    g.Append(number(_("Capacity (t)"), "capacity_t", _("Tonnes per period the actor can handle (0 = unknown).")));
    g.Append(number(_("Stock change (t)"), "stock_change_t", _("Stock at the end minus stock at the start of the period.")));
    appendUncertainty(g, _("Stock change ± sd (t)"), _("Stock change ± sd (%)"), "stock_change_sd_t", _("stock change"));
    g.Append(number(_("Losses (t)"), "loss_t", _("Declared losses in the period.")));
    appendUncertainty(g, _("Losses ± sd (t)"), _("Losses ± sd (%)"), "loss_sd_t", _("losses"));
    g.Append(new wxPropertyCategory(_("Due diligence")));
    g.Append(fields::multiChoice(_("Risk factors"), "risk_factors", m_riskLabels, _("Risk factors present (from the catalogue).")));
    g.Append(choice(_("Own due diligence"), "dd_status", ddStatusLabels(),
                    _("How far the actor's own due diligence goes (a refiner's above all); shown in the report.")));
    g.Append(text(_("Chain-of-custody certification"), "coc_certification",
                  _("Scheme, certificate number and validity, e.g. ASI CoC, cert. 1234, valid to 2027-05.")));
    m_claims.append(g);
    g.Append(new wxPropertyCategory(_("Notes")));
    g.Append(longText(_("Notes"), "notes", _("Sources, assumptions, anything an auditor should know.")));
}

void ActorProperties::show(wxPropertyGrid& g, const model::Actor& a) const {
    g.SetPropertyValue("id", toWx(a.id));
    g.SetPropertyValue("name", toWx(a.name));
    g.SetPropertyValue("kind", static_cast<int>(a.kind));
    g.SetPropertyValue("stage", a.stage);
    g.SetPropertyValue("country", toWx(a.country));
    g.SetPropertyValue("region", toWx(a.region));
    g.SetPropertyValue("formality", static_cast<int>(a.formality));
    g.SetPropertyValue("public_service_provider", a.publicServiceProvider);
    g.SetPropertyValue("headcount", a.headcount);
    g.SetPropertyValue("capacity_t", a.capacityT);
    g.SetPropertyValue("stock_change_t", a.stockChangeT);
    fields::showUncertainty(g, "stock_change_sd_t", a.stockChangeSdT, a.stockChangeT);
    g.SetPropertyValue("loss_t", a.lossT);
    fields::showUncertainty(g, "loss_sd_t", a.lossSdT, a.lossT);
    g.SetPropertyValue("risk_factors", fields::labelsOf(a.riskFactors, m_riskLabels, m_riskIds));
    showPropertyHelp(g, "risk_factors", riskFactorsHelp(*m_catalogue, a.riskFactors));
    g.SetPropertyValue("dd_status", static_cast<int>(a.ddStatus));
    g.SetPropertyValue("coc_certification", toWx(a.cocCertification));
    m_claims.show(g, a);
    g.SetPropertyValue("notes", toWx(a.notes));
}

model::Actor ActorProperties::with(model::Actor a, const wxString& name, const wxVariant& v) const {
    using namespace fields;
    if (m_claims.apply(a, name, v)) return a;
    if (name == "id") a.id = asString(v);
    else if (name == "name") a.name = asString(v);
    else if (name == "kind") a.kind = static_cast<model::ActorKind>(asInt(v));
    else if (name == "stage") a.stage = asInt(v);
    else if (name == "country") a.country = asString(v);
    else if (name == "region") a.region = asString(v);
    else if (name == "formality") a.formality = static_cast<model::Formality>(asInt(v));
    else if (name == "public_service_provider") a.publicServiceProvider = asBool(v);
    else if (name == "headcount") a.headcount = asInt(v);
    else if (name == "capacity_t") a.capacityT = asDouble(v);
    else if (name == "stock_change_t") a.stockChangeT = asDouble(v);
    else if (isUncertaintyRow(name, "stock_change_sd_t")) a.stockChangeSdT = uncertaintyFrom(name, v, a.stockChangeT);
    else if (name == "loss_t") a.lossT = asDouble(v);
    else if (isUncertaintyRow(name, "loss_sd_t")) a.lossSdT = uncertaintyFrom(name, v, a.lossT);
    else if (name == "risk_factors") a.riskFactors = chosenIds(v, m_riskLabels, m_riskIds);
    else if (name == "dd_status") a.ddStatus = static_cast<model::DueDiligenceStatus>(asInt(v));
    else if (name == "coc_certification") a.cocCertification = asString(v);
    else if (name == "notes") a.notes = asString(v);
    return a;
}

}  // namespace traza::gui
