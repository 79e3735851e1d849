// Main of gui_window_tests: a wxApp that runs the Catch2 session from inside
// its event loop, so tests can create the real frame, send input through
// wxUIActionSimulator and let the loop deliver it (wxYield).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <wx/app.h>
#include <wx/log.h>

#include "app.h"

namespace {

int g_argc = 0;
char** g_argv = nullptr;

class TestApp : public wxApp {
public:
    bool OnInit() override {
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
