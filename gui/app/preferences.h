#pragma once
// The user's preferences (wxConfig) and the Edit > Preferences dialog.
// Today one setting: the interface language (Automatic / English / Español).
// The language is applied when Traza starts (setUpApplication reads it), so the
// dialog says so instead of half-translating an open window.
#include <wx/dialog.h>

class wxChoice;
class wxFrame;

namespace traza::gui {

enum class LanguageChoice { Automatic, English, Spanish };

/// The stored choice; Automatic when nothing (or something unknown) is stored.
LanguageChoice languagePreference();
/// Stores the choice in the application's wxConfig ("/Interface/Language": auto, en, es) and flushes it.
void setLanguagePreference(LanguageChoice);

/// Edit > Preferences. OK stores the choices; Cancel changes nothing.
class PreferencesDialog : public wxDialog {
public:
    explicit PreferencesDialog(wxWindow* parent);

    /// The language chosen in the dialog (not yet stored).
    LanguageChoice chosenLanguage() const;
    void chooseLanguage(LanguageChoice);
    /// Stores what the dialog shows. Returns true when the language changed,
    /// i.e. a restart is needed to see it.
    bool apply();

private:
    wxChoice* m_language = nullptr;
};

/// Shows the dialog modally, stores on OK and, when the language changed,
/// repeats in the frame's status bar that it applies at the next start.
/// Returns true when stored.
bool editPreferences(wxFrame* frame);

}  // namespace traza::gui
