#include "assessment_properties.h"

#include <wx/propgrid/propgrid.h>

#include "assessment_purpose.h"
#include "property_fields.h"

namespace traza::gui::assessment_properties {

void append(wxPropertyGrid& g) {
    using namespace fields;
    g.Append(new wxPropertyCategory(_("Assessment")));
    g.Append(text(_("Title"), "title", _("What this due-diligence assessment is about.")));
    g.Append(text(_("Assessor"), "assessor", _("Who carries out the assessment.")));
    g.Append(text(_("Organisation"), "organisation", _("The organisation assessing its supply chain.")));
    g.Append(text(_("Purpose"), "purpose", _("What the assessment is for, e.g. a chain map or a supplier assessment.")));
    g.Append(text(_("Material"), "material", _("e.g. UBC (used beverage cans).")));
    g.Append(text(_("Country"), "country", _("ISO 3166 alpha-2 code, e.g. CO.")));
    g.Append(text(_("Period start"), "period_start", _("YYYY-MM-DD")));
    g.Append(text(_("Period end"), "period_end", _("YYYY-MM-DD")));
    g.Append(text(_("Currency"), "currency", _("ISO 4217 code, e.g. COP.")));
    g.Append(longText(_("Notes"), "notes", _("Sources, scope and limits of the assessment.")));
    wxArrayString periods;
    periods.Add(_("Monthly"));
    periods.Add(_("Weekly (ISO weeks)"));
    g.Append(choice(_("Progress series"), "series_period", periods,
                    _("The periods in which the Progress pane and sheet show the delivery records.")));
    g.Append(new wxPropertyCategory(_("Sign-off")));
    g.Append(text(_("Assessed on"), "assessed_on", _("Date the assessor signed the assessment, YYYY-MM-DD.")));
    g.Append(text(_("Reviewer"), "reviewer", _("Who reviewed the assessment before sign-off.")));
    g.Append(text(_("Reviewed on"), "reviewed_on", _("Date the reviewer signed, YYYY-MM-DD.")));
}

void show(wxPropertyGrid& g, const model::Assessment& a) {
    g.SetPropertyValue("title", toWx(a.title));
    g.SetPropertyValue("assessor", toWx(a.assessor));
    g.SetPropertyValue("organisation", toWx(a.organisation));
    g.SetPropertyValue("purpose", purposeLabel(a.purpose));
    g.SetPropertyValue("material", toWx(a.material));
    g.SetPropertyValue("country", toWx(a.country));
    g.SetPropertyValue("period_start", toWx(a.period.start));
    g.SetPropertyValue("period_end", toWx(a.period.end));
    g.SetPropertyValue("currency", toWx(a.currency));
    g.SetPropertyValue("notes", toWx(a.notes));
    g.SetPropertyValue("series_period", a.seriesPeriod == model::SeriesPeriod::Weekly ? 1 : 0);
    g.SetPropertyValue("assessed_on", toWx(a.assessedOn));
    g.SetPropertyValue("reviewer", toWx(a.reviewer));
    g.SetPropertyValue("reviewed_on", toWx(a.reviewedOn));
}

model::Assessment with(model::Assessment a, const wxString& name, const wxVariant& v) {
    const std::string s = fields::asString(v);
    if (name == "title") a.title = s;
    else if (name == "assessor") a.assessor = s;
    else if (name == "organisation") a.organisation = s;
    else if (name == "purpose") a.purpose = purposeToStore(toWx(s));
    else if (name == "material") a.material = s;
    else if (name == "country") a.country = s;
    else if (name == "period_start") a.period.start = s;
    else if (name == "period_end") a.period.end = s;
    else if (name == "currency") a.currency = s;
    else if (name == "notes") a.notes = s;
    else if (name == "assessed_on") a.assessedOn = s;
    else if (name == "reviewer") a.reviewer = s;
    else if (name == "reviewed_on") a.reviewedOn = s;
    else if (name == "series_period")
        a.seriesPeriod = fields::asInt(v) == 1 ? model::SeriesPeriod::Weekly : model::SeriesPeriod::Monthly;
    return a;
}

}  // namespace traza::gui::assessment_properties
