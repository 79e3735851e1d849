#include "uncertainty_fields.h"

#include <wx/numformatter.h>
#include <wx/propgrid/propgrid.h>

#include <cmath>

#include "error.h"
#include "labels.h"
#include "property_fields.h"
#include "uncertainty_entry.h"

namespace traza::gui::fields {
namespace {

[[noreturn]] void refuse(const wxString& row, const wxString& reason) {
    throw InvalidInput(toUtf8(row), toUtf8(reason));
}

}  // namespace

wxString percentRowOf(const wxString& sdRow) { return sdRow.BeforeLast('_') + "_pct"; }

bool isUncertaintyRow(const wxString& changed, const wxString& sdRow) {
    return changed == sdRow || changed == percentRowOf(sdRow);
}

void appendUncertainty(wxPropertyGrid& g, const wxString& label, const wxString& percentLabel, const wxString& sdRow,
                       const wxString& figureWord) {
    g.Append(text(label, sdRow,
                  wxString::Format(_("Standard deviation of the %s: how far the figure may be off. Type tonnes (2.5) or a "
                                     "percentage of the figure (5%%); it is kept in tonnes. Empty or 0: the figure is exact."),
                                   figureWord)));
    wxPGProperty* pct = number(percentLabel, percentRowOf(sdRow),
                               _("The same standard deviation as a percentage of the figure; typing one sets the tonnes."));
    pct->SetAttribute(wxPG_FLOAT_PRECISION, 2);
    g.Append(pct);
}

void showUncertainty(wxPropertyGrid& g, const wxString& sdRow, double sdT, double figureT, bool enabled) {
    g.SetPropertyValue(sdRow, sdT == 0 ? wxString("0") : formatNumber(sdT, 6, wxNumberFormatter::Style_NoTrailingZeroes));
    const wxString pctRow = percentRowOf(sdRow);
    const double pct = uncertaintyPercent(sdT, figureT);
    if (std::isfinite(pct)) g.SetPropertyValue(pctRow, pct);
    else if (wxPGProperty* p = g.GetPropertyByName(pctRow)) p->SetValueToUnspecified();
    g.EnableProperty(sdRow, enabled);
    g.EnableProperty(pctRow, enabled && figureT != 0);
}

double uncertaintyFrom(const wxString& changed, const wxVariant& value, double figureT) {
    UncertaintyEntry e;
    if (changed.EndsWith("_pct")) {
        const double pct = asDouble(value);
        if (!std::isfinite(pct)) e.problem = UncertaintyProblem::NotANumber;
        else if (pct < 0) e.problem = UncertaintyProblem::Negative;
        else if (figureT == 0 && pct != 0) e.problem = UncertaintyProblem::PercentOfZero;
        else e.sdT = std::fabs(figureT) * pct / 100;
    } else {
        e = parseUncertainty(asString(value), figureT);
    }
    switch (e.problem) {
    case UncertaintyProblem::None: break;
    case UncertaintyProblem::NotANumber:
        refuse(changed, _("type tonnes (2.5) or a percentage of the figure (5%)"));
    case UncertaintyProblem::Negative: refuse(changed, _("a standard deviation cannot be negative"));
    case UncertaintyProblem::PercentOfZero:
        refuse(changed, _("a percentage of a figure of 0 t is 0 t: type the uncertainty in tonnes"));
    }
    return e.sdT;
}

}  // namespace traza::gui::fields
