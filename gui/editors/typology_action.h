#pragma once
// Chain > Set typology of outgoing flows…: a dialog lists the catalogue's
// typologies with the explanation of the highlighted one, and the choice goes
// to every flow leaving the selected actors as one undo step (bulk_typology.h).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "document.h"
#include "selection.h"

class wxWindow;

namespace traza::gui {

/// Ask and apply. Returns how many flows changed (0 when cancelled, nothing
/// selected or nothing to change; the status says which). Errors are shown.
std::size_t setOutgoingTypologyWithDialog(wxWindow* parent, Document&, const Selection&);

/// Tests: answer instead of the dialog. Gets the actor ids; returns the typology
/// id ("" = not set) or std::nullopt for Cancel. An empty function restores the dialog.
using TypologyChooser = std::function<std::optional<std::string>(const std::vector<std::string>& actorIds)>;
void setTypologyChooser(TypologyChooser);

}  // namespace traza::gui
