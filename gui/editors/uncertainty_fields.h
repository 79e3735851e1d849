#pragma once
// The rows of one uncertain figure in the property grid: "<x>_sd_t", the
// standard deviation in tonnes (text, so "5%" of the figure can be typed too),
// and "<x>_sd_pct", the same as a percentage of the figure. Either row sets the
// model's sd, always stored in tonnes (uncertainty_entry.h reads the text).
#include <wx/string.h>

class wxPropertyGrid;
class wxVariant;

namespace traza::gui::fields {

/// The percentage row's name: "sd_t" -> "sd_pct", "loss_sd_t" -> "loss_sd_pct".
wxString percentRowOf(const wxString& sdRow);
/// True when `changed` is `sdRow` or its percentage row.
bool isUncertaintyRow(const wxString& changed, const wxString& sdRow);

void appendUncertainty(wxPropertyGrid&, const wxString& label, const wxString& percentLabel, const wxString& sdRow,
                       const wxString& figureWord);
/// Shows `sdT` of a figure of `figureT` tonnes; `enabled` false greys both rows out
/// (an unknown flow has no uncertainty).
void showUncertainty(wxPropertyGrid&, const wxString& sdRow, double sdT, double figureT, bool enabled = true);
/// The sd in tonnes from a change of `changed` (the sd row or its percentage
/// row). Throws traza::InvalidInput naming the row when the value cannot be one.
double uncertaintyFrom(const wxString& changed, const wxVariant& value, double figureT);

}  // namespace traza::gui::fields
