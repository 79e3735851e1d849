#pragma once
// The undo label of a change to one field of an actor or a flow, naming both
// ("tonnes of Organisation 1 → Exporter A"), so that Edit > Undo says what it
// takes back. Made in the interface language when the edit is made.
#include <wx/string.h>

#include <string>

#include "project.h"
#include "selection.h"

namespace traza::gui {

/// `field` as the user sees it ("Tonnes"); the item as it is before the edit.
std::string fieldEditLabel(const wxString& field, const model::Project&, const ItemRef&);
/// The same for a delivery record: "date of record r12".
std::string recordEditLabel(const wxString& field, const std::string& recordId);

}  // namespace traza::gui
