#pragma once
// Small vector icons for actor kinds, drawn with wxGraphicsPath (no image files):
// a person for waste pickers, a station for organisations, arrows for
// intermediaries, a ship for exporters, a furnace for refiners, a can for
// manufacturers, a tag for brands, a diamond for other actors.
#include <wx/bitmap.h>
#include <wx/colour.h>

#include "enums.h"

class wxGraphicsContext;

namespace traza::gui {

/// Draw the glyph of `kind` in the square (x, y, size) in the current transform.
void drawKindGlyph(wxGraphicsContext&, model::ActorKind kind, double x, double y, double size, const wxColour&);

/// The glyph as a transparent bitmap of px × px (toolbar, outline).
wxBitmap kindBitmap(model::ActorKind kind, int px);

}  // namespace traza::gui
