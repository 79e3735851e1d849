// The interface language, as a user meets it: the real main window started by
// ctest with LANG=es_ES.UTF-8 (Spanish, with no es_* C locale generated on the
// machine) or LANG=C.UTF-8 (English), the CARE sample analysed, and the help
// window of Help > User guide. Screenshots (en, es) go to $TRAZA_SCREENSHOT_DIR.
// Each case is registered with its own environment in tests/gui/CMakeLists.txt.
#include <catch2/catch.hpp>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/stattext.h>

#include <cstdlib>

#include "analysis_panel.h"
#include "analysis_runner.h"
#include "command_ids.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "gui_test_support.h"
#include "help_window.h"
#include "labels.h"
#include "chain_canvas.h"
#include "main_frame.h"
#include "table_view.h"
#include "ui_driver.h"

using namespace traza;
using namespace traza::gui;
using namespace traza::gui::test;

namespace {

// The main window on the CARE sample with its analysis shown; errors collected.
struct SampleFrame {
    MainFrame* frame = nullptr;
    std::vector<wxString> errors;
    SampleFrame() {
        setErrorSink([this](const wxString& t, const wxString& m) { errors.push_back(t + ": " + m); });
        frame = new MainFrame;
        frame->files().setUnattended(true);
        frame->SetSize(0, 0, 1600, 1000);
        frame->Show();
        pump(300);
        REQUIRE(frame->files().openPath(model::dataDirectory() / "samples" / "care-pilot-2025.json"));
        REQUIRE(waitUntil([&] { return frame->analysis() && !frame->analysisRunner().busy(); }));
        pump(300);
    }
    ~SampleFrame() {
        frame->Destroy();
        pump(100);
        setErrorSink({});
    }
    wxString menu(int i) const { return frame->GetMenuBar()->GetMenuLabel(i); }
    // The one-line summary above the analysis tables.
    wxString summary() const {
        for (wxWindow* w : frame->analysisPanel()->GetChildren())
            if (auto* t = dynamic_cast<wxStaticText*>(w)) return t->GetLabel();
        return {};
    }
    HelpFrame* openUserGuide() {
        frame->ProcessCommand(ids::UserGuide);  // as the menu item (and F1) does
        auto* help = dynamic_cast<HelpFrame*>(wxWindow::FindWindowByName("traza-help", frame));
        if (help) waitUntil([&] { return help->IsShownOnScreen(); }, 3000);
        pump(300);
        return help;
    }
};

}  // namespace

TEST_CASE("I18n - with LANG=es_ES the window, the analysis and the undo labels are in Spanish", "[gui][i18n]") {
    REQUIRE(uiLanguage() == "es");
    SampleFrame s;
    // The menu bar and the Edit menu's own items.
    CHECK(s.menu(0) == "&Archivo");
    CHECK(s.menu(1) == "&Editar");
    CHECK(s.menu(2) == "&Ver");
    CHECK(s.menu(3) == "&Cadena");
    CHECK(s.frame->GetMenuBar()->GetLabel(wxID_PREFERENCES).StartsWith("&Preferencias"));
    CHECK(s.frame->GetMenuBar()->GetLabel(ids::UserGuide).StartsWith("&Guía del usuario"));
    // The analysis: GUI words (summary, column titles) and the risk module's sentences.
    CHECK(s.summary().Contains("llegan a 1 destino"));
    CHECK(s.summary().Contains("puntos de control"));
    CHECK(s.frame->analysisPanel()->statementText().StartsWith("Esta declaración cubre las 225,2 t recibidas por"));
    auto* book = dynamic_cast<wxNotebook*>(s.frame->analysisPanel()->chokePoints()->GetParent());
    REQUIRE(book);
    CHECK(book->GetPageText(0) == "Puntos de control");
    CHECK(book->GetPageText(2) == wxString::FromUTF8("Qué documentar después"));
    CHECK(book->GetPageText(3) == "Señales de alerta");
    // A model command label, translated in the Undo item ("Layout chain" -> "Ordenar la
    // cadena"); the first layout is part of opening, so the user's own Layout is the step.
    CHECK(wxStripMenuCodes(s.frame->GetMenuBar()->GetLabel(wxID_UNDO)) == "Deshacer");
    s.frame->canvas()->layoutChain();
    CHECK(s.frame->GetMenuBar()->GetLabel(wxID_UNDO).StartsWith("&Deshacer: Ordenar la cadena"));
    CHECK(kindLabel(model::ActorKind::PickerOrganisation) == "Organización de recicladores");
    CHECK(formatTonnes(12.5).EndsWith(" t"));

    const fs::path png = screenshotDir() / "i18n-workbench-es.png";
    fs::remove(png);
    REQUIRE(screenshot(s.frame->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);
    CHECK(s.errors.empty());
}

TEST_CASE("I18n - without a Spanish locale the window starts in English", "[gui][i18n]") {
    REQUIRE(uiLanguage() == "en");
    SampleFrame s;
    CHECK(s.menu(0) == "&File");
    CHECK(s.menu(1) == "&Edit");
    CHECK(s.menu(4) == "&Help");
    CHECK(s.summary().Contains("reach 1 destination"));
    CHECK(s.frame->analysisPanel()->statementText().StartsWith("This statement covers the 225.2 t received by"));
    // The first layout is part of opening: no undo step the user never made.
    CHECK(wxStripMenuCodes(s.frame->GetMenuBar()->GetLabel(wxID_UNDO)) == "Undo");
    const fs::path png = screenshotDir() / "i18n-workbench-en.png";
    fs::remove(png);
    REQUIRE(screenshot(s.frame->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);
    CHECK(s.errors.empty());
}

TEST_CASE("Help - Help > User guide opens the guide and Help > Methodology reuses its window", "[gui][help]") {
    SampleFrame s;
    HelpFrame* help = s.openUserGuide();
    REQUIRE(help);
    CHECK(help->IsShown());
    CHECK(help->documentName() == "user-guide");
    CHECK(help->GetTitle() == "User guide — Traza help");
    const wxString text = help->text();
    CHECK(text.StartsWith("Traza user guide"));  // the guide's first heading
    CHECK(text.Contains("Excel"));
    CHECK_FALSE(text.Contains("not yet translated"));
    help->SetSize(1000, 0, 600, 1000);
    pump(500);
    const fs::path png = screenshotDir() / "help-user-guide.png";
    fs::remove(png);
    REQUIRE(screenshot(help->GetScreenRect(), png));
    CHECK(fs::file_size(png) > 20000);

    // The same window is reused for the methodology.
    s.frame->ProcessCommand(ids::Methodology);
    pump(200);
    CHECK(wxWindow::FindWindowByName("traza-help", s.frame) == help);
    CHECK(help->documentName() == "methodology");
    CHECK(help->text().StartsWith("How Traza analyses a chain"));
    CHECK(s.errors.empty());
}

TEST_CASE("Help - a Spanish reader gets the Spanish guide, and the English methodology with a note saying so",
          "[gui][help][i18n]") {
    REQUIRE(uiLanguage() == "es");
    SampleFrame s;
    HelpFrame* help = s.openUserGuide();
    REQUIRE(help);
    CHECK(help->GetTitle() == "Guía del usuario — Ayuda de Traza");
    CHECK(help->text().StartsWith("Guía del usuario de Traza"));  // docs/user-guide.es.md
    CHECK_FALSE(help->text().Contains("no está traducido"));

    s.frame->ProcessCommand(ids::Methodology);  // docs/methodology.md has no Spanish version
    pump(200);
    CHECK(help->GetTitle() == "Metodología — Ayuda de Traza");
    const wxString text = help->text();
    CHECK(text.StartsWith("Este documento aún no está traducido a su idioma; se muestra la versión en inglés."));
    CHECK(text.Contains("How Traza analyses a chain"));
    CHECK(s.errors.empty());
}
