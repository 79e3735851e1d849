#pragma once
// The menu bar of the main frame (File, Edit, View, Chain, Help). Handlers live
// in MainFrame; this only lays the menus out.
class wxMenuBar;
class wxFileHistory;

namespace traza::gui {

/// Builds the menus; the "Open recent" submenu is attached to `history`.
wxMenuBar* createMenuBar(wxFileHistory& history);

}  // namespace traza::gui
