#include "app.h"

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/fileconf.h>
#include <wx/filename.h>
#include <wx/image.h>
#include <wx/stdpaths.h>
#include <wx/translation.h>
#include <wx/uilocale.h>

#include <clocale>
#include <cstring>
#include <vector>

#include "catalogue.h"
#include "early_read.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "labels.h"
#include "main_frame.h"
#include "preferences.h"

namespace traza::gui {
namespace {

// Where traza.mo is looked for. A binary inside the build tree reads the
// catalogues msgfmt compiled there (never a stale installed copy); an installed
// one reads share/locale beside its bin/ folder (a relocated package), then the
// configured prefix. wx adds the system folders (/usr/share/locale) after these.
std::vector<wxString> catalogLookupPrefixes() {
    const wxString exe = wxStandardPaths::Get().GetExecutablePath();
    const wxString buildDir = TRAZA_BUILD_DIR;
    if (exe.StartsWith(buildDir + "/")) return {TRAZA_BUILD_LOCALEDIR};
    wxFileName besideBin(wxFileName(exe).GetPath() + "/../share/locale", wxString());
    besideBin.Normalize(wxPATH_NORM_DOTS | wxPATH_NORM_ABSOLUTE);
    return {besideBin.GetPath(), TRAZA_INSTALL_LOCALEDIR};
}

}  // namespace

void setUpApplication(wxApp& app) {
    app.SetAppName("traza");
    app.SetAppDisplayName("Traza");
    app.SetVendorName("Traza");
    wxStandardPaths::Get().SetFileLayout(wxStandardPaths::FileLayout_XDG);
    // Settings (recent files, pane layout) in $XDG_CONFIG_HOME/traza/traza.conf;
    // the folder is created first, or wxFileConfig fails to flush at exit.
    const wxFileName configFile(wxStandardPaths::Get().GetUserConfigDir() + "/traza", "traza.conf");
    wxFileName::Mkdir(configFile.GetPath(), wxS_DIR_DEFAULT, wxPATH_MKDIR_FULL);
    delete wxConfigBase::Set(new wxFileConfig("traza", wxString(), configFile.GetFullPath(), wxString(), wxCONFIG_USE_LOCAL_FILE));
    wxUILocale::UseDefault();
    // wx converts the UI's UTF-8 string literals with the C library's character
    // set. Where the user's locale is not generated (LANG=es_CO.UTF-8 on a machine
    // without it) the C library falls back to ASCII and "Open…" or "Añadir" would
    // come out empty: keep the character set UTF-8 whatever the locale.
    const char* ctype = std::setlocale(LC_CTYPE, nullptr);
    if (!ctype || !(std::strstr(ctype, "UTF-8") || std::strstr(ctype, "utf8"))) std::setlocale(LC_CTYPE, "C.UTF-8");
    // Numbers in the interface follow the user's locale through wxUILocale
    // (wxNumberFormatter, the property grid); the C libraries underneath
    // (Graphviz, SQLite, printf in the model) keep reading and writing "0.5".
    std::setlocale(LC_NUMERIC, "C");
    setUpTranslations();
    wxInitAllImageHandlers();
}

void setUpTranslations() {
    for (const wxString& prefix : catalogLookupPrefixes()) wxFileTranslationsLoader::AddCatalogLookupPathPrefix(prefix);
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);  // owns it; replaces (and deletes) an earlier one
    // wxTranslations picks the catalogue from the environment (LANGUAGE, LC_ALL,
    // LC_MESSAGES, LANG), so Spanish works even where no es_* C locale is generated.
    switch (languagePreference()) {
    case LanguageChoice::English: translations->SetLanguage(wxLANGUAGE_ENGLISH_US); break;
    case LanguageChoice::Spanish: translations->SetLanguage(wxLANGUAGE_SPANISH); break;
    case LanguageChoice::Automatic: translations->SetLanguage(wxLANGUAGE_DEFAULT); break;
    }
    translations->AddStdCatalog();
    translations->AddCatalog("traza");
}

void TrazaApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddSwitch("", "version", _("print \"traza <version>\" and exit"));
    parser.AddParam(_("PROJECT.traza or CHAIN.json"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
}

bool TrazaApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    if (!wxApp::OnCmdLineParsed(parser)) return false;
    if (parser.GetParamCount() > 0) m_file = std::filesystem::path(toUtf8(parser.GetParam(0)));
    return true;
}

void tearDownApplication() {
    // Write the settings while the app still exists (errors can still be shown).
    delete wxConfigBase::Set(nullptr);
}

int TrazaApp::OnExit() {
    tearDownApplication();
    return wxApp::OnExit();
}

bool TrazaApp::OnExceptionInMainLoop() {
    try {
        throw;
    } catch (const std::exception& e) {
        showError(GetTopWindow(), e);
        return true;
    }
}

bool TrazaApp::OnInit() {
    setUpApplication(*this);
    if (!wxApp::OnInit()) return false;  // parses the command line
    MainFrame* frame = nullptr;
    try {
        frame = new MainFrame;
    } catch (const std::exception& e) {  // e.g. no catalogue installed
        showError(nullptr, e);
        return false;
    }
    frame->Show();
    SetTopWindow(frame);
    // Read the file while GTK paints the window (the open below runs after that).
    if (!m_file.empty()) frame->files().adoptEarlyRead(std::make_unique<EarlyRead>(std::filesystem::absolute(m_file)));
    const std::filesystem::path file = m_file;
    CallAfter([frame, file] {
        if (!file.empty()) frame->files().openPath(std::filesystem::absolute(file));
        else frame->offerFirstRun();
    });
    return true;
}

}  // namespace traza::gui
