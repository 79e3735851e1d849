#pragma once
// The wxApp of `traza [PROJECT.traza|CHAIN.json]`.
#include <wx/app.h>

#include <filesystem>

namespace traza::gui {

/// What every process showing Traza windows sets up (the app and the GUI
/// tests): names, XDG file layout for config and autosaves, the UI locale and
/// translations, image handlers.
void setUpApplication(wxApp&);
/// The message catalogues in the language of the preferences (Automatic: the
/// environment's). Called by setUpApplication; the language is fixed for the
/// process after the first window asked uiLanguage().
void setUpTranslations();
/// The counterpart, from OnExit: writes the settings.
void tearDownApplication();

class TrazaApp : public wxApp {
public:
    bool OnInit() override;
    int OnExit() override;
    /// A library error that escaped a handler is shown (showError) and the
    /// window stays open: the document in memory is still intact.
    bool OnExceptionInMainLoop() override;
    void OnInitCmdLine(wxCmdLineParser&) override;
    bool OnCmdLineParsed(wxCmdLineParser&) override;

private:
    std::filesystem::path m_file;
};

}  // namespace traza::gui
