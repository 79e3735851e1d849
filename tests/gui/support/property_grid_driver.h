#pragma once
// Where a user clicks to edit a property of the Properties pane: the screen
// point of its value cell, scrolled into view first. Shared by the window tests.
#include <catch2/catch.hpp>
#include <wx/propgrid/propgrid.h>

#include "ui_driver.h"

namespace traza::gui::test {

/// `dx` pixels right of the splitter, in the middle of the property's row.
inline wxPoint valueCell(wxPropertyGrid* g, const wxString& name, int dx = 30) {
    wxPGProperty* p = g->GetPropertyByName(name);
    REQUIRE(p);
    g->EnsureVisible(p);
    pump(100);
    const wxRect r = g->GetPropertyRect(p, p);
    return g->ClientToScreen(g->CalcScrolledPosition(wxPoint(g->GetSplitterPosition() + dx, r.y + r.height / 2)));
}

}  // namespace traza::gui::test
