#include "flow_properties.h"

#include <wx/propgrid/propgrid.h>

#include <algorithm>

#include "catalogue_help.h"
#include "claim_fields.h"
#include "error.h"
#include "property_fields.h"
#include "uncertainty_fields.h"

namespace traza::gui {

FlowProperties::FlowProperties(const model::Project& p) : m_catalogue(&p.catalogue), m_project(&p) {
    m_actorChoices = p.actors.size() <= kMaxActorChoices;
    if (m_actorChoices)
        for (const model::Actor& a : p.actors) {
            m_actorLabels.push_back(a.name.empty() ? toWx(a.id) : wxString::Format("%s (%s)", toWx(a.name), toWx(a.id)));
            m_actorIds.push_back(a.id);
        }
    for (const model::DocumentType& d : p.catalogue.documentTypes) {
        // A retired entry stays a choice (flows keep what they have) but says it is retired.
        m_docLabels.push_back(d.retired ? wxString::Format(_("%s (retired)"), localText(d.name)) : localText(d.name));
        m_docIds.push_back(d.id);
    }
    m_typologyLabels.push_back(_("(not set)"));
    m_typologyIds.push_back("");
    for (const model::Typology& t : p.catalogue.typologies) {
        const wxString label = wxString::Format("%s — %s", toWx(t.id), localText(t.name));
        m_typologyLabels.push_back(t.retired ? wxString::Format(_("%s (retired)"), label) : label);
        m_typologyIds.push_back(t.id);
    }
}

int FlowProperties::actorIndex(const std::string& id) const {
    auto it = std::find(m_actorIds.begin(), m_actorIds.end(), id);
    return it == m_actorIds.end() ? -1 : static_cast<int>(it - m_actorIds.begin());
}

void FlowProperties::append(wxPropertyGrid& g) const {
    using namespace fields;
    wxArrayString evidence, payment;
    for (int i = 0; i <= static_cast<int>(model::Evidence::Verified); ++i) evidence.push_back(evidenceLabel(static_cast<model::Evidence>(i)));
    for (int i = 0; i <= static_cast<int>(model::Payment::Credit); ++i) payment.push_back(paymentLabel(static_cast<model::Payment>(i)));
    g.Append(new wxPropertyCategory(_("Flow")));
    g.Append(text(_("ID"), "id", _("Unique id of the flow.")));
    if (m_actorChoices) {
        g.Append(choice(_("From"), "from", m_actorLabels, _("The actor the material comes from.")));
        g.Append(choice(_("To"), "to", m_actorLabels, _("The actor the material goes to.")));
    } else {
        g.Append(text(_("From"), "from", _("Id of the actor the material comes from.")));
        g.Append(text(_("To"), "to", _("Id of the actor the material goes to.")));
    }
    g.Append(text(_("Material"), "material", _("e.g. UBC (used beverage cans).")));
    g.Append(choice(_("Typology"), "typology", m_typologyLabels, _("Recycled-input typology (after RRRM).")));
    g.Append(text(_("Period start"), "period_start", _("YYYY-MM-DD; empty = the assessment period.")));
    g.Append(text(_("Period end"), "period_end", _("YYYY-MM-DD; empty = the assessment period.")));
    g.Append(new wxPropertyCategory(_("Quantities")));
    g.Append(number(_("Tonnes"), "tonnes", _("Tonnes of material in the period (more than 0).")));
    g.Append(flag(_("Amount unknown"), "tonnes_unknown",
                  _("Nobody knows the tonnes: the reconciliation computes them from the mass balances where it can. "
                    "Typing tonnes makes the amount known again.")));
    appendUncertainty(g, _("± sd (t)"), _("± sd (%)"), "sd_t", _("tonnes"));
    g.Append(number(_("Documented (t)"), "documented_t", _("Tonnes backed by documents (0 to tonnes).")));
    g.Append(number(_("Price per tonne"), "price_per_t", _("In the assessment currency (0 = unknown).")));
    g.Append(choice(_("Payment"), "payment", payment, _("How the buyer pays.")));
    claim_fields::appendFlow(g);
    g.Append(new wxPropertyCategory(_("Evidence")));
    g.Append(choice(_("Evidence level"), "evidence", evidence, _("How strong the documentation of this flow is.")));
    g.Append(multiChoice(_("Documents"), "documents", m_docLabels, _("Document types that back the flow.")));
    g.Append(longText(_("Notes"), "notes", _("Sources, assumptions, anything an auditor should know.")));
}

void FlowProperties::show(wxPropertyGrid& g, const model::Flow& f) const {
    g.SetPropertyValue("id", toWx(f.id));
    if (m_actorChoices) {
        g.SetPropertyValue("from", actorIndex(f.from));
        g.SetPropertyValue("to", actorIndex(f.to));
    } else {
        g.SetPropertyValue("from", toWx(f.from));
        g.SetPropertyValue("to", toWx(f.to));
    }
    g.SetPropertyValue("material", toWx(f.material));
    const auto t = std::find(m_typologyIds.begin(), m_typologyIds.end(), f.typology);
    g.SetPropertyValue("typology", t == m_typologyIds.end() ? 0 : static_cast<int>(t - m_typologyIds.begin()));
    // The description box explains the chosen typology (baseline risk, expected due diligence).
    showPropertyHelp(g, "typology", typologyHelp(*m_catalogue, f.typology));
    g.SetPropertyValue("period_start", toWx(f.periodStart));
    g.SetPropertyValue("period_end", toWx(f.periodEnd));
    // An unknown amount shows no figure (not 0 t), and nothing can be uncertain or documented about it.
    if (f.tonnesUnknown) g.GetPropertyByName("tonnes")->SetValueToUnspecified();
    else g.SetPropertyValue("tonnes", f.tonnes);
    g.SetPropertyValue("tonnes_unknown", f.tonnesUnknown);
    fields::showUncertainty(g, "sd_t", f.sdT, f.tonnes, !f.tonnesUnknown);
    g.SetPropertyValue("documented_t", f.documentedT);
    g.EnableProperty("documented_t", !f.tonnesUnknown);
    claim_fields::showFlow(g, f);
    g.SetPropertyValue("price_per_t", f.pricePerT);
    g.SetPropertyValue("payment", static_cast<int>(f.payment));
    g.SetPropertyValue("evidence", static_cast<int>(f.evidence));
    g.SetPropertyValue("documents", fields::labelsOf(f.documents, m_docLabels, m_docIds));
    g.SetPropertyValue("notes", toWx(f.notes));
}

model::Flow FlowProperties::with(model::Flow f, const wxString& name, const wxVariant& v) const {
    using namespace fields;
    auto actorOf = [&](const wxVariant& value) {
        if (!m_actorChoices) return asString(value);
        const int i = asInt(value);
        return i >= 0 && static_cast<std::size_t>(i) < m_actorIds.size() ? m_actorIds[i] : std::string();
    };
    if (m_project && claim_fields::applyFlow(f, name, v, *m_project)) return f;
    if (name == "id") f.id = asString(v);
    else if (name == "from") f.from = actorOf(v);
    else if (name == "to") f.to = actorOf(v);
    else if (name == "material") f.material = asString(v);
    else if (name == "typology") {
        const int i = asInt(v);
        f.typology = i >= 0 && static_cast<std::size_t>(i) < m_typologyIds.size() ? m_typologyIds[i] : "";
    } else if (name == "period_start") f.periodStart = asString(v);
    else if (name == "period_end") f.periodEnd = asString(v);
    else if (name == "tonnes") {
        f.tonnes = asDouble(v);
        f.tonnesUnknown = false;
    } else if (name == "tonnes_unknown") {
        if (asBool(v)) {
            f.tonnesUnknown = true;
            f.tonnes = f.sdT = f.documentedT = 0;
        } else if (f.tonnesUnknown) {
            throw InvalidInput("tonnes_unknown", toUtf8(_("type the tonnes to make the amount known")));
        }
    } else if (isUncertaintyRow(name, "sd_t")) f.sdT = uncertaintyFrom(name, v, f.tonnes);
    else if (name == "documented_t") f.documentedT = asDouble(v);
    else if (name == "price_per_t") f.pricePerT = asDouble(v);
    else if (name == "payment") f.payment = static_cast<model::Payment>(asInt(v));
    else if (name == "evidence") f.evidence = static_cast<model::Evidence>(asInt(v));
    else if (name == "documents") f.documents = chosenIds(v, m_docLabels, m_docIds);
    else if (name == "notes") f.notes = asString(v);
    return f;
}

}  // namespace traza::gui
