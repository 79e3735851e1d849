#pragma once
// The editor of one catalogue entry (Edit > Catalogues… > Add… / Edit…): one
// labelled control per field of catalogue_entry_fields.h. OK asks `check`
// about the entry and stays open, saying why, while the answer is a problem.
#include <wx/dialog.h>

#include <functional>
#include <string>
#include <vector>

#include "catalogue_entry_fields.h"

class wxStaticText;

namespace traza::gui {

class CatalogueEntryDialog : public wxDialog {
public:
    /// "" when the entry is acceptable, else the reason shown in the dialog.
    using Check = std::function<std::string(const nlohmann::ordered_json&)>;

    CatalogueEntryDialog(wxWindow* parent, const wxString& title, std::vector<EntryField> fields, Check check);

    /// The entry as accepted by OK.
    const nlohmann::ordered_json& entry() const { return m_entry; }
    /// The control of field `key` (a wxTextCtrl, or a wxCheckBox for a flag); named "entry-field-<key>".
    wxWindow* control(const std::string& key) const;
    /// Reads the controls and checks them; on a problem shows it and returns false.
    bool accept();
    /// The problem shown, if any.
    wxString problem() const;

private:
    std::vector<EntryField> m_fields;
    std::vector<wxWindow*> m_controls;
    Check m_check;
    wxStaticText* m_problem = nullptr;
    nlohmann::ordered_json m_entry;
};

}  // namespace traza::gui
