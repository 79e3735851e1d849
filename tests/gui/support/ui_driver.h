#pragma once
// Drives real windows the way a user does: the mouse and keyboard through
// wxUIActionSimulator (XTest under Xvfb), with the event loop pumped until
// the application has reacted. Also takes screenshots of the screen.
#include <wx/uiaction.h>
#include <wx/window.h>

#include <chrono>
#include <filesystem>
#include <functional>

namespace traza::gui::test {

/// Let the event loop run for `ms` milliseconds.
void pump(int ms);
/// Pump until `done()` or `timeoutMs` passed; returns done().
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000);

class UiDriver {
public:
    /// Screen position of a client-area point of `w`.
    static wxPoint onScreen(const wxWindow* w, const wxPoint& client) { return w->ClientToScreen(client); }

    void moveTo(const wxPoint& screen);
    void click(const wxPoint& screen);
    void doubleClick(const wxPoint& screen);
    /// Press at `from`, move in `steps` steps, release at `to` (a real drag, with motion events).
    void drag(const wxPoint& from, const wxPoint& to, int steps = 12);
    void key(int keycode, int modifiers = wxMOD_NONE);
    void type(const char* text);

private:
    wxUIActionSimulator m_sim;
};

/// Save what the screen shows inside `rect` (screen coordinates) as a PNG.
/// Uses ImageMagick's `import -window root` and crops. Returns false on failure.
bool screenshot(const wxRect& rect, const std::filesystem::path& png);

}  // namespace traza::gui::test
