#include "assessment_purpose.h"

#include <wx/intl.h>

#include <array>
#include <utility>

#include "labels.h"

namespace traza::gui {

namespace {

// Each known code with its English label, translated where it is shown.
constexpr std::array<std::pair<const char*, const char*>, 2> knownPurposes{{
    {"chain_map", wxTRANSLATE("Chain map")},
    {"supplier_assessment", wxTRANSLATE("Supplier assessment")},
}};

}  // namespace

wxString purposeLabel(const std::string& stored) {
    for (const auto& [code, english] : knownPurposes)
        if (stored == code) return wxGetTranslation(english);
    return toWx(stored);
}

std::string purposeToStore(const wxString& typed) {
    const wxString trimmed = wxString(typed).Trim().Trim(false);
    for (const auto& [code, english] : knownPurposes)
        if (trimmed.IsSameAs(wxGetTranslation(english), false) || trimmed.IsSameAs(english, false)) return code;
    return typed.utf8_string();
}

}  // namespace traza::gui
