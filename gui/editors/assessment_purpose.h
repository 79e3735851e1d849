#pragma once
// The assessment's purpose as a person reads it. The project keeps a code for
// the purposes Traza knows ("chain_map", "supplier_assessment", as the CARE
// sample and the generator write them) and free text for any other; the
// Properties pane shows a known code as its label in the interface language
// and turns a typed label back into its code.
#include <wx/string.h>

#include <string>

namespace traza::gui {

/// The label of a known purpose code, or the stored text itself.
wxString purposeLabel(const std::string& stored);
/// The code of a typed label (in this language or English), or the text itself.
std::string purposeToStore(const wxString& typed);

}  // namespace traza::gui
