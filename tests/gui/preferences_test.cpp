// Edit > Preferences: the language choice is stored in the config file and the
// next start of the program uses it. The two halves are two processes (two
// ctest cases sharing a HOME, the second requiring the first), so "the next
// start" is a real one: setUpApplication reads the config before any window.
#include <catch2/catch.hpp>
#include <wx/choice.h>
#include <wx/config.h>
#include <wx/menu.h>
#include <wx/stdpaths.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "app.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "labels.h"
#include "main_frame.h"
#include "preferences.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

std::string configFileText() {
    const fs::path file = toUtf8(wxStandardPaths::Get().GetUserConfigDir()) + "/traza/traza.conf";
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

MainFrame* showFrame() {
    auto* f = new MainFrame;
    f->files().setUnattended(true);
    f->SetSize(0, 0, 1400, 900);
    f->Show();
    pump(300);
    return f;
}

}  // namespace

TEST_CASE("Preferences - choosing Español is stored and the status bar says it applies at the next start",
          "[gui][preferences]") {
    // Whatever an earlier run left in the config, start from Automatic under LANG=C.UTF-8
    // (before anything asks uiLanguage(), which is fixed for the process once asked).
    setLanguagePreference(LanguageChoice::Automatic);
    setUpTranslations();
    REQUIRE(uiLanguage() == "en");
    MainFrame* f = showFrame();
    CHECK(f->GetMenuBar()->GetMenuLabel(0) == "&File");

    // Edit > Preferences… opens the modal dialog; while it runs, pick Español and press OK.
    bool sawDialog = false;
    wxString shownChoice;
    f->CallAfter([&] {
        auto* dialog = dynamic_cast<PreferencesDialog*>(wxWindow::FindWindowByName("traza-preferences"));
        if (!dialog) return;
        sawDialog = true;
        auto* choice = dynamic_cast<wxChoice*>(wxWindow::FindWindowByName("language-choice", dialog));
        shownChoice = choice->GetStringSelection();
        choice->SetSelection(2);
        pump(400);  // painted before the picture
        const char* dir = std::getenv("TRAZA_SCREENSHOT_DIR");
        screenshot(dialog->GetScreenRect(), (dir ? fs::path(dir) : fs::temp_directory_path()) / "preferences-dialog.png");
        wxCommandEvent ok(wxEVT_BUTTON, wxID_OK);
        ok.SetEventObject(dialog->FindWindow(wxID_OK));
        dialog->FindWindow(wxID_OK)->ProcessWindowEvent(ok);
    });
    f->ProcessCommand(wxID_PREFERENCES);
    REQUIRE(sawDialog);
    CHECK(shownChoice == "Automatic (system language)");
    CHECK(languagePreference() == LanguageChoice::Spanish);
    CHECK(configFileText().find("Language=es") != std::string::npos);  // flushed at once, not at exit
    CHECK(f->GetStatusBar()->GetStatusText(0) == "The new language is used the next time you start Traza.");
    // This process keeps its language: no half-translated window.
    CHECK(f->GetMenuBar()->GetMenuLabel(0) == "&File");
    f->Destroy();
    pump(100);
}

TEST_CASE("Preferences - the next start uses the stored language, and English overrides a Spanish system",
          "[gui][preferences]") {
    // Started after the case above, with LANG=C.UTF-8: only the stored choice can make it Spanish.
    REQUIRE(languagePreference() == LanguageChoice::Spanish);
    CHECK(uiLanguage() == "es");
    MainFrame* f = showFrame();
    CHECK(f->GetMenuBar()->GetMenuLabel(0) == "&Archivo");
    CHECK(f->GetMenuBar()->GetMenuLabel(4) == "A&yuda");
    f->Destroy();
    pump(100);

    // English beats the environment: with LANG=es_ES the catalogue is still not used.
    wxSetEnv("LANG", "es_ES.UTF-8");
    setLanguagePreference(LanguageChoice::English);
    setUpTranslations();
    CHECK(wxGetTranslation("&File") == "&File");
    // ...and Automatic follows LANG again.
    setLanguagePreference(LanguageChoice::Automatic);
    setUpTranslations();
    CHECK(wxGetTranslation("&File") == "&Archivo");
}
