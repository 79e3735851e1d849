#pragma once
// Small helpers shared by the actor, flow and assessment property sets:
// building typed properties and reading a pending value back into the model's
// types. Property names are the chain JSON field names ("capacity_t"), with
// '.' written '_' ("period_start"), so a validation path names its property.
#include <wx/propgrid/props.h>
#include <wx/propgrid/advprops.h>

#include <string>
#include <vector>

#include "labels.h"

namespace traza::gui::fields {

wxPGProperty* text(const wxString& label, const wxString& name, const wxString& help);
wxPGProperty* longText(const wxString& label, const wxString& name, const wxString& help);
wxPGProperty* integer(const wxString& label, const wxString& name, const wxString& help);
wxPGProperty* number(const wxString& label, const wxString& name, const wxString& help);
wxPGProperty* flag(const wxString& label, const wxString& name, const wxString& help);
/// A single choice; the property's value is the index into `labels`.
wxPGProperty* choice(const wxString& label, const wxString& name, const wxArrayString& labels, const wxString& help);
/// Several choices; the value is the list of chosen labels.
wxPGProperty* multiChoice(const wxString& label, const wxString& name, const wxArrayString& labels, const wxString& help);

/// Values of a pending change (wxPropertyGridEvent::GetValue()).
std::string asString(const wxVariant&);
int asInt(const wxVariant&);
double asDouble(const wxVariant&);
bool asBool(const wxVariant&);
/// The ids whose labels are chosen in a multi-choice value (labels[i] names ids[i]).
std::vector<std::string> chosenIds(const wxVariant&, const wxArrayString& labels, const std::vector<std::string>& ids);
/// The labels of `chosen` ids, for showing a multi-choice value.
wxArrayString labelsOf(const std::vector<std::string>& chosen, const wxArrayString& labels, const std::vector<std::string>& ids);

/// Property name for a validation path: "documents[0]" -> "documents", "period.start" -> "period_start".
wxString propertyNameFor(const std::string& where);

}  // namespace traza::gui::fields
