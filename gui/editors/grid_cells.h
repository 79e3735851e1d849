#pragma once
// Refreshing an editor's grid from the model without disturbing it.
#include <wx/grid.h>

namespace traza::gui {

/// Sets a cell only when its text differs: setting it repaints the cell and
/// would close an editor the user has open in it.
inline void setCellIfChanged(wxGrid* g, int row, int col, const wxString& text) {
    if (g->GetCellValue(row, col) != text) g->SetCellValue(row, col, text);
}

}  // namespace traza::gui
