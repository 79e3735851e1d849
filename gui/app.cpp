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

#include "catalogue.h"
#include "error_dialog.h"
#include "file_controller.h"
#include "labels.h"
#include "main_frame.h"

namespace traza::gui {

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
    // Numbers in the interface follow the user's locale through wxUILocale
    // (wxNumberFormatter, the property grid); the C libraries underneath
    // (Graphviz, SQLite, printf in the model) keep reading and writing "0.5".
    std::setlocale(LC_NUMERIC, "C");
    // Message catalogues (traza.mo) are installed under the data directory's locale/.
    auto* translations = new wxTranslations;
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(toWx((model::dataDirectory() / "locale").string()));
    wxTranslations::Set(translations);
    translations->SetLanguage(wxLANGUAGE_DEFAULT);
    translations->AddStdCatalog();
    translations->AddCatalog("traza");
    wxInitAllImageHandlers();
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
    const std::filesystem::path file = m_file;
    CallAfter([frame, file] {
        if (!file.empty()) frame->files().openPath(std::filesystem::absolute(file));
        else frame->offerFirstRun();
    });
    return true;
}

}  // namespace traza::gui
