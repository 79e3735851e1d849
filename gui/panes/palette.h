#pragma once
// The palette: one tool per actor kind (its glyph and name) that adds an actor
// of that kind at the centre of the canvas, plus layout and zoom tools.
#include <wx/aui/auibar.h>

namespace traza::gui {

/// Tool ids are ids::AddActorFirst + kind, ids::LayoutChain, ids::FitWindow, ...
wxAuiToolBar* createPalette(wxWindow* parent);

}  // namespace traza::gui
