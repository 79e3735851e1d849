#include "ui_driver.h"

#include <wx/app.h>
#include <wx/utils.h>

#include <string>

namespace traza::gui::test {

void pump(int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    do {
        wxTheApp->Yield(true);
        wxMilliSleep(5);
    } while (std::chrono::steady_clock::now() < end);
    wxTheApp->Yield(true);
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!done()) {
        if (std::chrono::steady_clock::now() > end) return false;
        pump(20);
    }
    return true;
}

void UiDriver::moveTo(const wxPoint& p) {
    m_sim.MouseMove(p);
    pump(60);
}

void UiDriver::click(const wxPoint& p) {
    moveTo(p);
    m_sim.MouseDown();
    pump(40);
    m_sim.MouseUp();
    pump(150);
}

void UiDriver::doubleClick(const wxPoint& p) {
    moveTo(p);
    m_sim.MouseDblClick();
    pump(200);
}

void UiDriver::drag(const wxPoint& from, const wxPoint& to, int steps) {
    moveTo(from);
    m_sim.MouseDown();
    pump(60);
    for (int i = 1; i <= steps; ++i) {
        m_sim.MouseMove(from.x + (to.x - from.x) * i / steps, from.y + (to.y - from.y) * i / steps);
        pump(25);
    }
    pump(60);
    m_sim.MouseUp();
    pump(200);
}

void UiDriver::key(int keycode, int modifiers) {
    m_sim.Char(keycode, modifiers);
    pump(120);
}

void UiDriver::type(const char* text) {
    m_sim.Text(text);
    pump(120);
}

bool screenshot(const wxRect& r, const std::filesystem::path& png) {
    const std::string geometry = std::to_string(r.width) + "x" + std::to_string(r.height) + "+" + std::to_string(r.x) + "+" +
                                 std::to_string(r.y);
    const std::string target = png.string();
    const char* argv[] = {"import", "-window", "root", "-crop", geometry.c_str(), "+repage", target.c_str(), nullptr};
    // Park the pointer in the screen's bottom-right corner: no hover marks or tooltips.
    wxUIActionSimulator().MouseMove(r.GetRight() - 2, r.GetBottom() - 2);
    pump(300);  // let pending paints reach the X server
    return wxExecute(argv, wxEXEC_SYNC | wxEXEC_NODISABLE) == 0;
}

}  // namespace traza::gui::test
