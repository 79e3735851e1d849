#pragma once
// The catalogue's explanation of a choice, shown where the choice is made: the
// property grid's description box under a typology or the risk factors, and the
// bulk typology dialog. Texts come from the project's own catalogue copy, in the
// interface language.
#include <wx/string.h>

#include <string>
#include <vector>

#include "catalogue.h"

class wxPropertyGrid;

namespace traza::gui {

/// "rrrm-4 — name", its description, baseline risk and expected due diligence,
/// and the source note; a general hint for "" or an id the catalogue lacks.
wxString typologyHelp(const model::Catalogue&, const std::string& typologyId);

/// For each chosen risk factor: its name, category and description; with none
/// chosen, what the property is for.
wxString riskFactorsHelp(const model::Catalogue&, const std::vector<std::string>& chosen);

/// Set the help text of property `name`, and refresh the description box now if
/// that property is the selected one (the box otherwise updates only on selection).
void showPropertyHelp(wxPropertyGrid&, const wxString& name, const wxString& help);

}  // namespace traza::gui
