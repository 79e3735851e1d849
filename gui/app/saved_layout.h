#pragma once
// The pane layout a user left (wxAUI's perspective string, kept in the config
// file) carries the pane captions and the toolbar's size as they were when it
// was saved. Loaded after a change of language, the captions stayed English and
// the palette kept the width of its English labels, so the longer Spanish ones
// pushed Layout and Fit off its end. Loading through here keeps the user's
// arrangement but this run's captions and the palette's present size.
#include <wx/string.h>

class wxAuiManager;

namespace traza::gui {

/// Applies `perspective` to `aui` (without updating), then gives every pane back
/// the caption it was created with and every toolbar pane the size it needs now.
void loadSavedLayout(wxAuiManager& aui, const wxString& perspective);

}  // namespace traza::gui
