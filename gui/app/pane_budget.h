#pragma once
// The panes below the canvas (analysis, due diligence, tables) each open at the
// height they ask for. Shown together at 1600×1000 they left the canvas a strip
// about 270 px tall, the part of the window the user came for. When one of them
// is shown, the bottom rows are scaled down together to at most a share of the
// window, never below a pane's minimum; heights the user drags later are kept.
class wxAuiManager;

namespace traza::gui {

/// The share of the managed window's height the bottom rows may take together.
constexpr double kBottomRowsShare = 0.5;

/// Scales the shown bottom rows of `aui` so that together they take at most
/// `share` of `clientHeight`, then updates the layout. Returns true when it
/// changed a height.
bool fitBottomRows(wxAuiManager& aui, int clientHeight, double share = kBottomRowsShare);

}  // namespace traza::gui
