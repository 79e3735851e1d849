#include "preferences.h"

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/intl.h>
#include <wx/frame.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace traza::gui {
namespace {

constexpr const char* kLanguageKey = "/Interface/Language";
// Stored values, in LanguageChoice order.
const char* const kLanguageCodes[] = {"auto", "en", "es"};

}  // namespace

LanguageChoice languagePreference() {
    wxConfigBase* config = wxConfigBase::Get();
    const wxString code = config ? config->Read(kLanguageKey, "auto") : wxString("auto");
    if (code == "en") return LanguageChoice::English;
    if (code == "es") return LanguageChoice::Spanish;
    return LanguageChoice::Automatic;
}

void setLanguagePreference(LanguageChoice choice) {
    wxConfigBase* config = wxConfigBase::Get();
    if (!config) return;
    config->Write(kLanguageKey, kLanguageCodes[static_cast<int>(choice)]);
    config->Flush();  // a crash before exit must not lose the choice
}

PreferencesDialog::PreferencesDialog(wxWindow* parent)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE) {
    SetName("traza-preferences");
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->Add(new wxStaticText(this, wxID_ANY, _("Interface &language:")), 0, wxALIGN_CENTER_VERTICAL);
    // Each language is named in itself, so a user who cannot read the current one still finds theirs.
    const wxString names[] = {_("Automatic (system language)"), "English", "Español"};
    m_language = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, names);
    m_language->SetName("language-choice");
    grid->Add(m_language, 1, wxEXPAND);

    auto* note = new wxStaticText(this, wxID_ANY,
                                  _("The language also applies to the analysis texts and the Excel report. "
                                    "Traza uses the new language the next time it starts."));
    note->Wrap(FromDIP(380));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(note, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    chooseLanguage(languagePreference());
}

LanguageChoice PreferencesDialog::chosenLanguage() const {
    const int i = m_language->GetSelection();
    return i == 1 ? LanguageChoice::English : i == 2 ? LanguageChoice::Spanish : LanguageChoice::Automatic;
}

void PreferencesDialog::chooseLanguage(LanguageChoice choice) { m_language->SetSelection(static_cast<int>(choice)); }

bool PreferencesDialog::apply() {
    const bool changed = chosenLanguage() != languagePreference();
    setLanguagePreference(chosenLanguage());
    return changed;
}

bool editPreferences(wxFrame* frame) {
    PreferencesDialog dialog(frame);
    if (dialog.ShowModal() != wxID_OK) return false;
    // The dialog already said a new language needs a restart; the status bar repeats
    // it where it stays visible (a second modal box would only be clicked away).
    if (dialog.apply() && frame->GetStatusBar())
        frame->SetStatusText(_("The new language is used the next time you start Traza."), 0);
    return true;
}

}  // namespace traza::gui
