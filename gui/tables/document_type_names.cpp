#include "document_type_names.h"

#include <algorithm>

#include "error.h"
#include "labels.h"

namespace traza::gui {

void DocumentTypeNames::prepare(const model::Catalogue& catalogue) {
    m_ids.clear();
    m_names.clear();
    m_english.clear();
    for (const model::DocumentType& d : catalogue.documentTypes) {
        m_ids.push_back(d.id);
        m_names.push_back(localText(d.name));
        m_english.push_back(d.name.in("en"));
    }
}

wxString DocumentTypeNames::text(const std::string& id) const {
    const auto it = std::find(m_ids.begin(), m_ids.end(), id);
    return it == m_ids.end() ? toWx(id) : m_names[static_cast<std::size_t>(it - m_ids.begin())];
}

std::string DocumentTypeNames::idOf(const wxString& typed, const std::string& key) const {
    const wxString t = wxString(typed).Trim().Trim(false);
    for (std::size_t i = 0; i < m_ids.size(); ++i)
        if (t.CmpNoCase(m_names[i]) == 0 || t.CmpNoCase(toWx(m_english[i])) == 0 || t.CmpNoCase(toWx(m_ids[i])) == 0) return m_ids[i];
    throw InvalidInput(key, toUtf8(wxString::Format(_("\"%s\" is no document type of the catalogue"), t)));
}

}  // namespace traza::gui
