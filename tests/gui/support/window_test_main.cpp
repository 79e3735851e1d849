// Main of gui_window_tests: a wxApp that runs the Catch2 session from inside
// its event loop, so tests can create the real frame, send input through
// wxUIActionSimulator and let the loop deliver it (wxYield).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/log.h>

#include <dlfcn.h>

#include "app.h"
#include "gtk_warnings.h"

namespace {

int g_gtkWarnings = 0;

// GLib's log functions, found in the process (wx's GTK port loaded GLib): the
// tests build without GLib's headers, which Debian's wx packages do not pull in.
using LogFunc = void (*)(const char* domain, int level, const char* message, void* data);
using SetHandler = unsigned (*)(const char* domain, int levels, LogFunc, void* data);
constexpr int kLevelCritical = 1 << 3, kLevelWarning = 1 << 4;  // G_LOG_LEVEL_CRITICAL, G_LOG_LEVEL_WARNING
LogFunc g_defaultHandler = nullptr;

// GTK's criticals and warnings are counted (a test may require none) and still printed.
void countGtkWarning(const char* domain, int level, const char* message, void* data) {
    ++g_gtkWarnings;
    if (g_defaultHandler) g_defaultHandler(domain, level, message, data);
}

void countGtkWarnings() {
    auto set = reinterpret_cast<SetHandler>(dlsym(RTLD_DEFAULT, "g_log_set_handler"));
    g_defaultHandler = reinterpret_cast<LogFunc>(dlsym(RTLD_DEFAULT, "g_log_default_handler"));
    if (set) set("Gtk", kLevelCritical | kLevelWarning, countGtkWarning, nullptr);
}

int g_argc = 0;
char** g_argv = nullptr;

class TestApp : public wxApp {
public:
    bool OnInit() override {
        countGtkWarnings();
        traza::gui::setUpApplication(*this);  // same names, locale and config layout as traza
        // Log messages to stderr: a log dialog would block the tests.
        delete wxLog::SetActiveTarget(new wxLogStderr);
        CallAfter([this] {
            m_result = Catch::Session().run(g_argc, g_argv);
            ExitMainLoop();
        });
        return true;
    }
    int OnExit() override {
        traza::gui::tearDownApplication();
        return wxApp::OnExit();
    }
    int OnRun() override {
        wxApp::OnRun();
        return m_result;
    }
    // Keep running while test frames come and go.
    bool IsActive() const { return true; }

private:
    int m_result = 1;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(TestApp);

int main(int argc, char** argv) {
    g_argc = argc;
    g_argv = argv;
    // Catch's options are not wx's: give wx only the program name.
    int wxArgc = 1;
    return wxEntry(wxArgc, argv);
}

int traza::gui::test::gtkWarnings() { return g_gtkWarnings; }
