#pragma once
// The document types of the project's catalogue as table cells show and take
// them: the name in the interface language, and, typed, that name, the English
// one or the id ("electronic_invoice"), ignoring case. Shared by the Flows and
// Records tables.
#include <wx/string.h>

#include <string>
#include <vector>

#include "catalogue.h"

namespace traza::gui {

class DocumentTypeNames {
public:
    void prepare(const model::Catalogue&);
    /// The name shown for `id`; the id itself when the catalogue lacks it.
    wxString text(const std::string& id) const;
    /// The id `typed` names. Throws InvalidInput(key, …) when it names none.
    std::string idOf(const wxString& typed, const std::string& key) const;

private:
    std::vector<std::string> m_ids;
    std::vector<wxString> m_names;  ///< in the interface language
    std::vector<std::string> m_english;
};

}  // namespace traza::gui
