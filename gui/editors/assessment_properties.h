#pragma once
// The property set of the assessment (shown when nothing is selected).
#include "assessment.h"

class wxPropertyGrid;
class wxVariant;
class wxString;

namespace traza::gui::assessment_properties {

void append(wxPropertyGrid&);
void show(wxPropertyGrid&, const model::Assessment&);
model::Assessment with(model::Assessment a, const wxString& name, const wxVariant& value);

}  // namespace traza::gui::assessment_properties
